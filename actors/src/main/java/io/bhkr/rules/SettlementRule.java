package io.bhkr.rules;

import io.bhkr.money.Amount;
import java.util.List;

/**
 * Spec 3: how the escrow of a single-requester project pays out at completion. The whitepaper's
 * formula is applied to FP and to the profit X separately, so no exchange rate enters a payout
 * and each asset's legs add up exactly to what the escrow holds of it.
 */
public final class SettlementRule {

  public enum Recipient { PROVIDER, REWARD_POOL, INSURANCE_POOL, REQUESTER }

  /** One payment out of the escrow. */
  public record Leg(Recipient to, Amount amount, String reason) {
    public Leg {
      if (to == null) throw new IllegalArgumentException("recipient is missing");
      if (amount == null) throw new IllegalArgumentException("amount is missing");
      if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is missing");
    }
  }

  private SettlementRule() {}

  /**
   * Seven legs in a fixed order, zero legs included, so the journal has the same shape for every
   * project: provider; reward pool, insurance pool, requester of FP; the same three of the profit.
   * The profit keeps separate legs even when it is in FP's asset.
   */
  public static List<Leg> settle(Amount fp, Amount price, Amount profit, int rpBps, int ipBps) {
    if (fp == null) throw new IllegalArgumentException("fp is missing");
    if (price == null) throw new IllegalArgumentException("price is missing");
    if (profit == null) throw new IllegalArgumentException("profit is missing");
    QuoteRule.requirePoolRates(rpBps, ipBps);
    if (price.asset() != fp.asset())
      throw new IllegalArgumentException("price is in " + price.asset() + " but FP is in " + fp.asset());

    Amount rewardFp = fp.bps(rpBps);
    Amount insuranceFp = fp.bps(ipBps);
    Amount afterPools = fp.minus(rewardFp).minus(insuranceFp);
    if (price.isGreaterThan(afterPools))
      throw new IllegalArgumentException("price " + price + " exceeds the " + afterPools
          + " FP leaves after both pools; the requester's share would be negative");
    Amount rewardProfit = profit.bps(rpBps);
    Amount insuranceProfit = profit.bps(ipBps);

    return List.of(
        new Leg(Recipient.PROVIDER, price, "auction price"),
        new Leg(Recipient.REWARD_POOL, rewardFp, "reward pool share of FP"),
        new Leg(Recipient.INSURANCE_POOL, insuranceFp, "insurance pool share of FP"),
        new Leg(Recipient.REQUESTER, afterPools.minus(price), "requester remainder of FP"),
        new Leg(Recipient.REWARD_POOL, rewardProfit, "reward pool share of profit"),
        new Leg(Recipient.INSURANCE_POOL, insuranceProfit, "insurance pool share of profit"),
        new Leg(Recipient.REQUESTER, profit.minus(rewardProfit).minus(insuranceProfit), "requester remainder of profit"));
  }
}
