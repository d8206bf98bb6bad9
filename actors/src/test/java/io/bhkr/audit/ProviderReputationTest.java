package io.bhkr.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.audit.AuditPeriodClosed.NodeUptime;
import io.bhkr.governance.AuditParameters;
import io.bhkr.governance.ReputationParameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.ReputationRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderReputationTest {

  private static final long DAY = 86_400;
  private static final Amount P_MIN = new Amount(Asset.BHKR, BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000)));
  private static final Amount P_MAX = new Amount(Asset.BHKR, BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(100_000)));

  private static ReputationRule.Score score(AuditRoundState s, String provider, List<Long> failures, long now) {
    return ProviderReputation.of(provider, P_MIN, P_MAX, failures, s, ReputationParameters.defaults(), AuditParameters.defaults(), now);
  }

  @Test
  void aProviderNobodyAuditedScores620AtPMin() {
    assertEquals(620, score(AuditRoundState.empty(), "p", List.of(), DAY).score());
  }

  @Test
  void itsNodesAuditedPeriodsAndRunningTimeEnterAndDisputesCountAgainstTheAuditorsProvider() {
    AuditRoundState s = AuditRoundState.empty()
        .seen(new NodeSeen("a", "p", 1, 0)).seen(new NodeSeen("b", "q", 1, 0)).seen(new NodeSeen("c", "q", 1, 0))
        .seen(new NodeSeen("a", "p", 9, 9 * DAY));
    s = s.closed(new AuditPeriodClosed(1, Map.of("a", new NodeUptime("p", 5_000, 3, List.of("b"))), 9 * DAY));
    ReputationRule.Score p = score(s, "p", List.of(), 9 * DAY);
    // U 0.5, Rt 9/90 = 0.1, St 0.1, Pr 1: 1000 × (0.2 + 0.02 + 0.02 + 0.2) = 440
    assertEquals(new BigDecimal("0.500000"), p.uptime());
    assertEquals(new BigDecimal("0.100000"), p.running());
    assertEquals(440, p.score());
    assertEquals(1, score(s, "q", List.of(), 9 * DAY).disputeMarksCounted());
  }

  @Test
  void fourFailuresBringAProviderAtPMinUnderTheDisqualifyingScore() {
    long now = DAY;
    ReputationRule.Score s = score(AuditRoundState.empty(), "p", List.of(now, now, now, now), now);
    assertEquals(220, s.score());
    assertEquals(true, s.score() < ReputationParameters.defaults().disqualifyScore());
  }
}
