package io.bhkr.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --bid-window and --audit-period become the development genesis's settings; bad values are usage errors. */
class GenesisOptionsTest {

  @Test
  void theOptionsBecomeTheDevelopmentGenesisSettings() {
    GenesisOptions.Split split = GenesisOptions.split(List.of("--data-dir", "d", "--bid-window", "30", "--audit-period=20", "--http-port", "0"));
    assertEquals(List.of("--data-dir", "d", "--http-port", "0"), split.rest());
    Config c = split.config().withFallback(ConfigFactory.load()).resolve();
    assertEquals(30, c.getLong("bhkr.development-bid-window-seconds"));
    assertEquals(20, c.getLong("bhkr.development-audit-period-seconds"));
  }

  @Test
  void withoutThemTheConfiguredDefaultsStand() {
    Config c = GenesisOptions.split(List.of()).config().withFallback(ConfigFactory.load()).resolve();
    assertEquals(3, c.getLong("bhkr.development-bid-window-seconds"));
    assertEquals(3600, c.getLong("bhkr.development-audit-period-seconds"));
  }

  @Test
  void aBadValueIsAUsageError() {
    for (List<String> words : List.of(List.of("--bid-window", "0"), List.of("--bid-window", "3s"), List.of("--audit-period", "86401"),
        List.of("--audit-period"))) {
      UsageError e = assertThrows(UsageError.class, () -> GenesisOptions.split(words), words.toString());
      assertTrue(e.getMessage().startsWith(words.get(0)), e.getMessage());
    }
  }
}
