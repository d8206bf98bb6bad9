package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.rules.ReputationRule.AuditedPeriod;
import io.bhkr.rules.ReputationRule.BidRatio;
import io.bhkr.rules.ReputationRule.History;
import io.bhkr.rules.ReputationRule.Weights;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReputationRuleTest {

  static final Weights DEFAULTS = new Weights(4_000, 2_000, 2_000, 2_000, 90, 30, 180, 100, 300, 3);
  private static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  private static final long DAY = 86_400;
  private static final long NOW = 200 * DAY;

  private static BigInteger bhkr(long n) {
    return TOKEN.multiply(BigInteger.valueOf(n));
  }

  @Test
  void aNewProviderAtPMinScores620() {
    History h = new History(List.of(), 0, bhkr(10_000), bhkr(100_000), List.of(), List.of(), List.of(), List.of());
    ReputationRule.Score s = ReputationRule.score(h, NOW, DEFAULTS);
    assertEquals(620, s.score());
    assertEquals(new BigDecimal("1.000000"), s.uptime());
    assertEquals(new BigDecimal("0.000000"), s.running());
    assertEquals(new BigDecimal("0.100000"), s.staked());
  }

  @Test
  void everyTermAndThePenalties() {
    // U = (0.90 + 1.00) / 2 = 0.95, Rt = 45/90 = 0.5, St = 0.5, Pr = 1 − (0.8 + 0.6)/2 = 0.3
    // → 1000 × (0.38 + 0.1 + 0.1 + 0.06) = 640; one failure −100; three dispute marks (limit 3) −100.
    History h = new History(List.of(new AuditedPeriod(1, NOW - DAY, 9_000), new AuditedPeriod(2, NOW, 10_000),
        new AuditedPeriod(0, NOW - 31 * DAY, 0)), 45 * DAY, bhkr(50_000), bhkr(100_000),
        List.of(new BidRatio(BigInteger.valueOf(80), BigInteger.valueOf(100)), new BidRatio(BigInteger.valueOf(60), BigInteger.valueOf(100))),
        List.of(NOW - DAY), List.of(NOW - 181 * DAY), List.of(NOW - 3, NOW - 2, NOW - 1));
    ReputationRule.Score s = ReputationRule.score(h, NOW, DEFAULTS);
    assertEquals(new BigDecimal("0.950000"), s.uptime());
    assertEquals(new BigDecimal("0.500000"), s.running());
    assertEquals(new BigDecimal("0.300000"), s.price());
    assertEquals(List.of(1L, 2L), s.periodsCounted(), "the period older than 30 days is out of the window");
    assertEquals(0, s.slashingsCounted(), "the slashing older than 180 days is out of the window");
    assertEquals(200, s.penalties());
    assertEquals(440, s.score());
  }

  @Test
  void aSlashingCosts300AndTheScoreStopsAtZero() {
    History h = new History(List.of(new AuditedPeriod(1, NOW, 0)), 0, BigInteger.ZERO, bhkr(100_000), List.of(),
        List.of(), List.of(NOW - 1), List.of());
    assertEquals(0, ReputationRule.score(h, NOW, DEFAULTS).score()); // 1000 × 0.2 (Pr) − 300
  }
}
