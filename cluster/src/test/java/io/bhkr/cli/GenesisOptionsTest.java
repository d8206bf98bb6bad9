package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --bid-window and --audit-period become the development genesis's settings; bad values are usage errors. */
class GenesisOptionsTest {

  private static Config effective(String... words) {
    return CommandLines.parsed(NodeCommands.Run.class, words).settings(null, null).overrides().withFallback(ConfigFactory.load()).resolve();
  }

  @Test
  void theOptionsBecomeTheDevelopmentGenesisSettings() {
    Config c = effective("run", "--data-dir", "d", "--bid-window", "30", "--audit-period=20", "--http-port", "0");
    assertEquals(30, c.getLong("bhkr.development-bid-window-seconds"));
    assertEquals(20, c.getLong("bhkr.development-audit-period-seconds"));
    Config demo = CommandLines.parsed(NodeCommands.Demo.class, "demo", "--bid-window", "7").genesis.config()
        .withFallback(ConfigFactory.load()).resolve();
    assertEquals(7, demo.getLong("bhkr.development-bid-window-seconds"));
  }

  @Test
  void withoutThemTheConfiguredDefaultsStand() {
    Config c = effective("run");
    assertEquals(3, c.getLong("bhkr.development-bid-window-seconds"));
    assertEquals(3600, c.getLong("bhkr.development-audit-period-seconds"));
  }

  @Test
  void aBadValueIsAUsageError() {
    for (List<String> words : List.of(List.of("--bid-window", "0"), List.of("--bid-window", "3s"), List.of("--audit-period", "86401"),
        List.of("--audit-period"))) {
      List<String> line = new java.util.ArrayList<>(List.of("run"));
      line.addAll(words);
      String why = CommandLines.refused(line);
      assertTrue(why.startsWith(words.get(0)) || why.contains("'" + words.get(0) + "'"), why);
    }
    assertEquals("--bid-window takes whole seconds from 1 to 86400, not '3s'", CommandLines.refused("run", "--bid-window", "3s"));
  }
}
