package io.bhkr.simulation;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code simulate --benchmark}: one run of a large baseline market (default 1,000 providers and
 * 20,000 projects over 365 days) with no files written; prints simulated events per second. Wall
 * time is measured here only, never inside a run.
 */
final class Benchmark {

  private Benchmark() {}

  static int run(SimulateCommand.Options o, PrintStream out, PrintStream err) {
    int days = o.days() == null ? 365 : o.days();
    Scenario s = Scenario.load(o.scenario()).withDays(days)
        .with("market.providers", Integer.toString(o.providers()))
        .with("market.projects-per-year", Double.toString(o.projects() * 365.0 / days));
    err.printf("benchmark: %s, %d providers, %d projects over %d days, seed %d%n", s.name(), o.providers(), o.projects(), days, o.seed());
    long start = System.nanoTime();
    RunResult r = new Market(s, o.seed(), day -> {
      if (day % 73 == 0) err.printf("  day %d/%d%n", day, days);
    }).run(0, "", 0, o.seed());
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(java.util.Locale.ROOT, "benchmark: %d simulated events (%d projects, %d providers) in %.2f s: %.0f events/s; conservation held%n",
        r.events(), r.projects().size(), r.providers().size(), seconds, r.events() / seconds);
    return 0;
  }
}
