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

class ReputationRuleProperties {

  private static final ReputationRule.Weights DEFAULTS = ReputationRuleTest.DEFAULTS;
  private static final long NOW = 200 * 86_400L;

  private static java.math.BigInteger bhkr(long n) {
    return java.math.BigInteger.TEN.pow(18).multiply(java.math.BigInteger.valueOf(n));
  }

  @Property
  void alwaysWithinZeroAndThousandAndReplayable(@ForAll @Size(max = 20) List<@IntRange(max = 10_000) Integer> uptimes,
      @ForAll @LongRange(max = 400 * 86_400) long run, @ForAll @LongRange(max = 200_000) long staked,
      @ForAll @IntRange(max = 5) int failures, @ForAll @IntRange(max = 2) int slashings) {
    List<AuditedPeriod> periods = new ArrayList<>();
    for (int i = 0; i < uptimes.size(); i++) periods.add(new AuditedPeriod(i, NOW - i * 3_600L, uptimes.get(i)));
    List<Long> f = new ArrayList<>();
    for (int i = 0; i < failures; i++) f.add(NOW - i);
    List<Long> sl = new ArrayList<>();
    for (int i = 0; i < slashings; i++) sl.add(NOW - i);
    History h = new History(periods, run, bhkr(staked), bhkr(100_000), List.of(), f, sl, List.of());
    ReputationRule.Score s = ReputationRule.score(h, NOW, DEFAULTS);
    assertTrue(s.score() >= 0 && s.score() <= 1000, "score " + s.score());
    History copy = new History(new ArrayList<>(periods), run, bhkr(staked), bhkr(100_000), List.of(), new ArrayList<>(f),
        new ArrayList<>(sl), List.of());
    assertEquals(s, ReputationRule.score(copy, NOW, DEFAULTS));
  }
}
