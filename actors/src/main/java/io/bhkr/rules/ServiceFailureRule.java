package io.bhkr.rules;

import io.bhkr.money.Amount;
import java.math.BigInteger;

/**
 * Spec 7, service failure: the provider pays the requester, from its BHKR collateral, the
 * expected profit of the days it did not serve. (The full FP refund and the provider earning
 * nothing are plain transfers of the whole amounts and need no rule.)
 */
public final class ServiceFailureRule {

  public static final long SECONDS_PER_DAY = 86_400;

  private ServiceFailureRule() {}

  /** Whole days served: {@code floor((failedAt − runningSince) / 86_400)}, 0 when it failed before it ran. */
  public static long servedDays(long runningSince, long failedAt) {
    if (failedAt <= runningSince) return 0;
    // In BigInteger: the span of two extreme longs does not fit in a long; the day count does.
    return BigInteger.valueOf(failedAt).subtract(BigInteger.valueOf(runningSince))
        .divide(BigInteger.valueOf(SECONDS_PER_DAY)).longValueExact();
  }

  /** {@code max(0, totalDays − servedDays)}. */
  public static long unservedDays(long totalDays, long servedDays) {
    requireDays(totalDays, servedDays);
    return Math.max(0, totalDays - servedDays);
  }

  /**
   * The BHKR the provider pays: {@code expectedProfit × unservedDays / totalDays} in USD, converted
   * at the BHKR price in a single division rounded up (the payer rounds up):
   * {@code ceil(expectedProfitMicroUsd × unserved × 10^18 / (totalDays × bhkrPriceMicroUsd))}.
   */
  public static Amount compensation(BigInteger expectedProfitMicroUsd, long totalDays, long servedDays,
      BigInteger bhkrPriceMicroUsd) {
    if (expectedProfitMicroUsd == null || expectedProfitMicroUsd.signum() < 0)
      throw new IllegalArgumentException("expectedProfitMicroUsd must be a non-negative number: " + expectedProfitMicroUsd);
    if (bhkrPriceMicroUsd == null || bhkrPriceMicroUsd.signum() <= 0)
      throw new IllegalArgumentException("bhkrPriceMicroUsd must be positive: " + bhkrPriceMicroUsd);
    long unserved = unservedDays(totalDays, servedDays);
    // usdToBhkr(u, p) = ceil(u × 10^18 / p); with u = profit × unserved and p = totalDays × price
    // it is exactly the formula above, with no intermediate rounding of the USD amount.
    return QuoteRule.usdToBhkr(expectedProfitMicroUsd.multiply(BigInteger.valueOf(unserved)),
        bhkrPriceMicroUsd.multiply(BigInteger.valueOf(totalDays)));
  }

  private static void requireDays(long totalDays, long servedDays) {
    if (totalDays < 1) throw new IllegalArgumentException("totalDays must be at least 1: " + totalDays);
    if (servedDays < 0) throw new IllegalArgumentException("servedDays must not be negative: " + servedDays);
  }
}
