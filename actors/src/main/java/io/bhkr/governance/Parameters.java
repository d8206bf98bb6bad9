package io.bhkr.governance;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Pricing;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/**
 * The governance parameters of the core market (economics spec, "Parameters"). They live in the
 * Governance entity's state; quotes take a snapshot, so a project runs under the rules it was
 * quoted with.
 */
public record Parameters(
    int rpBps,
    int ipBps,
    Pricing pricing,
    BigInteger bhkrPriceMicroUsd,
    int aprBps,
    long bidWindowSeconds,
    int priceBandBps,
    PricingRule auctionPricing,
    Amount pMin,
    Amount pMax,
    long proposalSeconds)
    implements JsonSerializable {

  public Parameters {
    if (rpBps < 0 || ipBps < 0 || rpBps + ipBps > 10_000) throw new IllegalArgumentException("rpBps + ipBps must be within 0..10000");
    if (bhkrPriceMicroUsd.signum() <= 0) throw new IllegalArgumentException("bhkrPriceMicroUsd must be positive");
    if (bidWindowSeconds <= 0) throw new IllegalArgumentException("bidWindowSeconds must be positive");
    if (priceBandBps < 0 || priceBandBps > 10_000) throw new IllegalArgumentException("priceBandBps must be within 0..10000");
    if (pMin.asset() != Asset.BHKR || pMax.asset() != Asset.BHKR || pMax.isLessThan(pMin))
      throw new IllegalArgumentException("pMin <= pMax, both in BHKR");
  }

  /** The spec's defaults. The BHKR price has no default in the spec; 1 USD until governance sets one. */
  public static Parameters defaults() {
    return new Parameters(
        1000, 1000, Pricing.DEFAULT, BigInteger.valueOf(1_000_000), 400, 600, 0, PricingRule.FIRST_PRICE,
        Amount.tokens(Asset.BHKR, 10_000), Amount.tokens(Asset.BHKR, 100_000), 7 * 24 * 3600);
  }

  /** The development genesis of api.md: BHKR at 1 USD and a 3-second bid window. */
  public static Parameters development() {
    Parameters d = defaults();
    return new Parameters(
        d.rpBps, d.ipBps, d.pricing, BigInteger.valueOf(1_000_000), d.aprBps, 3, d.priceBandBps, d.auctionPricing,
        d.pMin, d.pMax, d.proposalSeconds);
  }
}
