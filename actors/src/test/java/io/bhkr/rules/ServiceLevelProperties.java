package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The SLA judge (economics 7) and the disqualification window: pure functions of their inputs. */
class ServiceLevelProperties {

  @Property
  void aBreachIsExactlyAMeanBelowTheSla(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 10_000) Integer> uptimes,
      @ForAll @IntRange(min = 0, max = 10_000) int sla) {
    long sum = uptimes.stream().mapToLong(Integer::longValue).sum();
    assertEquals(sum < (long) sla * uptimes.size(), ServiceLevel.breached(uptimes, sla));
    if (ServiceLevel.breached(uptimes, sla)) assertTrue(ServiceLevel.meanBps(uptimes) < sla);
  }

  @Property
  void allPeriodsAtOrAboveTheSlaNeverBreachAndOneMorePeriodAtZeroEventuallyDoes(
      @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 9_500, max = 10_000) Integer> uptimes) {
    assertFalse(ServiceLevel.breached(uptimes, 9_500));
    List<Integer> more = new ArrayList<>(uptimes);
    while (!ServiceLevel.breached(more, 9_500)) more.add(0);
    // n periods at up to 10000 then m at 0 are under 9500 once 500 n < 9500 m: at most n / 19 + 1 periods at 0 (two after 20 at 10000)
    assertTrue(more.size() <= uptimes.size() + uptimes.size() / 19 + 1, "a node down after n good periods fails within n / 19 + 1");
  }

  @Test
  void noAuditedPeriodIsNoBreach() {
    assertFalse(ServiceLevel.breached(List.of(), 9_500));
    assertEquals(-1, ServiceLevel.meanBps(List.of()));
  }

  @Property
  void aDisqualificationLastsExactlyItsDays(@ForAll @IntRange(min = 0, max = 2_000_000_000) int at,
      @ForAll @IntRange(min = 0, max = 365) int days, @ForAll @IntRange(min = -100, max = 40_000_000) int offset) {
    long until = Disqualification.until(at, days);
    long now = (long) at + offset;
    assertEquals(now >= at && now < (long) at + days * 86_400L || now < at && now < until, Disqualification.active(until, now));
    // a running disqualification is never restarted by a low score; an ended one is
    assertFalse(Disqualification.byScore(0, 300, until, now) && Disqualification.active(until, now));
    assertEquals(!Disqualification.active(until, now), Disqualification.byScore(0, 300, until, now));
    assertFalse(Disqualification.byScore(300, 300, 0, now), "at disqualifyScore exactly a provider is not disqualified");
  }
}
