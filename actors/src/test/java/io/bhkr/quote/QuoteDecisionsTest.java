package io.bhkr.quote;

import static io.bhkr.testing.EntityTests.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Resources;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class QuoteDecisionsTest {

  private static final long T0 = 1_700_000_000L;
  private static final Resources Q1 = new Resources(4, 16, 128, 0);
  private static final Parameters DEV = Parameters.development();

  @Test
  void vectorQ1ForAValidatorUnderTheDevelopmentParameters() {
    QuoteTerms q = QuoteDecisions.quote("q-1", ProjectKind.ETH_VALIDATOR, Q1, 60, DEV, T0);
    assertEquals("q-1", q.quoteId());
    assertEquals(ProjectKind.ETH_VALIDATOR, q.kind());
    assertEquals(Q1, q.resources());
    assertEquals(60, q.durationDays());
    assertEquals(BigInteger.valueOf(100_000_000), q.fpMicroUsd(), "2 months * (20 + 20 + 10) USD");
    assertEquals(new Amount(Asset.BHKR, new BigInteger("100000000000000000000")), q.fp(), "100 USD at 1 USD per BHKR");
    assertEquals(bhkr(80), q.maxBid(), "FP less 10 % reward pool and 10 % insurance pool");
    // floor(32 ETH * 400 bp * 60 days / (10_000 * 365))
    assertEquals(new Amount(Asset.ETH, new BigInteger("210410958904109589")), q.expectedProfit());
    assertEquals(new Amount(Asset.ETH, BigInteger.valueOf(32).multiply(BigInteger.TEN.pow(18))
        .multiply(BigInteger.valueOf(400 * 60)).divide(BigInteger.valueOf(10_000 * 365))), q.expectedProfit());
    assertEquals(1000, q.rpBps());
    assertEquals(1000, q.ipBps());
    assertEquals(0, q.priceBandBps());
    assertEquals(PricingRule.FIRST_PRICE, q.pricingRule());
    assertEquals(bhkr(10_000), q.pMin());
    assertEquals(3, q.bidWindowSeconds(), "the development bid window");
    assertEquals(T0, q.issuedAt());
  }

  @Test
  void aComputeProjectExpectsNoProfit() {
    QuoteTerms q = QuoteDecisions.quote("q-2", ProjectKind.COMPUTE, Q1, 60, DEV, T0);
    assertEquals(Amount.zero(Asset.ETH), q.expectedProfit());
    assertEquals(bhkr(100), q.fp(), "the price does not depend on the kind");
    assertEquals(bhkr(80), q.maxBid());
  }

  @Test
  void aValidatorForAYearExpectsTheFullApr() {
    QuoteTerms q = QuoteDecisions.quote("q-3", ProjectKind.ETH_VALIDATOR, Q1, 365, DEV, T0);
    assertEquals(new Amount(Asset.ETH, new BigInteger("1280000000000000000")), q.expectedProfit(), "4 % of 32 ETH");
    assertEquals(BigInteger.valueOf(13 * 50_000_000L), q.fpMicroUsd(), "365 days start 13 months");
  }

  @Test
  void aStartedMonthIsBilledWhole() {
    assertEquals(BigInteger.valueOf(50_000_000), QuoteDecisions.quote("q", ProjectKind.COMPUTE, Q1, 1, DEV, T0).fpMicroUsd());
    assertEquals(BigInteger.valueOf(50_000_000), QuoteDecisions.quote("q", ProjectKind.COMPUTE, Q1, 30, DEV, T0).fpMicroUsd());
    assertEquals(BigInteger.valueOf(100_000_000), QuoteDecisions.quote("q", ProjectKind.COMPUTE, Q1, 31, DEV, T0).fpMicroUsd());
    assertEquals(BigInteger.valueOf(150_000_000), QuoteDecisions.quote("q", ProjectKind.COMPUTE, Q1, 61, DEV, T0).fpMicroUsd());
  }

  @Test
  void theBhkrPriceConvertsRoundingUpForThePayer() {
    Parameters p = new Parameters(DEV.rpBps(), DEV.ipBps(), DEV.pricing(), BigInteger.valueOf(3_000_000), DEV.aprBps(),
        DEV.bidWindowSeconds(), DEV.priceBandBps(), DEV.auctionPricing(), DEV.pMin(), DEV.pMax(), DEV.proposalSeconds(),
        DEV.rewardSplit(), DEV.epochSeconds(), DEV.insuranceCap(), DEV.ethPriceMicroUsd(), DEV.reputation(), DEV.audits(),
        DEV.elections(), DEV.microPools());
    QuoteTerms q = QuoteDecisions.quote("q-4", ProjectKind.COMPUTE, Q1, 60, p, T0);
    assertEquals(new Amount(Asset.BHKR, new BigInteger("33333333333333333334")), q.fp(), "ceil(100 USD / 3 USD)");
    assertEquals(new Amount(Asset.BHKR, new BigInteger("26666666666666666667")), q.maxBid(), "floor(fp * 8000 / 10000)");
  }

  @Test
  void zeroDaysAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QuoteDecisions.quote("q", ProjectKind.COMPUTE, Q1, 0, DEV, T0));
    assertTrue(e.getMessage().contains("durationDays"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QuoteDecisions.quote("q", ProjectKind.ETH_VALIDATOR, Q1, -30, DEV, T0));
  }

  @Test
  void resourcesWithoutAPriceAreRefused() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> QuoteDecisions.quote("q", ProjectKind.COMPUTE, Resources.NONE, 60, DEV, T0));
    assertTrue(none.getMessage().contains("no price"), none.getMessage());
    // bandwidth is free by default, so bandwidth alone has no price either
    assertThrows(IllegalArgumentException.class,
        () -> QuoteDecisions.quote("q", ProjectKind.ETH_VALIDATOR, new Resources(0, 0, 0, 1000), 60, DEV, T0));
    assertEquals(new Amount(Asset.BHKR, new BigInteger("78125000000000000")),
        QuoteDecisions.quote("q", ProjectKind.COMPUTE, new Resources(0, 0, 1, 0), 1, DEV, T0).fp(), "one GB of storage for a month");
  }
}
