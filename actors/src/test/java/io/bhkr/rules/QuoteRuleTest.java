package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Edge cases; the spec's vector Q1 is checked from the vector file in {@link EconomicsVectorsTest}. */
class QuoteRuleTest {

  @Test
  void aStartedMonthIsBilledWhole() {
    assertEquals(1, QuoteRule.months(1));
    assertEquals(1, QuoteRule.months(30));
    assertEquals(2, QuoteRule.months(31));
    assertEquals(2, QuoteRule.months(60));
    assertEquals(3, QuoteRule.months(61));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.months(0));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.months(-30));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.months(Long.MAX_VALUE));
  }

  @Test
  void fixedPriceSumsEveryDimension() {
    Pricing pricing = new Pricing(BigInteger.valueOf(1), BigInteger.valueOf(10), BigInteger.valueOf(100), BigInteger.valueOf(1000));
    assertEquals(BigInteger.valueOf(3 * 4321), QuoteRule.fixedPriceMicroUsd(new Resources(1, 2, 3, 4), 61, pricing));
    assertEquals(BigInteger.valueOf(25_000_000), QuoteRule.fixedPriceMicroUsd(new Resources(1, 16, 0, 100), 1, Pricing.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.fixedPriceMicroUsd(new Resources(1, 0, 0, 0), 0, pricing));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.fixedPriceMicroUsd(null, 1, pricing));
  }

  @Test
  void usdToBhkrRoundsUpForThePayer() {
    // 1 micro-USD at 3 USD per BHKR is 10^18/3 base units, rounded up; an exact quotient stays as is.
    assertEquals(Amount.of(Asset.BHKR, 333_333_333_334L), QuoteRule.usdToBhkr(BigInteger.ONE, BigInteger.valueOf(3_000_000)));
    assertEquals(Amount.of(Asset.BHKR, 333_334), QuoteRule.usdToBhkr(BigInteger.valueOf(1000), BigInteger.valueOf(3_000_000_000_000_000L)));
    assertEquals(Amount.of(Asset.BHKR, 333_000), QuoteRule.usdToBhkr(BigInteger.valueOf(999), BigInteger.valueOf(3_000_000_000_000_000L)));
    assertEquals(Amount.tokens(Asset.BHKR, 50), QuoteRule.usdToBhkr(BigInteger.valueOf(100_000_000), BigInteger.valueOf(2_000_000)));
    assertEquals(Amount.zero(Asset.BHKR), QuoteRule.usdToBhkr(BigInteger.ZERO, BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.usdToBhkr(BigInteger.ONE, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.usdToBhkr(BigInteger.ONE.negate(), BigInteger.ONE));
  }

  @Test
  void maxBidLeavesRoomForBothPools() {
    assertEquals(Amount.of(Asset.BHKR, 80), QuoteRule.maxBid(Amount.of(Asset.BHKR, 101), 1000, 1000));
    assertEquals(Amount.of(Asset.BHKR, 8), QuoteRule.maxBid(Amount.of(Asset.BHKR, 9), 1000, 0));
    assertEquals(Amount.of(Asset.BHKR, 7), QuoteRule.maxBid(Amount.of(Asset.BHKR, 9), 1000, 1000));
    assertEquals(Amount.of(Asset.ETH, 0), QuoteRule.maxBid(Amount.of(Asset.ETH, 9), 5000, 5000));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.maxBid(Amount.of(Asset.BHKR, 9), 5000, 5001));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.maxBid(Amount.of(Asset.BHKR, 9), -1, 0));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.maxBid(Amount.of(Asset.BHKR, 9), Integer.MAX_VALUE, 1));
  }

  @Test
  void expectedProfitIsAprProRataPerDay() {
    // 32 ETH at 4 % over 365 days is 1.28 ETH; over 60 days floor(32e18 * 400 * 60 / 3_650_000).
    assertEquals(new Amount(Asset.ETH, new BigInteger("1280000000000000000")),
        QuoteRule.expectedProfit(Amount.tokens(Asset.ETH, 32), 400, 365));
    assertEquals(new Amount(Asset.ETH, new BigInteger("210410958904109589")),
        QuoteRule.expectedProfit(Amount.tokens(Asset.ETH, 32), 400, 60));
    assertEquals(Amount.of(Asset.ETH, 0), QuoteRule.expectedProfit(Amount.of(Asset.ETH, 1000), 400, 0));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.expectedProfit(Amount.of(Asset.ETH, 1), -1, 1));
    assertThrows(IllegalArgumentException.class, () -> QuoteRule.expectedProfit(Amount.of(Asset.ETH, 1), 1, -1));
  }
}
