package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Asset;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class ServiceFailureRuleProperties {

  private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(Asset.DECIMALS);

  @Provide
  Arbitrary<BigInteger> profits() {
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(15)));
  }

  @Provide
  Arbitrary<BigInteger> prices() {
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(100)),
        Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(12)));
  }

  @Property
  void neverMoreThanTheWholeExpectedProfitConverted(@ForAll("profits") BigInteger profit, @ForAll("prices") BigInteger price,
      @ForAll @LongRange(min = 1, max = 3650) long totalDays, @ForAll @LongRange(max = 4000) long servedDays) {
    BigInteger due = ServiceFailureRule.compensation(profit, totalDays, servedDays, price).amount();
    assertTrue(due.compareTo(QuoteRule.usdToBhkr(profit, price).amount()) <= 0, "compensation " + due);
    assertTrue(due.signum() >= 0);
  }

  @Property
  void neverIncreasesWithMoreDaysServed(@ForAll("profits") BigInteger profit, @ForAll("prices") BigInteger price,
      @ForAll @LongRange(min = 1, max = 3650) long totalDays, @ForAll @LongRange(max = 4000) long servedDays,
      @ForAll @LongRange(max = 400) long moreDays) {
    BigInteger earlier = ServiceFailureRule.compensation(profit, totalDays, servedDays, price).amount();
    BigInteger later = ServiceFailureRule.compensation(profit, totalDays, servedDays + moreDays, price).amount();
    assertTrue(later.compareTo(earlier) <= 0, earlier + " then " + later);
  }

  /** The exact value rounded up: at least the exact amount, less than one base unit above it. */
  @Property
  void roundsTheExactAmountUpByLessThanOneUnit(@ForAll("profits") BigInteger profit, @ForAll("prices") BigInteger price,
      @ForAll @LongRange(min = 1, max = 3650) long totalDays, @ForAll @LongRange(max = 4000) long servedDays) {
    BigInteger due = ServiceFailureRule.compensation(profit, totalDays, servedDays, price).amount();
    BigInteger unserved = BigInteger.valueOf(Math.max(0, totalDays - servedDays));
    BigInteger exactNumerator = profit.multiply(unserved).multiply(ONE_TOKEN);
    BigInteger denominator = price.multiply(BigInteger.valueOf(totalDays));
    assertTrue(due.multiply(denominator).compareTo(exactNumerator) >= 0, "below the exact amount");
    assertTrue(due.subtract(BigInteger.ONE).multiply(denominator).compareTo(exactNumerator) < 0, "a whole unit above");
  }

  @Property
  void servedDaysAreTheWholeDaysBetween(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long runningSince,
      @ForAll @LongRange(min = -1_000_000, max = 400_000_000) long elapsed) {
    long served = ServiceFailureRule.servedDays(runningSince, runningSince + elapsed);
    assertTrue(served >= 0);
    if (elapsed <= 0) assertEquals(0, served);
    else assertTrue(served * 86_400 <= elapsed && elapsed < (served + 1) * 86_400, elapsed + " s is " + served + " days");
  }
}
