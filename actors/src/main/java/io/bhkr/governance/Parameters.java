package io.bhkr.governance;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Pricing;
import io.bhkr.rules.RewardSplit;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/**
 * The governance parameters in force (economics spec, "Parameters"). They live in the Governance
 * entity's state; quotes take a snapshot, so a project runs under the rules it was quoted with.
 *
 * @param epochSeconds how often the Reward Pool distributes
 * @param insuranceCap base units of each asset above which the Insurance Pool's excess may be
 *     moved or burned by a vote
 * @param ethPriceMicroUsd the price at which an expected ETH profit is valued in USD for a service
 *     failure's compensation (economics 7); not in the spec's list, which leaves that price open
 * @param reputation trust tiers, the score's weights and penalties (economics 6–8)
 * @param audits peer audits (economics 9)
 * @param elections governors' stakes and terms (economics 10)
 * @param microPools ETH micro-pools (economics 4)
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
    long proposalSeconds,
    RewardSplit rewardSplit,
    long epochSeconds,
    BigInteger insuranceCap,
    BigInteger ethPriceMicroUsd,
    ReputationParameters reputation,
    AuditParameters audits,
    ElectionParameters elections,
    MicroPoolParameters microPools)
    implements JsonSerializable {

  public Parameters {
    if (rpBps < 0 || ipBps < 0 || rpBps + ipBps > 10_000) throw new IllegalArgumentException("rpBps + ipBps must be within 0..10000");
    if (bhkrPriceMicroUsd.signum() <= 0) throw new IllegalArgumentException("bhkrPriceMicroUsd must be positive");
    if (ethPriceMicroUsd.signum() <= 0) throw new IllegalArgumentException("ethPriceMicroUsd must be positive");
    if (bidWindowSeconds <= 0) throw new IllegalArgumentException("bidWindowSeconds must be positive");
    if (epochSeconds <= 0) throw new IllegalArgumentException("epochSeconds must be positive");
    if (priceBandBps < 0 || priceBandBps > 10_000) throw new IllegalArgumentException("priceBandBps must be within 0..10000");
    if (pMin.asset() != Asset.BHKR || pMax.asset() != Asset.BHKR || pMax.isLessThan(pMin))
      throw new IllegalArgumentException("pMin <= pMax, both in BHKR");
    if (insuranceCap.signum() < 0) throw new IllegalArgumentException("insuranceCap must not be negative");
  }

  /** The spec's defaults. The BHKR and ETH prices have no default in the spec; 1 USD until governance sets them. */
  public static Parameters defaults() {
    BigInteger oneUsd = BigInteger.valueOf(1_000_000);
    return new Parameters(
        1000, 1000, Pricing.DEFAULT, oneUsd, 400, 600, 0, PricingRule.FIRST_PRICE,
        Amount.tokens(Asset.BHKR, 10_000), Amount.tokens(Asset.BHKR, 100_000), 7 * 24 * 3600,
        RewardSplit.DEFAULT, 24 * 3600, Amount.tokens(Asset.BHKR, 1_000_000).amount(), oneUsd,
        ReputationParameters.defaults(), AuditParameters.defaults(), ElectionParameters.defaults(), MicroPoolParameters.defaults());
  }

  /** The development genesis of api.md: BHKR (and ETH) at 1 USD and a 3-second bid window. */
  public static Parameters development() {
    return defaults().withBidWindowSeconds(3);
  }

  public Parameters withBidWindowSeconds(long seconds) {
    return new Parameters(rpBps, ipBps, pricing, bhkrPriceMicroUsd, aprBps, seconds, priceBandBps, auctionPricing, pMin,
        pMax, proposalSeconds, rewardSplit, epochSeconds, insuranceCap, ethPriceMicroUsd, reputation, audits, elections, microPools);
  }

  public Parameters withEpochSeconds(long seconds) {
    return new Parameters(rpBps, ipBps, pricing, bhkrPriceMicroUsd, aprBps, bidWindowSeconds, priceBandBps, auctionPricing,
        pMin, pMax, proposalSeconds, rewardSplit, seconds, insuranceCap, ethPriceMicroUsd, reputation, audits, elections, microPools);
  }

  public Parameters withAudits(AuditParameters a) {
    return new Parameters(rpBps, ipBps, pricing, bhkrPriceMicroUsd, aprBps, bidWindowSeconds, priceBandBps, auctionPricing,
        pMin, pMax, proposalSeconds, rewardSplit, epochSeconds, insuranceCap, ethPriceMicroUsd, reputation, a, elections, microPools);
  }

  public Parameters withInsuranceCap(BigInteger cap) {
    return new Parameters(rpBps, ipBps, pricing, bhkrPriceMicroUsd, aprBps, bidWindowSeconds, priceBandBps, auctionPricing,
        pMin, pMax, proposalSeconds, rewardSplit, epochSeconds, cap, ethPriceMicroUsd, reputation, audits, elections, microPools);
  }
}
