package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The spec's R1 and M1 are checked from the vector file in {@link EconomicsVectorsTest}. */
class LargestRemainderTest {

  private static SortedMap<String, BigInteger> map(Object... idsAndValues) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2)
      map.put((String) idsAndValues[i], BigInteger.valueOf(((Number) idsAndValues[i + 1]).longValue()));
    return map;
  }

  private static SortedMap<String, BigInteger> split(long total, SortedMap<String, BigInteger> weights) {
    return LargestRemainder.split(BigInteger.valueOf(total), weights);
  }

  @Test
  void wholeBalanceByStake() {
    assertEquals(map("G1", 250, "G2", 750), split(1000, map("G1", 100, "G2", 300)));
  }

  @Test
  void leftoverGoesToTheLargestRemainders() {
    // 10 over 1:1:1 floors to 3 each; one unit left, remainders tie, so the smallest id gets it.
    assertEquals(map("a", 4, "b", 3, "c", 3), split(10, map("c", 1, "b", 1, "a", 1)));
    // 7 over 5:3:2 is exactly 3.5, 2.1, 1.4: floors 3, 2, 1 and the one leftover goes to 3.5.
    assertEquals(map("x", 4, "y", 2, "z", 1), split(7, map("x", 5, "y", 3, "z", 2)));
    // 8 over 1:1:1 is 2.67 each: two leftovers, to the first two ids.
    assertEquals(map("p", 3, "q", 3, "r", 2), split(8, map("p", 1, "q", 1, "r", 1)));
    // 2 over 1:3 is 0.5 and 1.5: equal remainders, so the tie goes to the smaller id.
    assertEquals(map("a", 1, "b", 1), split(2, map("a", 1, "b", 3)));
    // 3 over 1:2:3 is 0.5, 1, 1.5: "c" (remainder .5) ties with "a" (.5) and loses on id.
    assertEquals(map("a", 1, "b", 1, "c", 1), split(3, map("a", 1, "b", 2, "c", 3)));
    // 5 over 2:5 is 1.43 and 3.57: the larger remainder (b) gets the unit despite its id.
    assertEquals(map("a", 1, "b", 4), split(5, map("a", 2, "b", 5)));
  }

  @Test
  void zeroWeightGetsNothingAndZeroTotalSplitsToZeros() {
    assertEquals(map("a", 0, "b", 9), split(9, map("a", 0, "b", 1)));
    assertEquals(map("a", 0, "b", 0), split(0, map("a", 5, "b", 1)));
  }

  @Test
  void refusesNoWeightNegativesAndMissingInput() {
    assertThrows(IllegalArgumentException.class, () -> split(10, map()));
    assertThrows(IllegalArgumentException.class, () -> split(10, map("a", 0, "b", 0)));
    assertThrows(IllegalArgumentException.class, () -> split(10, map("a", -1, "b", 2)));
    assertThrows(IllegalArgumentException.class, () -> split(-1, map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(null, map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> LargestRemainder.split(BigInteger.ONE, null));
  }
}
