package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodUptimeTest {

  @Test
  void theMedianOfThreeAndTheOutlierIsDisputed() {
    PeriodUptime u = PeriodUptime.of(Map.of("a", 10_000, "b", 9_800, "c", 2_000), 2_500);
    assertEquals(9_800, u.uptimeBps());
    assertEquals(List.of("c"), u.disputed());
  }

  @Test
  void exactlyTheToleranceAwayIsNotDisputed() {
    assertEquals(List.of(), PeriodUptime.of(Map.of("a", 5_000, "b", 7_500, "c", 2_500), 2_500).disputed());
  }

  @Test
  void anEvenCountTakesTheMeanOfTheMiddleTwoRoundedDown() {
    assertEquals(5_000, PeriodUptime.of(Map.of("a", 0, "b", 10_000), 2_500).uptimeBps());
    assertEquals(4_500, PeriodUptime.of(Map.of("a", 4_000, "b", 5_001, "c", 1, "d", 9_000), 2_500).uptimeBps());
  }

  @Test
  void reportsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PeriodUptime.of(Map.of("a", 10_001), 2_500));
    assertThrows(IllegalArgumentException.class, () -> PeriodUptime.of(Map.of(), 2_500));
  }
}
