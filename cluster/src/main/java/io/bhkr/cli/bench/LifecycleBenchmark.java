package io.bhkr.cli.bench;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;

import com.typesafe.config.ConfigFactory;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.replay.ScratchDatabase;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * {@code bhkr bench lifecycles}: full project lifecycles per second through the signed API and
 * in-process (the entities asked directly), at several numbers of lifecycles in flight, with the
 * journal events each lifecycle wrote, beside the journal limits of this machine measured in the
 * same run. Each figure is the median of {@code runs} runs. Then how far the ledger projection
 * was behind when the load stopped, and how fast the read sides fold the whole journal again
 * ({@link CatchUp}). Nothing is asserted.
 */
public final class LifecycleBenchmark {

  private LifecycleBenchmark() {}

  public static void run(JournalProfile profile, JournalSettings base, int seconds, int runs, int[] inFlight, int bidWindow,
      PrintStream out)
      throws Exception {
    Path dir = Files.createTempDirectory("bhkr-bench-lifecycles-");
    ScratchDatabase scratch = ScratchDatabase.of(base, "bench_lifecycles");
    JournalSettings settings = profile == JournalProfile.EMBEDDED ? JournalSettings.defaults(dir) : scratch.settings();
    out.printf(Locale.ROOT, "BHKR project lifecycles, %s journal (%s), %s%n", profile.id(), profile.url(settings), Machine.describe());
    out.printf(Locale.ROOT, "  %d s per run, median of %d runs, bid window %d s (a lifecycle cannot settle sooner)%n", seconds, runs,
        bidWindow);
    int clients = java.util.Arrays.stream(inFlight).max().orElse(1);
    Map<String, List<ClosedLoop.Run>> results = new LinkedHashMap<>();
    long lag;
    try {
      try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(profile, settings),
          ConfigFactory.parseString("bhkr.development-bid-window-seconds = " + bidWindow))) {
        URI uri = URI.create(node.baseUrl());
        DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
        Map<String, SignedClient> providers = new LinkedHashMap<>();
        for (int p : new int[] {DevelopmentMarket.P1, DevelopmentMarket.P2, DevelopmentMarket.P3}) {
          market.becomeActiveProvider(p, 90, 3_000); // room for every lifecycle in flight to run at once
          market.deposit(p, "ETH", tokens(10_000_000));
          providers.put(DevelopmentMarket.address(p).toLowerCase(Locale.ROOT), market.as(p));
        }
        List<SignedClient> requesters = new ArrayList<>();
        List<String> requesterAddresses = new ArrayList<>();
        SignedClient operator = market.as(DevelopmentMarket.OPERATOR);
        for (int i = 0; i < clients; i++) {
          Credentials c = Credentials.create(Keys.createEcKeyPair());
          DevelopmentMarket.expect(201, operator.post("/api/v1/dev/deposits",
              "{\"account\":\"" + c.getAddress() + "\",\"asset\":\"BHKR\",\"amount\":\"" + tokens(10_000_000) + "\"}"));
          requesters.add(new SignedClient(uri, c));
          requesterAddresses.add(c.getAddress().toLowerCase(Locale.ROOT));
        }
        ClosedLoop.JournalEnd journal = () -> ApiBenchmark.journalEnd(profile, settings);
        Lifecycles http = Lifecycles.http(market.anonymous(), requesters, providers);
        Lifecycles local = Lifecycles.inProcess(node.system(), node.market(), requesterAddresses, List.copyOf(providers.keySet()));
        for (int n : inFlight) {
          for (int r = 0; r < runs; r++) results.computeIfAbsent("http " + n, k -> new ArrayList<>()).add(ClosedLoop.run(http, n, seconds, journal));
          for (int r = 0; r < runs; r++)
            results.computeIfAbsent("in-process " + n, k -> new ArrayList<>()).add(ClosedLoop.run(local, n, seconds, journal));
        }
        lag = ledgerLag(node);
      }
      out.println();
      out.println("  (journal events per lifecycle count every row the runs wrote, failed lifecycles' too: read them where failed is 0)");
      out.println("  way         in flight  lifecycles/s  p50 ms  p99 ms  failed  journal events/lifecycle  ceiling (in flight / window)");
      for (var e : results.entrySet()) {
        ClosedLoop.Run m = median(e.getValue(), Comparator.comparingDouble(ClosedLoop.Run::perSecond));
        double rows = median(e.getValue(), Comparator.comparingDouble(ClosedLoop.Run::rowsPerLifecycle)).rowsPerLifecycle();
        out.printf(Locale.ROOT, "  %-10s  %9d  %12.1f  %6.0f  %6.0f  %6d  %24.1f  %10.0f%n", e.getKey().split(" ")[0], m.inFlight(), m.perSecond(),
            m.p50Ms(), m.p99Ms(), e.getValue().stream().mapToLong(ClosedLoop.Run::failed).sum(), rows, (double) m.inFlight() / bidWindow);
        e.getValue().stream().map(ClosedLoop.Run::firstFailure).filter(f -> f != null).findFirst()
            .ifPresent(f -> out.println("    first failure: " + f));
      }
      out.println();
      out.printf(Locale.ROOT, "  ledger projection behind the journal when the load stopped: %,d journal rows%n", lag);
      CatchUp.print(profile, settings, out);
      out.println();
      JournalLimits.print(profile, settings, Math.min(seconds, 5), out);
    } finally {
      if (profile == JournalProfile.POSTGRES) scratch.drop();
    }
    out.println("  (" + Machine.describe() + " at the end)");
  }

  /** How far (in journal orderings) the node's ledger projection is behind the newest ledger event. */
  private static long ledgerLag(Node node) throws java.sql.SQLException {
    LedgerDatabase database = LedgerDatabase.get(node.system());
    return Math.max(0, database.journaledUpTo() - database.report(0).projectedUpTo());
  }

  static <T> T median(List<T> values, Comparator<T> order) {
    List<T> sorted = new ArrayList<>(values);
    sorted.sort(order);
    return sorted.get(sorted.size() / 2);
  }
}
