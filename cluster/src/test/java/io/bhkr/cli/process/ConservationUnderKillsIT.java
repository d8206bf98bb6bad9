package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.process.fault.FaultMarket;
import io.bhkr.cli.process.fault.FaultOperations;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 6: the real bhkr.jar on PostgreSQL, driven by concurrent clients (deposits,
 * providers qualifying and staking, projects opened, bid on and settled; see
 * {@link FaultOperations}), is killed with SIGKILL several times at random moments and restarted
 * on the same database. At the end the conservation report must hold to the base unit with no
 * transfer credited twice, and no request the node accepted (2xx) may be missing.
 *
 * <p>The kills come after a random number of further requests (seeded; the seed is printed, and
 * {@code -Dbhkr.fault.seed=N} replays the same plan), so they land in the middle of writes,
 * deliveries and auctions. Bounded: a fixed number of kills, each phase and wait with a deadline.
 */
class ConservationUnderKillsIT {

  private static final int KILLS = Integer.getInteger("bhkr.fault.kills", 5);
  private static final int WORKERS = 8;
  private static final Duration PHASE = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofSeconds(90);

  @TempDir Path dataDir;
  @TempDir Path workDir;

  @Test
  void conservationHoldsAndNothingAcceptedIsLostAcrossKills() throws Exception {
    long seed = Long.getLong("bhkr.fault.seed", new Random().nextLong());
    System.out.println("ConservationUnderKillsIT seed " + seed + " (replay with -Dbhkr.fault.seed=" + seed + ")");
    Random plan = new Random(seed);
    long started = System.nanoTime();
    FaultJournal journal = new PostgresFaultJournal();
    List<String> options = new ArrayList<>(journal.nodeOptions(true));
    options.addAll(List.of("--data-dir", dataDir.toString()));
    FaultMarket market = new FaultMarket();
    AtomicBoolean up = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> crashed = new AtomicReference<>();
    Map<String, Integer> operationsRun = new TreeMap<>();
    List<Thread> workers = new ArrayList<>();
    NodeProcess node = null;
    int restarts = 0;
    try {
      node = NodeProcess.startNode("fault-0", workDir, options);
      market.talkTo(node.base());
      up.set(true);
      for (int w = 0; w < WORKERS; w++) {
        Random random = new Random(plan.nextLong());
        Thread t = new Thread(() -> work(market, random, up, stop, operationsRun), "fault-client-" + w);
        t.setUncaughtExceptionHandler((thread, e) -> crashed.set(e));
        workers.add(t);
        t.start();
      }
      for (int kill = 1; kill <= KILLS; kill++) {
        long target = market.requests() + 40 + plan.nextInt(120);
        pollUntil("request " + target, PHASE, () -> market.requests() >= target);
        up.set(false);
        node.kill();
        System.out.printf("kill %d after %d requests%n", kill, market.requests());
        node = NodeProcess.startNode("fault-" + kill, workDir, options);
        restarts++;
        market.talkTo(node.base());
        up.set(true);
      }
      long lastPhase = market.requests() + 60;
      pollUntil("request " + lastPhase, PHASE, () -> market.requests() >= lastPhase);
      stop.set(true);
      for (Thread t : workers) t.join(TimeUnit.SECONDS.toMillis(60));
      if (crashed.get() != null) fail("a client thread failed", crashed.get());

      JsonNode report = settledReport(node.client(), journal);
      checkConservation(report);
      checkDeposits(market, report, journal);
      checkProjectsAndCollateral(market, node.client());
      checkTransfers(market, journal.readSide());
      NodeProcess.Finished audit = NodeProcess.runToEnd("fault-audit", List.of("audit", "--api", node.base().toString()));
      assertEquals(0, audit.exitCode(), audit.output());
      assertTrue(audit.output().contains("VERDICT: OK"), audit.output());

      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
      System.out.printf("ConservationUnderKillsIT survived %d kills and %d restarts in %d s: %d operations %s, %d requests %s;"
              + " %d deposits, %d collateral stakes, %d projects, %d completions accepted; %d ledger events, %d transfers (seed %d)%n",
          KILLS, restarts, seconds, market.operations(), operationsRun, market.requests(), market.answers(),
          accepted(market.deposits().stream().map(FaultMarket.Deposit::answer).toList()),
          accepted(market.stakes().stream().map(FaultMarket.Stake::answer).toList()), market.projects().size(),
          market.completed().size(), report.get("events").asLong(), report.get("transfers").get("sent").asLong(), seed);
      node.stop();
    } finally {
      stop.set(true);
      if (node != null) node.close();
      journal.close();
    }
  }

  /** A client: runs operations of the mix while the node is up, until told to stop. */
  private static void work(FaultMarket market, Random random, AtomicBoolean up, AtomicBoolean stop, Map<String, Integer> run) {
    while (!stop.get()) {
      if (!up.get()) {
        LockSupport.parkNanos(50_000_000L); // the node is being restarted: a bounded wait, the main thread ends it
        continue;
      }
      FaultOperations.Weighted op = FaultOperations.pick(random);
      op.operation().run(market, random);
      market.operationDone();
      synchronized (run) {
        run.merge(op.name(), 1, Integer::sum);
      }
    }
  }

  /**
   * Waits until every transfer has been delivered (the restarted entities redeliver their
   * outboxes) and the projection has folded every ledger event of the journal, then checks it
   * folded each exactly once and gives the report.
   */
  static JsonNode settledReport(SignedClient node, FaultJournal journal) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    long[] inJournal = new long[1];
    pollUntil("the ledger projection to read the whole journal and every transfer to arrive", SETTLE, () -> {
      SignedClient.Response r = node.get("/api/v1/audit/conservation");
      if (r.status() != 200) return false;
      JsonNode report = NodeProcess.json(r.body());
      last.set(report);
      if (report.get("transfers").get("inFlight").asLong() != 0) return false;
      inJournal[0] = journal.ledgerEvents();
      return report.get("events").asLong() >= inJournal[0];
    }, () -> "last report " + last.get() + ", ledger events in the journal " + inJournal[0] + "; " + inFlight(journal));
    assertEquals(inJournal[0], last.get().get("events").asLong(), "the ledger projection folded each ledger event of the journal once");
    return last.get();
  }

  /** For a failure message: the transfers still in flight and every journal event that names them. */
  private static String inFlight(FaultJournal journal) {
    StringBuilder s = new StringBuilder("in flight:");
    PostgresTestDatabase readSide = journal.readSide();
    try (Connection c = DriverManager.getConnection(readSide.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
         Statement st = c.createStatement();
         ResultSet ids = st.executeQuery("SELECT transfer_id FROM ledger_transfers WHERE sent > 0 AND received = 0")) {
      List<String> pending = new ArrayList<>();
      while (ids.next()) pending.add(ids.getString(1));
      for (String id : pending) {
        s.append("\n  ").append(id).append(':');
        for (String event : journal.eventsNaming(id)) s.append("\n    ").append(event);
      }
    } catch (SQLException | RuntimeException e) {
      s.append(" (could not read: ").append(e.getMessage()).append(')');
    }
    return s.toString();
  }

  /** The invariant to the base unit, recomputed here from the report's own numbers, and no anomaly. */
  static void checkConservation(JsonNode report) {
    assertTrue(report.get("ok").asBoolean(), () -> "conservation broken: " + report.toPrettyString());
    report.get("assets").fields().forEachRemaining(e -> {
      JsonNode a = e.getValue();
      BigInteger heldAndInFlight = integer(a, "held").add(integer(a, "inFlight"));
      BigInteger expected = integer(a, "deposited").subtract(integer(a, "withdrawn")).add(integer(a, "minted")).subtract(integer(a, "burned"));
      assertEquals(expected, heldAndInFlight, e.getKey() + ": held + in flight = deposited - withdrawn + minted - burned");
      BigInteger byHolder = BigInteger.ZERO;
      for (JsonNode h : a.get("heldBy")) byHolder = byHolder.add(new BigInteger(h.asText()));
      assertEquals(integer(a, "held"), byHolder, e.getKey() + ": held is the sum over holders");
    });
    JsonNode t = report.get("transfers");
    for (String anomaly : List.of("receivedTwice", "receivedUnsent", "sentTwice", "amountDiffers"))
      assertEquals(0, t.get(anomaly).asLong(), anomaly + ": " + report.toPrettyString());
    assertEquals(0, report.get("anomalies").size());
  }

  /**
   * Deposits against the journal itself: every accepted deposit is there exactly once; the ones
   * beyond those were answered "maybe" (no answer, or 5xx), never refused; and per asset the
   * report's deposited is the journal's sum, between the accepted sum and the accepted plus maybe sum.
   */
  static void checkDeposits(FaultMarket market, JsonNode report, FaultJournal journal) {
    Map<String, Integer> inJournal = new HashMap<>();
    Map<String, BigInteger> journalSum = new HashMap<>();
    for (JsonNode e : journal.deposits()) {
      inJournal.merge(e.get("depositId").asText(), 1, Integer::sum);
      journalSum.merge(e.get("amount").get("asset").asText(), new BigInteger(e.get("amount").get("amount").asText()), BigInteger::add);
    }
    Map<String, BigInteger> acceptedSum = new HashMap<>();
    Map<String, BigInteger> maybeSum = new HashMap<>();
    int accepted = 0;
    int maybe = 0;
    for (FaultMarket.Deposit d : market.deposits()) {
      if (d.answer().accepted()) {
        accepted++;
        String id = d.answer().text("depositId");
        assertEquals(1, inJournal.getOrDefault(id, 0), "accepted deposit " + id + " is in the journal exactly once");
        acceptedSum.merge(d.asset(), d.amount(), BigInteger::add);
      } else if (d.answer().maybe()) {
        maybe++;
        maybeSum.merge(d.asset(), d.amount(), BigInteger::add);
      }
    }
    int total = inJournal.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(inJournal.size(), total, "no deposit id is in the journal twice");
    assertTrue(total >= accepted && total <= accepted + maybe,
        "journal deposits " + total + " between accepted " + accepted + " and accepted + maybe " + (accepted + maybe));
    for (String asset : List.of("BHKR", "ETH")) {
      BigInteger deposited = integer(report.get("assets").get(asset), "deposited");
      BigInteger low = acceptedSum.getOrDefault(asset, BigInteger.ZERO);
      BigInteger high = low.add(maybeSum.getOrDefault(asset, BigInteger.ZERO));
      assertEquals(journalSum.getOrDefault(asset, BigInteger.ZERO), deposited, asset + ": the report's deposited is the journal's sum");
      assertTrue(deposited.compareTo(low) >= 0 && deposited.compareTo(high) <= 0,
          asset + " deposited " + deposited + " must lie in [accepted " + low + ", accepted + maybe " + high + "]");
    }
  }

  /** Every accepted project exists, every accepted completion settled, and accepted collateral is held. */
  static void checkProjectsAndCollateral(FaultMarket market, SignedClient client) {
    for (String projectId : market.projects()) {
      SignedClient.Response r = client.get("/api/v1/projects/" + projectId);
      assertEquals(200, r.status(), "accepted project " + projectId + " exists: " + r.body());
    }
    for (String projectId : market.completed())
      assertEquals("SETTLED", NodeProcess.json(client.get("/api/v1/projects/" + projectId).body()).get("status").asText(),
          "accepted completion of " + projectId);
    Map<String, BigInteger> low = new HashMap<>();
    Map<String, BigInteger> high = new HashMap<>();
    for (FaultMarket.Stake s : market.stakes()) {
      if (s.answer().accepted()) low.merge(s.provider(), s.amount(), BigInteger::add);
      if (s.answer().accepted() || s.answer().maybe()) high.merge(s.provider(), s.amount(), BigInteger::add);
    }
    high.forEach((provider, most) -> {
      SignedClient.Response r = client.get("/api/v1/providers/" + provider);
      BigInteger collateral = r.status() == 200
          ? new BigInteger(NodeProcess.json(r.body()).get("collateral").get("amount").asText()) : BigInteger.ZERO;
      BigInteger least = low.getOrDefault(provider, BigInteger.ZERO);
      assertTrue(collateral.compareTo(least) >= 0 && collateral.compareTo(most) <= 0,
          provider + " collateral " + collateral + " must lie in [accepted " + least + ", accepted + maybe " + most + "]");
    });
  }

  /** Every accepted transfer was debited once and credited once: by the ledger read side, which the journal fills exactly once. */
  static void checkTransfers(FaultMarket market, PostgresTestDatabase database) throws SQLException {
    Map<String, int[]> ledger = new HashMap<>();
    try (Connection c = DriverManager.getConnection(database.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT transfer_id, sent, received FROM ledger_transfers")) {
      while (rs.next()) ledger.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
    }
    for (FaultMarket.Transfer t : market.transfers()) {
      if (!t.answer().accepted()) continue;
      String id = t.answer().text("transferId");
      int[] counts = ledger.get(id);
      assertTrue(counts != null && counts[0] == 1 && counts[1] == 1,
          "accepted transfer " + id + " of " + t.amount() + " from " + t.from() + " was sent and received once: "
              + (counts == null ? "not in the ledger" : "sent " + counts[0] + ", received " + counts[1]));
    }
  }

  static long accepted(List<io.bhkr.cli.process.fault.Answer> answers) {
    return answers.stream().filter(a -> a.status() >= 200 && a.status() < 300).count();
  }

  private static BigInteger integer(JsonNode parent, String field) {
    return new BigInteger(parent.get(field).asText());
  }

  static void pollUntil(String what, Duration limit, java.util.function.BooleanSupplier condition) {
    pollUntil(what, limit, condition, () -> "");
  }

  // The only waiting in this test: a condition polled until a deadline.
  static void pollUntil(String what, Duration limit, java.util.function.BooleanSupplier condition,
      java.util.function.Supplier<String> detail) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("waited " + limit + " for " + what + "; " + detail.get());
      LockSupport.parkNanos(100_000_000L);
    }
  }
}
