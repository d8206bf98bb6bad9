package io.bhkr.cli.sidecar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetRecordTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void answersWithAnAdvancingChainAreUp() {
    TargetRecord r = new TargetRecord(3 * SECOND);
    r.probed(10, 0);
    r.probed(11, SECOND);
    r.probed(12, 2 * SECOND);
    assertEquals(10_000, r.upBps());
  }

  @Test
  void noAnswerIsDown() {
    TargetRecord r = new TargetRecord(3 * SECOND);
    r.probed(10, 0);
    r.probed(-1, SECOND);
    r.probed(-1, 2 * SECOND);
    r.probed(11, 3 * SECOND);
    assertEquals(5_000, r.upBps());
  }

  @Test
  void aChainStandingStillLongerThanTheStallLimitIsDown() {
    TargetRecord r = new TargetRecord(3 * SECOND);
    r.probed(10, 0);
    r.probed(10, 2 * SECOND); // still within the limit: blocks come once a second or slower
    r.probed(10, 4 * SECOND);
    r.probed(10, 5 * SECOND);
    assertEquals(5_000, r.upBps());
  }

  @Test
  void aNewPeriodCountsAfreshButRemembersTheLastBlock() {
    TargetRecord r = new TargetRecord(3 * SECOND);
    r.probed(10, 0);
    r.newPeriod();
    assertEquals(0, r.upBps());
    r.probed(10, 10 * SECOND);
    assertEquals(0, r.upBps(), "the same block ten seconds later: stalled");
    assertEquals(1, r.probes());
  }
}
