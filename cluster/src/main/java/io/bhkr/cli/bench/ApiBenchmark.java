package io.bhkr.cli.bench;

import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.auth.SignatureBenchmark;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.journal.BatchedJournalDao;
import io.bhkr.persistence.metrics.NodeMetrics;
import io.bhkr.persistence.metrics.TimedJdbcJournal;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.bhkr.replay.ScratchDatabase;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * {@code bhkr bench api}: a node started here on a fresh journal (embedded, or a fresh PostgreSQL
 * database dropped afterwards) takes signed account transfers from 1, 16 and 64 closed-loop
 * clients; it prints writes/s, latency percentiles and journal rows per write, beside what this
 * machine's database and CPU can do, measured in the same run. Nothing is asserted.
 */
public final class ApiBenchmark {

  private static final int ACCOUNTS = 64;
  private static final int[] CLIENTS = {1, 16, 64};

  private ApiBenchmark() {}

  public static void run(JournalProfile profile, JournalSettings base, int seconds, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("bhkr-bench-api-");
    ScratchDatabase scratch = ScratchDatabase.of(base, "bench_api");
    JournalSettings settings = profile == JournalProfile.EMBEDDED ? JournalSettings.defaults(dir)
        : scratch.settings();
    out.printf(Locale.ROOT, "BHKR signed writes, %s journal (%s), %d cores, %d s per concurrency%n", profile.id(),
        profile.url(settings), Runtime.getRuntime().availableProcessors(), seconds);
    List<SignedLoad.Result> results = new ArrayList<>();
    List<Long> rows = new ArrayList<>();
    List<JournalWrites> batches = new ArrayList<>();
    try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(profile, settings))) {
      URI uri = URI.create(node.baseUrl());
      List<Credentials> accounts = fund(uri);
      for (int clients : CLIENTS) {
        long before = journalEnd(profile, settings);
        JournalWrites batchesBefore = JournalWrites.of(node);
        int perClient = (int) Math.max(200, Math.ceil(4_000 * seconds / clients)); // more than the node can take in the time
        SignedLoad.Result r = SignedLoad.run(uri, accounts, clients, perClient, seconds);
        results.add(r);
        rows.add(journalEnd(profile, settings) - before);
        batches.add(JournalWrites.of(node).since(batchesBefore));
      }
    }
    out.println();
    out.println("  clients  writes/s  refused  p50 ms  p99 ms  max ms  journal rows/s  rows per write  journal tx/s  events per tx  tx ms  of it waiting ms  persist ms");
    for (int i = 0; i < results.size(); i++) {
      SignedLoad.Result r = results.get(i);
      JournalWrites b = batches.get(i);
      out.printf(Locale.ROOT, "  %7d  %8.0f  %7d  %6.1f  %6.1f  %6.1f  %14.0f  %14.1f  %12s  %13s  %5s  %16s  %10s%n", r.clients(), r.perSecond(), r.refused(),
          r.p50Ms(), r.p99Ms(), r.maxMs(), rows.get(i) / r.seconds(), r.accepted() == 0 ? 0 : (double) rows.get(i) / r.accepted(),
          b.perTx(b.transactions() / r.seconds(), "%.0f"), b.perTx(b.events() / b.transactions(), "%.1f"),
          b.perTx(b.transactionMs() / b.transactions(), "%.1f"), b.perTx(b.waitingMs() / b.transactions(), "%.1f"),
          b.perTx(b.persists() == 0 ? 0 : b.persistMs() / b.persists(), "%.1f"));
    }
    out.println("  (journal tx: the batched journal DAO's write transactions, from its bhkr.journal.batch.events metric; tx ms: their mean");
    out.println("   time from hand-over to commit, bhkr.journal.batch.duration; waiting: for a write thread and a pooled connection;");
    out.println("   persist ms: the mean time from the journal receiving a write to its answer, bhkr.journal.persist)");
    out.println();
    out.println("This machine's limits, same run:");
    try {
      JournalLimits.Rates limits = JournalLimits.measure(profile, profile.url(settings), profile.user(settings), profile.password(settings),
          Math.min(seconds, 5));
      out.printf(Locale.ROOT, "  journal-shaped rows, 100-row batches, 1 connection   %,10.0f rows/s%n", limits.batchedRowsPerSecond());
      out.printf(Locale.ROOT, "  journal-shaped rows, one per commit, 8 connections   %,10.0f rows/s%n", limits.singleRowCommitsPerSecond());
      double best = rows.get(rows.size() - 1) / results.get(results.size() - 1).seconds();
      out.printf(Locale.ROOT, "  the node's journal rows/s at 64 clients are %.0f %% of the batched limit%n",
          100 * best / limits.batchedRowsPerSecond());
    } finally {
      if (profile == JournalProfile.POSTGRES) scratch.drop();
    }
    SignatureBenchmark.run(500, 1, 3, out);
  }

  /** 64 fresh accounts, each given 1,000 BHKR by the development operator. */
  private static List<Credentials> fund(URI node) throws Exception {
    SignedClient operator = new SignedClient(node, DevelopmentAccounts.credentials(0));
    List<Credentials> accounts = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      Credentials c = Credentials.create(Keys.createEcKeyPair());
      var r = operator.post("/api/v1/dev/deposits", "{\"account\":\"" + c.getAddress() + "\",\"asset\":\"BHKR\",\"amount\":\"1000000000000000000000\"}");
      if (r.status() != 201) throw new IllegalStateException("deposit refused: " + r.status() + " " + r.body());
      accounts.add(c);
    }
    return accounts;
  }

  /**
   * The batched journal DAO's write transactions so far, the events they held and the
   * milliseconds they took and waited in all, with the journal's persists and their time; zeros
   * where those meters are missing.
   */
  private record JournalWrites(double transactions, double events, double transactionMs, double waitingMs, double persists,
      double persistMs) {

    static JournalWrites of(Node node) {
      MeterRegistry registry = NodeMetrics.get(node.system()).registry();
      DistributionSummary summary = registry.find(BatchedJournalDao.BATCH_EVENTS).summary();
      Timer took = registry.find(BatchedJournalDao.BATCH_DURATION).timer();
      Timer waited = registry.find(BatchedJournalDao.CONNECTION_WAIT).timer();
      if (summary == null || took == null || waited == null) return new JournalWrites(0, 0, 0, 0, 0, 0);
      double persists = 0;
      double persistMs = 0;
      for (Timer t : registry.find(TimedJdbcJournal.PERSIST).timers()) {
        persists += t.count();
        persistMs += t.totalTime(TimeUnit.MILLISECONDS);
      }
      return new JournalWrites(summary.count(), summary.totalAmount(), took.totalTime(TimeUnit.MILLISECONDS),
          waited.totalTime(TimeUnit.MILLISECONDS), persists, persistMs);
    }

    JournalWrites since(JournalWrites before) {
      return new JournalWrites(transactions - before.transactions, events - before.events, transactionMs - before.transactionMs,
          waitingMs - before.waitingMs, persists - before.persists, persistMs - before.persistMs);
    }

    /** A per-transaction figure, or "-" where the journal made no transaction (another DAO). */
    String perTx(double value, String format) {
      return transactions == 0 ? "-" : String.format(Locale.ROOT, format, value);
    }
  }

  static long journalEnd(JournalProfile profile, JournalSettings settings) throws SQLException {
    try (Connection c = DriverManager.getConnection(profile.url(settings), profile.user(settings), profile.password(settings));
        Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(\"ordering\") FROM \"event_journal\"")) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

}
