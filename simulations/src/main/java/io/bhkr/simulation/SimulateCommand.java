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

  public static final String USAGE = """
        java -jar bhkr.jar simulate [--scenario NAME|FILE] [--days N] [--runs N] [--seed N] [--out DIR]
                                   [--sweep PATH=V1,V2,...] [--threads N]
                                   simulate the market on the production rules; scenarios shipped: baseline,
                                   slashing-storm, new-entrants, second-price, s1, m1 (or a HOCON file);
                                   writes CSV, PNG charts and DIR/index.html (defaults: baseline, its days,
                                   1 run, seed 1, out simulation-out, threads = cores); exit 1 if a run
                                   breaks conservation
        java -jar bhkr.jar simulate --benchmark [--providers N] [--projects N] [--days N] [--seed N]
                                   one run of a large market; prints simulated events/s
      """;

  private SimulateCommand() {}

  /** The same command without the node jar (the module's classpath is enough). */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Options as parsed (here, or by bhkr.jar's command line); {@code sweepPath} empty without a sweep. */
  public record Options(String scenario, Integer days, int runs, long seed, Path out, String sweepPath, List<String> sweepValues, int threads,
      boolean benchmark, int providers, int projects, boolean help) {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("simulate: " + e.getMessage());
      err.print("Usage:\n" + USAGE);
      return 2;
    }
    if (o.help()) {
      out.print("Usage:\n" + USAGE);
      return 0;
    }
    return run(o, out, err);
  }

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

  static Options parse(List<String> args) {
    String scenario = "baseline", sweepPath = "";
    Integer days = null;
    int runs = 1, threads = Runtime.getRuntime().availableProcessors(), providers = 1000, projects = 20_000;
    long seed = 1;
    Path out = Path.of("simulation-out");
    List<String> sweepValues = List.of();
    boolean benchmark = false, help = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--benchmark" -> benchmark = true;
        case "--scenario" -> scenario = value(args, ++i, a);
        case "--days" -> days = positive(value(args, ++i, a), a);
        case "--runs" -> runs = positive(value(args, ++i, a), a);
        case "--threads" -> threads = positive(value(args, ++i, a), a);
        case "--providers" -> providers = positive(value(args, ++i, a), a);
        case "--projects" -> projects = positive(value(args, ++i, a), a);
        case "--seed" -> {
          String v = value(args, ++i, a);
          try {
            seed = Long.parseLong(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got '" + v + "'");
          }
        }
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--sweep" -> {
          String v = value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0 || eq == v.length() - 1) throw new IllegalArgumentException("--sweep takes PATH=V1,V2,..., got '" + v + "'");
          sweepPath = v.substring(0, eq);
          sweepValues = List.of(v.substring(eq + 1).split(","));
        }
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    return new Options(scenario, days, runs, seed, out, sweepPath, sweepValues, threads, benchmark, providers, projects, help);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
    return args.get(i);
  }

  private static int positive(String v, String option) {
    try {
      int n = Integer.parseInt(v);
      if (n < 1) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a positive whole number, got '" + v + "'");
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
