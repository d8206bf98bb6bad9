package io.bhkr.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.audit.AuditRoundEntity.RoundView;
import io.bhkr.governance.AuditParameters;
import io.bhkr.governance.Parameters;
import io.bhkr.rules.AuditAssignment;
import io.bhkr.rules.Keccak256;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditRoundEntityTest {

  private static final Parameters HOURLY = Parameters.defaults().withAudits(new AuditParameters(3, 3_600, 3, 2_500));
  private static final String BEACON = "11".repeat(32);
  private static final List<String> NODES = List.of("n1", "n2", "n3", "n4", "n5");
  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<AuditRoundEntity.Command, DomainEvent, AuditRoundState> round;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("AuditRoundEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    round = EventSourcedBehaviorTestKit.create(testKit.system(), AuditRoundEntity.create(new RecordingRoute(testKit.createTestProbe(RecordingRoute.Delivery.class).getRef()), Duration.ofMinutes(5)));
  }

  private RoundView heartbeat(String node, long at) {
    return round.<RoundView>runCommand(r -> new AuditRoundEntity.Heartbeat(node, "p-" + node, 100, at, BEACON, HOURLY, r)).reply();
  }

  private AuditRoundEntity.ReportResult report(long period, String auditor, String target, int bps, long at) {
    return round.<AuditRoundEntity.ReportResult>runCommand(r ->
        new AuditRoundEntity.Report(period, auditor, target, bps, at, BEACON, HOURLY, r)).reply();
  }

  /** All five nodes heartbeat in period 0; the first command of period 1 assigns them. */
  private RoundView periodOneOpen() {
    for (String n : NODES) heartbeat(n, 10);
    return round.<RoundView>runCommand(r -> new AuditRoundEntity.Current(3_600, BEACON, HOURLY, r)).reply();
  }

  @Test
  void aNewPeriodRecordsItsSeedAndAnAssignmentAnyoneCanRecompute() {
    RoundView v = periodOneOpen();
    assertEquals(1, v.period());
    byte[] seed = AuditAssignment.seed(1, Keccak256.fromHex(BEACON));
    assertEquals(Keccak256.hex(seed), v.seed());
    assertEquals(AuditAssignment.assign(seed, NODES, 3), v.assignment());
    v.assignment().forEach((auditor, targets) -> assertEquals(3, targets.size()));
  }

  @Test
  void reportsFromUnassignedSidecarsOrForAnotherPeriodAreRefused() {
    RoundView v = periodOneOpen();
    String auditor = "n1";
    String target = v.assignment().get(auditor).get(0);
    String notMine = NODES.stream().filter(n -> !n.equals(auditor) && !v.assignment().get(auditor).contains(n)).findFirst().orElseThrow();
    assertInstanceOf(AuditRoundEntity.Refused.class, report(1, auditor, notMine, 10_000, 3_700));
    assertInstanceOf(AuditRoundEntity.Refused.class, report(0, auditor, target, 10_000, 3_700));
    assertInstanceOf(AuditRoundEntity.Refused.class, report(1, auditor, auditor, 10_000, 3_700));
    assertInstanceOf(AuditRoundEntity.Accepted.class, report(1, auditor, target, 10_000, 3_700));
  }

  @Test
  void theNextPeriodClosesWithMedianUptimesAndDisputeMarks() {
    RoundView v = periodOneOpen();
    String down = "n3";
    List<String> auditors = AuditAssignment.auditors(v.assignment()).get(down);
    // Two auditors see it down, one claims it was up: the median is 0 and the third is disputed.
    assertInstanceOf(AuditRoundEntity.Accepted.class, report(1, auditors.get(0), down, 0, 3_700));
    assertInstanceOf(AuditRoundEntity.Accepted.class, report(1, auditors.get(1), down, 1_000, 3_700));
    assertInstanceOf(AuditRoundEntity.Accepted.class, report(1, auditors.get(2), down, 10_000, 3_700));
    for (String n : NODES) if (!n.equals(down)) heartbeat(n, 7_100);
    var result = round.<RoundView>runCommand(r -> new AuditRoundEntity.Current(7_200, BEACON, HOURLY, r));
    AuditPeriodClosed closed = (AuditPeriodClosed) result.events().get(0);
    assertEquals(1, closed.period());
    assertEquals(1_000, closed.uptimes().get(down).uptimeBps());
    assertEquals(List.of(auditors.get(2)), closed.uptimes().get(down).disputedAuditors());
    assertEquals(1_000, result.state().lastUptimeBps(down));
    assertEquals(List.of(7_200L), result.state().disputeMarks().get("p-" + auditors.get(2)));
    AuditPeriodOpened opened = (AuditPeriodOpened) result.events().get(result.events().size() - 1);
    assertEquals(2, opened.period());
    assertTrue(opened.nodes().contains(down), "a node missing one heartbeat stays in the round");

    // Each provider of a node in the period is told, through the outbox, what the period found about its nodes.
    List<PeriodAudited> told = result.events().stream().filter(e -> e instanceof DispatchSent)
        .map(e -> (PeriodAudited) ((DispatchSent) e).dispatch()).toList();
    assertEquals(NODES.size(), told.size());
    assertTrue(result.state().outbox().pending().keySet().containsAll(told.stream().map(PeriodAudited::id).toList()),
        "pending until each provider confirms");
    PeriodAudited aboutDown = told.stream().filter(t -> t.to().equals(Party.provider("p-" + down))).findFirst().orElseThrow();
    assertEquals("audited:1:p-" + down, aboutDown.id());
    assertEquals(1_000, aboutDown.nodes().get(down).uptimeBps());
    assertEquals(10, aboutDown.nodes().get(down).firstSeen());
    assertEquals(7_200, aboutDown.at());
    assertEquals(HOURLY, aboutDown.parameters());
    PeriodAudited aboutDisputed = told.stream().filter(t -> t.to().equals(Party.provider("p-" + auditors.get(2)))).findFirst().orElseThrow();
    assertEquals(1, aboutDisputed.disputeMarks());
  }

  @Test
  void aReplayRebuildsTheSameState() {
    periodOneOpen();
    var before = round.getState();
    round.restart();
    assertEquals(before, round.getState());
  }

  @Test
  void nodesSilentForTwoPeriodsLeaveTheRound() {
    periodOneOpen();
    heartbeat("n1", 3 * 3_600 + 5);
    heartbeat("n2", 3 * 3_600 + 6);
    RoundView v = round.<RoundView>runCommand(r -> new AuditRoundEntity.Current(3 * 3_600 + 7, BEACON, HOURLY, r)).reply();
    assertEquals(Map.of("n1", List.of("n2"), "n2", List.of("n1")).keySet(), v.assignment().keySet());

    // When that period closes, the providers of the nodes that left are told too, with none of their nodes in it.
    heartbeat("n1", 4 * 3_600 + 5);
    List<PeriodAudited> told = round.getState().outbox().pending().values().stream().filter(d -> d instanceof PeriodAudited)
        .map(d -> (PeriodAudited) d).filter(d -> d.period() == 3).toList();
    assertEquals(NODES.size(), told.size(), "every provider the round has seen a node of");
    PeriodAudited aboutGone = told.stream().filter(t -> t.to().equals(Party.provider("p-n3"))).findFirst().orElseThrow();
    assertEquals(Map.of(), aboutGone.nodes());
    PeriodAudited aboutRunning = told.stream().filter(t -> t.to().equals(Party.provider("p-n1"))).findFirst().orElseThrow();
    assertEquals(java.util.Set.of("n1"), aboutRunning.nodes().keySet());
  }
}
