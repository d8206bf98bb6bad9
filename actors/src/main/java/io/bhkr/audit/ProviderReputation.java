package io.bhkr.audit;

import io.bhkr.audit.AuditRoundState.Audited;
import io.bhkr.audit.AuditRoundState.Sighting;
import io.bhkr.governance.AuditParameters;
import io.bhkr.governance.ReputationParameters;
import io.bhkr.money.Amount;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.ReputationRule.AuditedPeriod;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A provider's score (economics 8) from the journaled audit round and its own collateral and
 * failures. Both inputs are event-sourced, so the same journal and the same {@code now} give the
 * same integer. Recent bids are not yet tracked per provider, so Pr counts as 1 (no bids).
 */
public final class ProviderReputation {

  private ProviderReputation() {}

  public static ReputationRule.Weights weights(ReputationParameters r, AuditParameters a) {
    return new ReputationRule.Weights(r.weightUptimeBps(), r.weightRunningBps(), r.weightStakeBps(), r.weightPriceBps(),
        r.targetRunDays(), r.scoreWindowDays(), r.penaltyWindowDays(), r.failurePenalty(), r.slashingPenalty(), a.disputeLimit());
  }

  /**
   * @param failureTimes when the provider's service failures were recorded
   */
  public static ReputationRule.Score of(String providerId, Amount collateral, Amount pMax, List<Long> failureTimes,
      AuditRoundState audits, ReputationParameters r, AuditParameters a, long now) {
    List<AuditedPeriod> periods = new ArrayList<>();
    long runSum = 0;
    int nodes = 0;
    for (Map.Entry<String, Sighting> e : audits.nodes().entrySet()) {
      if (!providerId.equals(e.getValue().providerId())) continue;
      nodes++;
      runSum += Math.max(0, Math.min(now, e.getValue().lastSeen()) - e.getValue().firstSeen());
      for (Audited x : audits.history().getOrDefault(e.getKey(), List.of())) periods.add(new AuditedPeriod(x.period(), x.at(), x.uptimeBps()));
    }
    periods.sort((x, y) -> Long.compare(x.period(), y.period()));
    ReputationRule.History h = new ReputationRule.History(periods, nodes == 0 ? 0 : runSum / nodes, collateral.amount(),
        pMax == null ? BigInteger.ZERO : pMax.amount(), List.of(), failureTimes, List.of(),
        audits.disputeMarks().getOrDefault(providerId, Collections.emptyList()));
    return ReputationRule.score(h, now, weights(r, a));
  }
}
