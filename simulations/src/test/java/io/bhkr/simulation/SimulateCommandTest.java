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

/** The command line: help, bad options, a sweep. */
class SimulateCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulateCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpExitsZero() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--scenario"));
  }

  @Test
  void badOptionsExitTwo() {
    assertEquals(2, run("--runs", "zero"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--runs must be a positive whole number"));
    assertEquals(2, run("--frobnicate"));
    assertEquals(2, run("--scenario", "no-such-scenario"));
    assertEquals(2, run("--sweep", "slashing.rate-per-validator-year"));
    assertEquals(2, run("--sweep", "no.such.path=1,2"));
  }

  @Test
  void sweepRunsEveryPoint(@TempDir Path tmp) throws Exception {
    assertEquals(0, run("--scenario", "baseline", "--days", "20", "--runs", "2", "--seed", "3", "--sweep",
        "slashing.rate-per-validator-year=0,2", "--out", tmp.toString()));
    List<String> summary = Files.readAllLines(tmp.resolve("summary.csv"));
    assertEquals(1 + 4, summary.size());
    assertTrue(summary.get(1).startsWith("0,slashing.rate-per-validator-year,0,0,"), summary.get(1));
    assertTrue(summary.get(4).startsWith("1,slashing.rate-per-validator-year,2,1,"), summary.get(4));
    assertTrue(Files.exists(tmp.resolve("runs/p01-run001/projects.csv")));
  }
}
