package io.bhkr.rules;

import java.math.BigInteger;

/**
 * Spec 5: stake-time is stake × seconds held during the epoch, the weight by which the Reward
 * Pool splits a group's share. Times are epoch seconds carried on commands and events; the
 * window is {@code [windowStart, windowEnd)}.
 */
public final class StakeTime {

  private StakeTime() {}

  /**
   * {@code amount × max(0, windowEnd − max(since, windowStart))}: a stake held since
   * {@code since} and still held at the end of the window. A stake placed at or after the end
   * counts 0; one placed before the start counts the whole window.
   */
  public static BigInteger of(BigInteger amount, long since, long windowStart, long windowEnd) {
    requireValid(amount, windowStart, windowEnd);
    return held(amount, Math.max(since, windowStart), windowEnd);
  }

  /**
   * {@code amount × max(0, min(until, windowEnd) − max(since, windowStart))}: a stake held from
   * {@code since} until {@code until} (for example a governor's stake withdrawn mid-epoch). Only
   * the seconds inside the window count.
   */
  public static BigInteger between(BigInteger amount, long since, long until, long windowStart, long windowEnd) {
    requireValid(amount, windowStart, windowEnd);
    if (until < since) throw new IllegalArgumentException("stake held until " + until + ", before it was placed at " + since);
    return held(amount, Math.max(since, windowStart), Math.min(until, windowEnd));
  }

  /** {@code amount × (to − from)}, or 0 when {@code to <= from}. */
  private static BigInteger held(BigInteger amount, long from, long to) {
    if (to <= from) return BigInteger.ZERO;
    // In BigInteger: the span of two extreme longs does not fit in a long.
    return amount.multiply(BigInteger.valueOf(to).subtract(BigInteger.valueOf(from)));
  }

  private static void requireValid(BigInteger amount, long windowStart, long windowEnd) {
    if (amount == null || amount.signum() < 0) throw new IllegalArgumentException("amount must be a non-negative number: " + amount);
    if (windowEnd < windowStart)
      throw new IllegalArgumentException("window ends at " + windowEnd + ", before it starts at " + windowStart);
  }
}
