package io.bhkr.governance;

import io.bhkr.serialization.JsonSerializable;

/**
 * Reputation, trust tiers and penalties (economics 6, 7, 8). Weights are in basis points of the
 * score (wU 0.4 = 4000) so that no double enters a rule.
 */
public record ReputationParameters(
    int trustedScore,
    int untrustedScore,
    int slaUptimeBps,
    int disqualifyScore,
    int disqualifyDays,
    int weightUptimeBps,
    int weightRunningBps,
    int weightStakeBps,
    int weightPriceBps,
    int targetRunDays,
    int scoreWindowDays,
    int penaltyWindowDays,
    int failurePenalty,
    int slashingPenalty)
    implements JsonSerializable {

  public ReputationParameters {
    if (weightUptimeBps + weightRunningBps + weightStakeBps + weightPriceBps != 10_000)
      throw new IllegalArgumentException("the score weights must sum to 10000 bp");
    if (untrustedScore > trustedScore) throw new IllegalArgumentException("untrustedScore must not exceed trustedScore");
    if (slaUptimeBps < 0 || slaUptimeBps > 10_000) throw new IllegalArgumentException("slaUptimeBps must be within 0..10000");
  }

  /** The score's weights and windows (economics 8); {@code disputeLimit} marks count as one failure. */
  public io.bhkr.rules.ReputationRule.Weights weights(int disputeLimit) {
    return new io.bhkr.rules.ReputationRule.Weights(weightUptimeBps, weightRunningBps, weightStakeBps, weightPriceBps, targetRunDays,
        scoreWindowDays, penaltyWindowDays, failurePenalty, slashingPenalty, disputeLimit);
  }

  public static ReputationParameters defaults() {
    return new ReputationParameters(800, 400, 9_500, 300, 30, 4_000, 2_000, 2_000, 2_000, 90, 30, 180, 100, 300);
  }
}
