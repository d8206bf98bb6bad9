package io.bhkr.node.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The performance benchmarks run end to end at tiny sizes and print their figure lines, so that
 * they cannot rot; the figures themselves are never asserted.
 */
class PerformanceCommandTest {

  private static String run(String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      assertEquals(0, PerformanceCommand.run(List.of(args), null, out));
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void lifecyclesPrintsEachWayAndInFlightBesideTheLimits() throws Exception {
    String out = run("lifecycles", "--seconds", "1", "--runs", "1", "--in-flight", "2");
    assertTrue(out.matches("(?s).*\\n  http +2 .*"), out);
    assertTrue(out.matches("(?s).*\\n  in-process +2 .*"), out);
    assertTrue(out.contains("journal-shaped rows, 100-row batches"), out);
    assertTrue(out.contains("common pool parallelism"), out);
  }

  @Test
  void entitiesPrintsHeapPerAccountAndRecovery() throws Exception {
    String out = run("entities", "--entities", "200");
    assertTrue(out.contains("100 accounts written, one deposit each"), out);
    assertTrue(out.contains("recovery of 100 accounts after a restart"), out);
    assertTrue(out.contains("heap per resident account at      20"), out);
    assertTrue(out.contains("heap per resident account at     200"), out);
    assertTrue(out.contains("journal-shaped rows, one per commit"), out);
  }

  @Test
  void optionsOfTheOtherBenchmarkAreRefusedBeforeAnythingStarts() {
    assertThrows(PerformanceCommand.Invalid.class, () -> run("entities", "--seconds", "1"));
    assertThrows(PerformanceCommand.Invalid.class, () -> run("lifecycles", "--entities", "100"));
    assertThrows(PerformanceCommand.Invalid.class, () -> run("lifecycles", "--in-flight", "0"));
    assertThrows(PerformanceCommand.Invalid.class, () -> run("lifecycles", "--profile", "cassandra"));
    assertThrows(PerformanceCommand.Invalid.class, () -> run("lifecycles", "--seconds"));
  }
}
