package io.bhkr.simulation;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bhkr.jar simulate}: runs a scenario N times with seeds derived from one seed, optionally
 * over a sweep of one parameter, on a fixed pool of threads, and writes CSV files, PNG charts and
 * an HTML report. Results are written in run order, so the same command writes the same bytes.
 */
public final class SimulateCommand {

  private SimulateCommand() {}

  /** Options as bhkr.jar's command line (picocli) parsed them; {@code sweepPath} empty without a sweep. */
  public record Options(String scenario, Integer days, int runs, long seed, Path out, String sweepPath, List<String> sweepValues, int threads,
      boolean benchmark, int providers, int projects) {}

  /** Runs checked options: exit 0, 1 if a run broke conservation or failed, 2 for a scenario that does not load. */
  public static int run(Options o, PrintStream out, PrintStream err) {
    try {
      if (o.benchmark()) return Benchmark.run(o, out, err);
      return simulate(o, out, err);
    } catch (Ledger.ConservationBroken e) {
      err.println("simulate: " + e.getMessage());
      return 1;
    } catch (BadScenario e) {
      err.println("simulate: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      // a bug in a run, not in the command line: say where, and fail
      err.println("simulate: a run failed: " + e);
      for (StackTraceElement frame : e.getStackTrace()) err.println("    at " + frame);
      return 1;
    }
  }

  /** The seeds of runs 0..n-1: the seed's own stream, so run i's seed does not depend on n. */
  static long[] seeds(long seed, int runs) {
    return new SplittableRandom(seed).longs(runs).toArray();
  }

  /** One sweep point: the value swept (empty without a sweep) and the scenario with it. */
  record Point(int index, String value, Scenario scenario) {}

  static List<Point> points(Scenario base, String sweepPath, List<String> values) {
    List<Point> points = new ArrayList<>();
    if (sweepPath.isEmpty()) {
      points.add(new Point(0, "", base));
      return points;
    }
    for (int i = 0; i < values.size(); i++) points.add(new Point(i, values.get(i).trim(), base.with(sweepPath, values.get(i).trim())));
    return points;
  }

  /** A scenario or sweep that cannot be read: a usage error (exit 2), unlike a failing run (exit 1). */
  static final class BadScenario extends RuntimeException {
    BadScenario(String message) {
      super(message);
    }
  }

  static int simulate(Options o, PrintStream out, PrintStream err) throws Exception {
    Scenario base;
    String sweepPath = o.sweepPath();
    List<String> values = o.sweepValues();
    List<Point> points;
    try {
      base = Scenario.load(o.scenario());
      if (o.days() != null) base = base.withDays(o.days());
      if (sweepPath.isEmpty() && base.config().hasPath("sweep.path")) { // the scenario's own sweep
        sweepPath = base.config().getString("sweep.path");
        values = base.config().getList("sweep.values").stream().map(v -> v.unwrapped().toString()).toList();
      }
      points = points(base, sweepPath, values);
      for (Point p : points) p.scenario().parameters(); // refuse bad governance parameters before any run
    } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
      throw new BadScenario(e.getMessage());
    }
    long[] seeds = seeds(o.seed(), o.runs());
    int total = points.size() * o.runs();
    err.printf("simulate: scenario %s, %d days, %d point(s) x %d run(s), seed %d, %d thread(s)%n", base.name(), base.days(),
        points.size(), o.runs(), o.seed(), Math.min(o.threads(), total));
    Progress progress = new Progress(err, total, base.days());
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.threads(), total));
    List<Future<RunResult>> futures = new ArrayList<>();
    try {
      for (Point p : points)
        for (int r = 0; r < o.runs(); r++) {
          int run = r;
          futures.add(pool.submit(() -> {
            RunResult result = new Market(p.scenario(), seeds[run], day -> progress.day(p.index(), run, day)).run(p.index(), p.value(), run, seeds[run]);
            progress.done(p.index(), run, result.events());
            return result;
          }));
        }
      List<RunResult> results = new ArrayList<>();
      for (Future<RunResult> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException re) throw re;
          throw e;
        }
      }
      Path dir = o.out();
      for (RunResult r : results) Outputs.writeRun(dir, r);
      List<Outputs.Aggregate> aggregates = Outputs.writeSummary(dir, base, sweepPath, results);
      List<String> charts = Charts.write(dir.resolve("charts"), points, results, aggregates, sweepPath);
      Report.write(dir, base, sweepPath, points, o, results, aggregates, charts);
      out.println("simulate: " + total + " run(s) balanced every asset; report " + dir.resolve("index.html"));
      return 0;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Progress lines on stderr: a run's day every so often, and each run as it ends. */
  static final class Progress {
    private final PrintStream err;
    private final int total, days, every;
    private int done;

    Progress(PrintStream err, int total, int days) {
      this.err = err;
      this.total = total;
      this.days = days;
      this.every = Math.max(1, days / 4);
    }

    void day(int point, int run, int day) {
      if (total <= 4 && day % every == 0 && day < days) synchronized (this) {
        err.printf("  point %d run %d: day %d/%d%n", point, run, day, days);
      }
    }

    synchronized void done(int point, int run, long events) {
      done++;
      err.printf("  [%d/%d] point %d run %d done (%d events)%n", done, total, point, run, events);
    }
  }
}
