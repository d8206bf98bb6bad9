package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.cli.sidecar.Sidecar;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidecarCommandTest {

  private static final String KEY = "0x" + "5".repeat(64);

  private static Sidecar.Settings settings(List<String> words) {
    List<String> line = new java.util.ArrayList<>(List.of("sidecar"));
    line.addAll(words);
    return CommandLines.parsed(ToolCommands.Sidecar.class, line.toArray(String[]::new)).settings();
  }

  private static void refused(String... words) {
    List<String> line = new java.util.ArrayList<>(List.of("sidecar"));
    line.addAll(List.of(words));
    CommandLines.refused(line);
  }

  @Test
  void readsItsOptions() {
    Sidecar.Settings s = settings(List.of("--node-id", "n-1", "--key", KEY, "--api", "http://127.0.0.1:9000",
        "--interval-ms", "400", "--stall-seconds", "3"));
    assertEquals("n-1", s.nodeId());
    assertEquals("http://127.0.0.1:9000", s.api().toString());
    assertEquals(Duration.ofMillis(400), s.interval());
    assertEquals(Duration.ofSeconds(3), s.stall());
  }

  @Test
  void defaultsToTheLocalNodeFiveSecondRoundsAndAThirtySecondStall() {
    Sidecar.Settings s = settings(List.of("--node-id", "n-1", "--key", KEY));
    assertEquals(CallCommand.DEFAULT_API, s.api().toString());
    assertEquals(Duration.ofSeconds(5), s.interval());
    assertEquals(Duration.ofSeconds(30), s.stall());
  }

  @Test
  void probesPrivateTargetsOnlyWhenAllowed() {
    assertFalse(settings(List.of("--node-id", "n-1", "--key", KEY)).allowPrivateTargets());
    assertTrue(settings(List.of("--node-id", "n-1", "--key", KEY, "--allow-private-targets")).allowPrivateTargets());
    refused("--node-id", "n-1", "--key", KEY, "--allow-private-targets=yes");
  }

  @Test
  void refusesAMissingNodeOrKeyAndBadValues() {
    refused("--key", KEY);
    refused("--node-id", "n-1");
    refused("--node-id", "n 1", "--key", KEY);
    refused("--node-id", "n-1", "--key", KEY, "--interval-ms", "0");
    refused("--node-id", "n-1", "--key", "0x12");
  }
}
