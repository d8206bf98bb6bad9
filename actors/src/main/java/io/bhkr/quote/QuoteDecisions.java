package io.bhkr.quote;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.QuoteRule;
import io.bhkr.rules.Resources;
import java.math.BigInteger;

/** Makes a quote from a request and the parameters in force (economics 1). Pure. */
public final class QuoteDecisions {

  /** The stake of one Ethereum validator, on which a validator project's expected profit is computed. */
  public static final Amount VALIDATOR_STAKE = Amount.tokens(Asset.ETH, 32);

  private QuoteDecisions() {}

  public static QuoteTerms quote(
      String quoteId, ProjectKind kind, Resources resources, long durationDays, Parameters p, long issuedAt) {
    if (durationDays < 1) throw new IllegalArgumentException("durationDays must be at least 1");
    BigInteger fpUsd = QuoteRule.fixedPriceMicroUsd(resources, durationDays, p.pricing());
    if (fpUsd.signum() <= 0) throw new IllegalArgumentException("the requested resources have no price: ask for some CPU, RAM or storage");
    Amount fp = QuoteRule.usdToBhkr(fpUsd, p.bhkrPriceMicroUsd());
    Amount expectedProfit = kind == ProjectKind.ETH_VALIDATOR
        ? QuoteRule.expectedProfit(VALIDATOR_STAKE, p.aprBps(), durationDays)
        : Amount.zero(Asset.ETH);
    return new QuoteTerms(
        quoteId, kind, resources, durationDays, fpUsd, fp, QuoteRule.maxBid(fp, p.rpBps(), p.ipBps()),
        expectedProfit, p.rpBps(), p.ipBps(), p.priceBandBps(), p.auctionPricing(), p.pMin(),
        p.bidWindowSeconds(), issuedAt);
  }
}
