package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class StakeTimeTest {

  private static final long START = 1_000_000;
  private static final long END = START + 86_400;

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void countsOnlyTheSecondsHeldInsideTheWindow() {
    assertEquals(big(100 * 86_400), StakeTime.of(big(100), START - 5, START, END), "placed before: the whole window");
    assertEquals(big(100 * 86_400), StakeTime.of(big(100), START, START, END), "placed at the start: the whole window");
    assertEquals(big(100 * 3_600), StakeTime.of(big(100), END - 3_600, START, END), "placed an hour before the end");
    assertEquals(big(100), StakeTime.of(big(100), END - 1, START, END));
    assertEquals(BigInteger.ZERO, StakeTime.of(big(100), END, START, END), "placed at the end");
    assertEquals(BigInteger.ZERO, StakeTime.of(big(100), END + 60, START, END), "placed after the end");
    assertEquals(BigInteger.ZERO, StakeTime.of(BigInteger.ZERO, START, START, END), "no stake");
    assertEquals(BigInteger.ZERO, StakeTime.of(big(100), START - 1, START, START), "an empty window");
  }

  @Test
  void largeStakesAndExtremeTimesStayExact() {
    BigInteger oneMillionBhkr = BigInteger.TEN.pow(24);
    assertEquals(oneMillionBhkr.multiply(big(86_400)), StakeTime.of(oneMillionBhkr, 0, START, END));
    BigInteger span = big(Long.MAX_VALUE).subtract(big(Long.MIN_VALUE));
    assertEquals(span.multiply(big(3)), StakeTime.of(big(3), Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  @Test
  void betweenCountsAStakeWithdrawnInsideTheWindow() {
    assertEquals(big(10 * 43_200), StakeTime.between(big(10), START - 100, START + 43_200, START, END), "withdrawn at noon");
    assertEquals(big(10 * 60), StakeTime.between(big(10), START + 60, START + 120, START, END));
    assertEquals(BigInteger.ZERO, StakeTime.between(big(10), START - 100, START, START, END), "withdrawn at the start");
    assertEquals(big(10 * 86_400), StakeTime.between(big(10), START - 100, END + 100, START, END), "held past the end");
    assertEquals(BigInteger.ZERO, StakeTime.between(big(10), END + 1, END + 100, START, END), "placed after the end");
    assertEquals(StakeTime.of(big(7), START + 5, START, END), StakeTime.between(big(7), START + 5, END, START, END));
  }

  @Test
  void refusesNegativeAmountsAndBackwardWindows() {
    assertThrows(IllegalArgumentException.class, () -> StakeTime.of(big(-1), START, START, END));
    assertThrows(IllegalArgumentException.class, () -> StakeTime.of(null, START, START, END));
    assertThrows(IllegalArgumentException.class, () -> StakeTime.of(big(1), START, END, START));
    assertThrows(IllegalArgumentException.class, () -> StakeTime.between(big(1), START + 10, START + 5, START, END));
    assertThrows(IllegalArgumentException.class, () -> StakeTime.between(big(1), START, END, END, START));
    assertThrows(IllegalArgumentException.class, () -> StakeTime.between(big(-1), START, END, START, END));
  }
}
