package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;

class StakeTimeProperties {

  @Property
  void splittingTheWindowSplitsTheStakeTime(@ForAll @BigRange(min = "0", max = "1000000000000000000000000") BigInteger amount,
      @ForAll @LongRange(min = -200_000, max = 200_000) long since, @ForAll @LongRange(max = 100_000) long length,
      @ForAll @LongRange(max = 100_000) long cut) {
    long start = 0;
    long end = length;
    long middle = Math.min(cut, end);
    assertEquals(StakeTime.of(amount, since, start, end),
        StakeTime.of(amount, since, start, middle).add(StakeTime.of(amount, since, middle, end)));
  }

  @Property
  void neverMoreThanTheWholeWindowAndNeverNegative(@ForAll @BigRange(min = "0", max = "1000000000000000000000000") BigInteger amount,
      @ForAll @LongRange(min = -200_000, max = 200_000) long since, @ForAll @LongRange(min = -200_000, max = 200_000) long until,
      @ForAll @LongRange(max = 100_000) long length) {
    long placed = Math.min(since, until);
    long withdrawn = Math.max(since, until);
    BigInteger held = StakeTime.between(amount, placed, withdrawn, 0, length);
    assertTrue(held.signum() >= 0);
    assertTrue(held.compareTo(amount.multiply(BigInteger.valueOf(length))) <= 0);
    assertTrue(held.compareTo(StakeTime.of(amount, placed, 0, length)) <= 0, "withdrawing never adds stake-time");
  }

  @Property
  void anEarlierStakeNeverCountsLess(@ForAll @BigRange(min = "0", max = "1000000000000000000000000") BigInteger amount,
      @ForAll @LongRange(min = -200_000, max = 200_000) long since, @ForAll @LongRange(max = 100_000) long earlier,
      @ForAll @LongRange(max = 100_000) long length) {
    assertTrue(StakeTime.of(amount, since - earlier, 0, length).compareTo(StakeTime.of(amount, since, 0, length)) >= 0);
  }
}
