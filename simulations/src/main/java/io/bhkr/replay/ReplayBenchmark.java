package io.bhkr.replay;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSchema;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.journal.JournalTable;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.replay.export.Export;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code bhkr replay benchmark}: builds a journal of at least N events ({@link SyntheticJournal})
 * in the chosen profile, then measures, each as the median of several runs, the rate of reading
 * the rows alone and of reading and decoding them (the limits of this machine and journal), beside
 * the rates of {@code replay verify} and {@code replay export} over the same rows. Nothing here is an assertion: it prints.
 * The figures go to {@code out}; progress (the build, each measured run) to {@code progressTo}, so {@code out} stays the table.
 */
public final class ReplayBenchmark {

  private ReplayBenchmark() {}

  public static void run(JournalProfile profile, JournalSettings base, long events, int runs, PrintStream out, PrintStream progressTo) {
    Path dir;
    try {
      dir = Files.createTempDirectory("bhkr-replay-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ScratchDatabase scratch = ScratchDatabase.of(base, "replay_bench");
    JournalSettings settings = profile == JournalProfile.EMBEDDED ? JournalSettings.defaults(dir)
        : scratch.settings();
    try {
      out.printf(Locale.ROOT, "Building a journal of %,d events (%s, %s)…%n", events, profile, profile.url(settings));
      long built = build(profile, settings, events, new Progress(progressTo, "build", events));
      JournalSource source = new JournalSource(profile, settings);
      out.printf(Locale.ROOT, "%,d events; each figure is the median of %d runs, on %d cores%n", built, runs,
          Runtime.getRuntime().availableProcessors());
      Measure median = (task, what) -> median(runs, task, what, progressTo);
      double scan = median.of(() -> source.forEach(row -> { }), "read rows");
      double decode;
      try (JournalDecoder decoder = new JournalDecoder()) {
        decode = median.of(() -> source.forEach(decoder::decode), "read and decode rows");
      }
      double[] verdict = {0};
      double verify = median.of(() -> {
        Verification v = Replay.verify(source, null);
        verdict[0] = v.ok() ? 1 : 0;
        return v.events();
      }, "replay verify");
      double export = median.of(() -> {
        Export.run(source, dir.resolve("export"), EnumSet.allOf(Export.Format.class), null);
        return built;
      }, "replay export");
      out.printf(Locale.ROOT, "  limit: read rows               %,12.0f events/s%n", scan);
      out.printf(Locale.ROOT, "  limit: read and decode rows    %,12.0f events/s%n", decode);
      out.printf(Locale.ROOT, "  replay verify                  %,12.0f events/s  (%.0f %% of read and decode; verdict %s)%n", verify,
          100 * verify / decode, verdict[0] == 1 ? "OK" : "MISMATCHES");
      out.printf(Locale.ROOT, "  replay export (Parquet and CSV) %,12.0f events/s  (%.0f %% of read and decode)%n", export, 100 * export / decode);
    } finally {
      if (profile == JournalProfile.POSTGRES) scratch.drop();
      delete(dir);
    }
  }

  private static long build(JournalProfile profile, JournalSettings settings, long events, Progress progress) {
    JournalSchema.ensure(profile, settings);
    List<StoredEvent> batch = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(profile.url(settings), profile.user(settings), profile.password(settings))) {
      long[] n = {0};
      SQLException[] failed = {null};
      SyntheticJournal.generate(SyntheticJournal.workedExample(), events, row -> {
        batch.add(row);
        n[0]++;
        progress.step();
        if (batch.size() == 5_000 && failed[0] == null) failed[0] = flush(c, batch);
      });
      if (failed[0] == null) failed[0] = flush(c, batch);
      if (failed[0] != null) throw failed[0];
      progress.finish();
      return n[0];
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the benchmark journal: " + e.getMessage(), e);
    }
  }

  private static SQLException flush(Connection c, List<StoredEvent> batch) {
    try {
      JournalTable.insert(c, batch);
      batch.clear();
      return null;
    } catch (SQLException e) {
      return e;
    }
  }

  private interface Measure {
    double of(java.util.function.LongSupplier task, String what);
  }

  /**
   * Events per second of {@code task} (which returns how many events it handled), the median of
   * {@code runs}; each run's rate goes to {@code progressTo} as it ends.
   */
  private static double median(int runs, java.util.function.LongSupplier task, String what, PrintStream progressTo) {
    double[] rates = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long n = task.getAsLong();
      rates[i] = n / ((System.nanoTime() - start) / 1e9);
      progressTo.printf(Locale.ROOT, "%s: run %d/%d, %,d events, %,.0f events/s%n", what, i + 1, runs, n, rates[i]);
    }
    Arrays.sort(rates);
    return rates[runs / 2];
  }


  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
