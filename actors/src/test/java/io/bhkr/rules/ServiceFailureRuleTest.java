package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** P2 itself is checked from the vector file in {@link PoolsAndPenaltiesVectorsTest}. */
class ServiceFailureRuleTest {

  private static final long T0 = 1_700_000_000;
  private static final long DAY = 86_400;
  private static final BigInteger ONE_USD = BigInteger.valueOf(1_000_000);

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void servedDaysCountsWholeDaysOnly() {
    assertEquals(20, ServiceFailureRule.servedDays(T0, T0 + 20 * DAY));
    assertEquals(20, ServiceFailureRule.servedDays(T0, T0 + 21 * DAY - 1), "a started day is not served");
    assertEquals(0, ServiceFailureRule.servedDays(T0, T0 + DAY - 1));
    assertEquals(0, ServiceFailureRule.servedDays(T0, T0));
    assertEquals(0, ServiceFailureRule.servedDays(T0, T0 - 5 * DAY), "failed before it ran");
    // (2^64 − 1) s / 86_400 = 213_503_982_334_601.2… days: the span overflows a long, the day count does not
    assertEquals(213_503_982_334_601L, ServiceFailureRule.servedDays(Long.MIN_VALUE, Long.MAX_VALUE), "no overflow");
  }

  @Test
  void unservedDaysNeverGoNegative() {
    assertEquals(40, ServiceFailureRule.unservedDays(60, 20));
    assertEquals(0, ServiceFailureRule.unservedDays(60, 60));
    assertEquals(0, ServiceFailureRule.unservedDays(60, 75));
    assertEquals(60, ServiceFailureRule.unservedDays(60, 0));
  }

  @Test
  void compensationIsTheUnservedShareOfTheExpectedProfitInBhkr() {
    BigInteger profit = big(300_000_000);
    assertEquals(Amount.tokens(Asset.BHKR, 200), ServiceFailureRule.compensation(profit, 60, 20, ONE_USD));
    assertEquals(Amount.tokens(Asset.BHKR, 300), ServiceFailureRule.compensation(profit, 60, 0, ONE_USD), "failed on day 0");
    assertEquals(Amount.zero(Asset.BHKR), ServiceFailureRule.compensation(profit, 60, 60, ONE_USD), "served in full");
    assertEquals(Amount.zero(Asset.BHKR), ServiceFailureRule.compensation(profit, 60, 61, ONE_USD));
    assertEquals(Amount.tokens(Asset.BHKR, 100), ServiceFailureRule.compensation(profit, 60, 20, big(2_000_000)), "BHKR at 2 USD");
    assertEquals(Amount.zero(Asset.BHKR), ServiceFailureRule.compensation(BigInteger.ZERO, 60, 20, ONE_USD));
  }

  @Test
  void convertsInOneDivisionRoundedUpForThePayer() {
    // 1 micro-USD × 1 day / 3 days at 1 USD: 10^18 / (3 × 10^6) = 333_333_333_333.33 base units, rounded up.
    assertEquals(new Amount(Asset.BHKR, new BigInteger("333333333334")),
        ServiceFailureRule.compensation(BigInteger.ONE, 3, 2, ONE_USD));
    // At a price of 7 micro-USD: 10 × 2 × 10^18 / (3 × 7) = 952380952380952380.95… → …381. Rounding
    // the USD first (floor(20/3) = 6) would give ceil(6 × 10^18 / 7) = 857142857142857143 instead.
    assertEquals(new Amount(Asset.BHKR, new BigInteger("952380952380952381")),
        ServiceFailureRule.compensation(big(10), 3, 1, big(7)));
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(big(-1), 60, 20, ONE_USD));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(null, 60, 20, ONE_USD));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(big(1), 0, 0, ONE_USD));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(big(1), 60, -1, ONE_USD));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(big(1), 60, 20, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.compensation(big(1), 60, 20, null));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.unservedDays(0, 0));
    assertThrows(IllegalArgumentException.class, () -> ServiceFailureRule.unservedDays(10, -1));
  }
}
