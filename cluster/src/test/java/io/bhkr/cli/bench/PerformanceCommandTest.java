package io.bhkr.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.bhkr.persistence.JournalProfile;
import org.junit.jupiter.api.Test;

/**
 * The performance benchmarks run end to end at tiny sizes and print their figure lines, so that
 * they cannot rot; the figures themselves are never asserted.
 */
class PerformanceCommandTest {

  private interface Benchmark {
    int run(PrintStream out) throws Exception;
  }

  private static String run(Benchmark benchmark) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      assertEquals(0, benchmark.run(out));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The command line's answer to words it must refuse: exit 2, and what it said. */
  private static String refused(String... words) {
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = io.bhkr.cli.Main.execute(List.of(words), new java.io.PrintWriter(new java.io.StringWriter(), true),
        new java.io.PrintWriter(err, true));
    assertEquals(2, exit, err.toString());
    return err.toString();
  }

  @Test
  void allPrintsEveryBenchmarkBesideTheLimits() throws Exception {
    PerformanceCommand.Sizes tiny = new PerformanceCommand.Sizes(1, 1, new int[] {2}, 200, 2_000);
    String out = run(o -> PerformanceCommand.all(JournalProfile.EMBEDDED, tiny, null, o, new PrintStream(OutputStream.nullOutputStream())));
    // bench api
    assertTrue(out.matches("(?s).*\\n +64 +\\d+ .*"), out);
    assertTrue(out.contains("recoveries/s per core"), out);
    assertTrue(out.contains("of it waiting ms  persist ms"), out);
    // bench lifecycles
    assertTrue(out.matches("(?s).*\\n  http +2 .*"), out);
    assertTrue(out.matches("(?s).*\\n  in-process +2 .*"), out);
    assertTrue(out.contains("ledger projection behind the journal when the load stopped"), out);
    assertTrue(out.contains("common pool parallelism"), out);
    // bench entities
    assertTrue(out.contains("100 accounts written, one deposit each"), out);
    assertTrue(out.contains("recovery of 100 accounts after a restart"), out);
    assertTrue(out.contains("heap per resident account at      20"), out);
    assertTrue(out.contains("heap per resident account at     200"), out);
    // the read sides fold the journals of both again from empty, and the audit of each balances
    assertEquals(2, out.split("ledger projection catching up from empty: .* \\(the audit balances\\)", -1).length - 1, out);
    assertEquals(2, out.split("listing projections \\(3\\) catching up from empty", -1).length - 1, out);
    assertTrue(out.contains("journal-shaped rows, 100-row batches"), out);
    assertTrue(out.contains("journal-shaped rows, one per commit"), out);
    // replay benchmark
    assertTrue(out.contains("replay verify"), out);
  }

  @Test
  void optionsOfTheOtherBenchmarkAreRefusedBeforeAnythingStarts() {
    assertTrue(refused("bench", "entities", "--seconds", "1").startsWith("bhkr: Unknown options: '--seconds'"));
    assertTrue(refused("bench", "lifecycles", "--entities", "100").startsWith("bhkr: Unknown options: '--entities'"));
    assertTrue(refused("bench", "lifecycles", "--in-flight", "0").startsWith("bhkr: --in-flight must be from 1 to 2000"));
    assertTrue(refused("bench", "lifecycles", "--profile", "cassandra").startsWith("bhkr: bench lifecycles runs on embedded or postgres"));
    assertTrue(refused("bench", "lifecycles", "--seconds").contains("'--seconds'"));
    assertTrue(refused("bench", "lifecycles", "--seconds", "601").startsWith("bhkr: --seconds must be from 1 to 600"));
    assertTrue(refused("bench", "all", "--profile", "cassandra").startsWith("bhkr: bench all runs on embedded or postgres"));
    assertTrue(refused("bench", "all", "--entities", "10").startsWith("bhkr: --entities must be from 20 to 10000000"));
  }
}
