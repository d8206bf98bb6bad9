package io.bhkr.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command on options: a scenario that does not load, a sweep. */
class SimulateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

  /** Options as bhkr.jar's command line makes them (its parsing is tested there, in CommandLineHelpTest). */
  private static SimulateCommand.Options options(String scenario, int days, int runs, long seed, Path out, String sweepPath,
      List<String> sweepValues) {
    return new SimulateCommand.Options(scenario, days, runs, seed, out, sweepPath, sweepValues, 2, false, 1000, 20_000);
  }

  private int run(SimulateCommand.Options o) {
    return SimulateCommand.run(o, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aScenarioOrSweepThatDoesNotLoadExitsTwo(@TempDir Path tmp) {
    assertEquals(2, run(options("no-such-scenario", 20, 1, 1, tmp, "", List.of())));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no-such-scenario"), err.toString(StandardCharsets.UTF_8));
    assertEquals(2, run(options("baseline", 20, 1, 1, tmp, "no.such.path", List.of("1", "2"))));
  }

  @Test
  void sweepRunsEveryPoint(@TempDir Path tmp) throws Exception {
    assertEquals(0, run(options("baseline", 20, 2, 3, tmp, "slashing.rate-per-validator-year", List.of("0", "2"))));
    List<String> summary = Files.readAllLines(tmp.resolve("summary.csv"));
    assertEquals(1 + 4, summary.size());
    assertTrue(summary.get(1).startsWith("0,slashing.rate-per-validator-year,0,0,"), summary.get(1));
    assertTrue(summary.get(4).startsWith("1,slashing.rate-per-validator-year,2,1,"), summary.get(4));
    assertTrue(Files.exists(tmp.resolve("runs/p01-run001/projects.csv")));
  }
}
