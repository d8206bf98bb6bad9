package io.bhkr.cli.bench;

import akka.Done;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.replay.ScratchDatabase;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * {@code bhkr bench entities}: heap per resident entity and recovery after a restart. Accounts
 * are created in the node's JVM, each by one deposit (one journal event; accounts are remembered
 * entities, so they stay resident). The used heap after a full collection, less what the started
 * node used before, is divided by the entities at a tenth of {@code entities} and at all of them;
 * half of them are written first, the node stopped and a new one started on the same journal,
 * and the time until every one of them has answered is the recovery figure. Last, the read sides
 * fold the journal of deposits again from empty ({@link CatchUp}).
 */
public final class EntityBenchmark {

  private static final int OUTSTANDING = 256;
  private static final Duration ASK = Duration.ofSeconds(60);

  private EntityBenchmark() {}

  public static void run(JournalProfile profile, JournalSettings base, int entities, PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("bhkr-bench-entities-");
    ScratchDatabase scratch = ScratchDatabase.of(base, "bench_entities");
    JournalSettings settings = profile == JournalProfile.EMBEDDED ? JournalSettings.defaults(dir) : scratch.settings();
    NodeOptions options = NodeOptions.defaults().withHttpPort(0).withProfile(profile, settings);
    int tenth = Math.max(1, entities / 10);
    int half = entities / 2;
    out.printf(Locale.ROOT, "BHKR resident entities and recovery, %s journal (%s), %s%n", profile.id(), profile.url(settings), Machine.describe());
    try {
      long baseline;
      long atTenth;
      long rowsBefore;
      long rowsAfter;
      double writeSeconds;
      try (Node node = Node.start(options)) {
        baseline = usedHeapAfterGc();
        rowsBefore = ApiBenchmark.journalEnd(profile, settings);
        long start = System.nanoTime();
        touch(node.market(), 0, tenth);
        atTenth = usedHeapAfterGc();
        touch(node.market(), tenth, half);
        writeSeconds = (System.nanoTime() - start) / 1e9;
        rowsAfter = ApiBenchmark.journalEnd(profile, settings);
      }
      out.printf(Locale.ROOT, "  %,d accounts written, one deposit each: %,.0f accounts/s, %,d journal rows (%.1f per account)%n", half,
          half / writeSeconds, rowsAfter - rowsBefore, (double) (rowsAfter - rowsBefore) / half);
      long started = System.nanoTime();
      try (Node node = Node.start(options)) {
        long ready = System.nanoTime();
        read(node.market(), 0, half);
        long recovered = System.nanoTime();
        out.printf(Locale.ROOT, "  recovery of %,d accounts after a restart: %.1f s (node start %.1f s, then every account answered in %.1f s: %,.0f accounts/s, %,.0f journal rows/s)%n",
            half, (recovered - started) / 1e9, (ready - started) / 1e9, (recovered - ready) / 1e9, half / ((recovered - ready) / 1e9),
            (rowsAfter - rowsBefore) / ((recovered - ready) / 1e9));
        touch(node.market(), half, entities);
        long atAll = usedHeapAfterGc();
        out.printf(Locale.ROOT, "  heap per resident account at %,7d: %,8.0f bytes (%,d MiB above the started node)%n", tenth,
            (double) (atTenth - baseline) / tenth, (atTenth - baseline) >> 20);
        out.printf(Locale.ROOT, "  heap per resident account at %,7d: %,8.0f bytes (%,d MiB above the started node; 100,000 would take %,d MiB)%n",
            entities, (double) (atAll - baseline) / entities, (atAll - baseline) >> 20, (atAll - baseline) * 100_000L / entities >> 20);
      }
      CatchUp.print(profile, settings, out);
      out.println();
      JournalLimits.print(profile, settings, 3, out);
    } finally {
      if (profile == JournalProfile.POSTGRES) scratch.drop();
    }
    out.println("  (" + Machine.describe() + " at the end)");
  }

  static String account(int i) {
    return String.format(Locale.ROOT, "0x%040x", 0xbe_0000_0000L + i);
  }

  /** One deposit of 1 base unit into each account from {@code from} to {@code to}, {@link #OUTSTANDING} at a time. */
  private static void touch(Market market, int from, int to) throws Exception {
    each(from, to, i -> market.account(account(i)).<Done>ask(r -> new AccountEntity.Deposit("bench-" + i, Amount.of(Asset.BHKR, 1), r), ASK)
        .toCompletableFuture());
  }

  private static void read(Market market, int from, int to) throws Exception {
    each(from, to, i -> market.account(account(i)).<AccountEntity.AccountView>ask(AccountEntity.Get::new, ASK).toCompletableFuture());
  }

  private static void each(int from, int to, Function<Integer, CompletableFuture<?>> ask) throws Exception {
    Semaphore slots = new Semaphore(OUTSTANDING);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    for (int i = from; i < to && failed.get() == null; i++) {
      slots.acquire();
      ask.apply(i).whenComplete((x, e) -> {
        if (e != null) failed.compareAndSet(null, e);
        slots.release();
      });
    }
    slots.acquire(OUTSTANDING);
    if (failed.get() != null) throw new IllegalStateException("an account did not answer: " + failed.get().getMessage(), failed.get());
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
