package io.bhkr.provider;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.audit.PeriodAudited.NodeAudit;
import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.ProviderDisqualification;
import io.bhkr.governance.ProviderKSet;
import io.bhkr.governance.ProviderQualified;
import io.bhkr.nodes.NodeDeclared;
import io.bhkr.project.CollateralClaim;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.provider.ProviderEntity.Status;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider records its score from audited periods, failures and collateral (economics 8),
 * disqualifies itself under disqualifyScore or on governance's word for disqualifyDays (7), places
 * won projects on a running node and finds a project failed when that node is audited below
 * slaUptimeBps (7, P2).
 */
class ProviderReputationEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final long HOUR = 3_600;
  private static final long THIRTY_DAYS = 30 * 86_400L;
  private static final Parameters PARAMS = Parameters.defaults();
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ProviderReputationEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private record Fixture(String id, EventSourcedBehaviorTestKit<ProviderEntity.Command, DomainEvent, ProviderState> kit) {

    EventSourcedBehaviorTestKit.CommandResultWithReply<ProviderEntity.Command, DomainEvent, ProviderState, Receipt> receive(Dispatch d) {
      return kit.runCommand(r -> new ProviderEntity.Receive(d, r));
    }

    ProviderView view() {
      return kit.<ProviderView>runCommand(ProviderEntity.Get::new).reply();
    }

    void declare(String node, Resources capacity) {
      receive(new NodeDeclared("node:" + node + ":" + id, Party.node(node), Party.provider(id), node, capacity, T0));
    }

    ProjectAwarded award(String project, Resources resources, long at) {
      return new ProjectAwarded("award:" + project, Party.project(project), Party.provider(id), project, resources, at);
    }

    /** Its node n-1 (first heartbeat at T0) audited at {@code uptimeBps} in the period closing at {@code at}. */
    PeriodAudited audited(long period, long at, int uptimeBps) {
      return new PeriodAudited("audited:" + period + ":" + id, Party.AUDITS, Party.provider(id), period, at,
          Map.of("n-1", new NodeAudit(uptimeBps, T0, at - 10)), 0, PARAMS);
    }
  }

  /** An ACTIVE provider at pMin: 10,000 of pMax 100,000 BHKR. */
  private static Fixture activeProvider() {
    String id = String.format("0x%040x", 0xdef000 + IDS.incrementAndGet());
    RecordingRoute route = new RecordingRoute(testKit.createTestProbe(RecordingRoute.Delivery.class).getRef());
    Fixture p = new Fixture(id, EventSourcedBehaviorTestKit.create(testKit.system(), ProviderEntity.create(id, route, Duration.ofMinutes(5))));
    p.kit().<ProviderEntity.ApplyResult>runCommand(r -> new ProviderEntity.Apply("Acme", new Resources(64, 256, 4096, 1000), bhkr(90), T0, r));
    p.receive(new ProviderQualified("qualify:" + id, Party.GOVERNANCE, Party.provider(id), "prop-q", bhkr(10_000), bhkr(100_000)));
    p.receive(Transfer.of("c-" + id, Party.account(id), Party.provider(id), bhkr(10_000), Purpose.COLLATERAL, T0));
    p.declare("n-1", new Resources(8, 32, 512, 100));
    return p;
  }

  private static <T> List<T> sent(List<DomainEvent> events, Class<T> type) {
    return events.stream().filter(e -> e instanceof DispatchSent s && type.isInstance(s.dispatch()))
        .map(e -> type.cast(((DispatchSent) e).dispatch())).toList();
  }

  private static <T> List<T> of(List<DomainEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void anAuditedPeriodRecordsTheScoreWithItsInputs() {
    Fixture p = activeProvider();
    var result = p.receive(p.audited(1, T0 + HOUR, 10_000));
    ScoreRecorded score = of(result.events(), ScoreRecorded.class).get(0);
    // U = 1, Rt = 3590 s / 90 days, St = 0.1, Pr = 1: 1000 × (0.4 + 0.2 × 0.000462 + 0.02 + 0.2) = 620
    assertEquals(620, score.score().score());
    assertEquals("1.000000", score.score().uptime().toPlainString());
    assertEquals("0.000462", score.score().running().toPlainString());
    assertEquals("0.100000", score.score().staked().toPlainString());
    assertEquals(List.of(1L), score.score().periodsCounted());
    assertEquals(T0 + HOUR, score.at());
    assertTrue(score.cause().contains("audit period 1") && score.cause().contains("n-1 10000 bp"), score.cause());
    assertTrue(of(result.events(), ProviderDisqualified.class).isEmpty());
    assertEquals(620, p.view().score());
    assertTrue(p.receive(p.audited(1, T0 + HOUR, 10_000)).hasNoEvents(), "a redelivered period changes nothing");
  }

  @Test
  void aScoreUnderDisqualifyScoreDisqualifiesForDisqualifyDaysThenTheProviderIsActiveAgain() {
    Fixture p = activeProvider();
    long at = T0 + HOUR;
    var result = p.receive(p.audited(1, at, 0));
    assertEquals(220, of(result.events(), ScoreRecorded.class).get(0).score().score(), "U = 0: 1000 × (0.2 × 0.000462 + 0.02 + 0.2)");
    ProviderDisqualified d = of(result.events(), ProviderDisqualified.class).get(0);
    assertEquals(at, d.at());
    assertEquals(at + THIRTY_DAYS, d.until());
    assertTrue(d.reason().contains("disqualifyScore 300"), d.reason());

    // a second low period inside the window does not extend it
    assertTrue(of(p.receive(p.audited(2, at + HOUR, 0)).events(), ProviderDisqualified.class).isEmpty());

    ProviderView v = p.view();
    assertEquals(Status.DISQUALIFIED, v.statusAt(at));
    assertEquals(Status.DISQUALIFIED, v.statusAt(at + THIRTY_DAYS - 1));
    assertEquals(Status.ACTIVE, v.statusAt(at + THIRTY_DAYS));
    assertTrue(v.standing(at + THIRTY_DAYS - 1).disqualified());
    assertFalse(v.standing(at + THIRTY_DAYS).disqualified());
    p.kit().restart();
    assertEquals(v, p.view(), "a replay rebuilds the same view");
  }

  @Test
  void aWonProjectRunsOnARunningNodeAndFailsOnceWhenItsAuditedUptimeFallsBelowTheSla() {
    Fixture p = activeProvider();
    p.receive(p.audited(1, T0 + HOUR, 10_000));
    String project = "p-sla";
    long awardedAt = T0 + HOUR + 100;
    var award = p.receive(new ProjectAwarded("award:" + project, Party.project(project), Party.provider(p.id()), project,
        new Resources(4, 16, 128, 0), awardedAt));
    ProjectPlaced placed = sent(award.events(), ProjectPlaced.class).get(0);
    assertEquals(Party.node("n-1"), placed.to());
    assertEquals(awardedAt, placed.at());
    assertEquals(new Reputation.Placement("n-1", awardedAt), p.view().reputation().placements().get(project));

    // exactly at the SLA is no failure; 9,000 bp since the start is
    assertTrue(sent(p.receive(p.audited(2, T0 + 2 * HOUR, 9_500)).events(), ServiceFailureFound.class).isEmpty());
    var breach = p.receive(p.audited(3, T0 + 3 * HOUR, 8_500));
    ServiceFailureFound found = sent(breach.events(), ServiceFailureFound.class).get(0);
    assertEquals("sla:" + project, found.id());
    assertEquals(Party.project(project), found.to());
    assertEquals(9_000, found.uptimeBps(), "the mean of 9,500 and 8,500 since the project started");
    assertEquals(9_500, found.slaUptimeBps());
    assertEquals(T0 + 3 * HOUR, found.at());
    assertTrue(sent(p.receive(p.audited(4, T0 + 4 * HOUR, 0)).events(), ServiceFailureFound.class).isEmpty(), "told once");

    // the project's claim and release: compensation paid; the failed release records the failure with its time, the node told
    var claim = p.receive(new CollateralClaim("claim:" + project, Party.project(project), Party.provider(p.id()), project, "0xreq",
        bhkr(5), T0 + 3 * HOUR));
    assertEquals(bhkr(5), sent(claim.events(), Transfer.class).get(0).amount());
    assertEquals(0, of(claim.events(), ScoreRecorded.class).get(0).score().failuresCounted(), "the claim only pays");
    var release = p.receive(new ProjectReleased("release:" + project, Party.project(project), Party.provider(p.id()), project,
        T0 + 3 * HOUR, true));
    ScoreRecorded afterFailure = of(release.events(), ScoreRecorded.class).get(0);
    assertEquals(1, afterFailure.score().failuresCounted());
    assertEquals(List.of(new Reputation.Failure(project, T0 + 3 * HOUR)), p.view().reputation().failures());
    ProjectUnplaced unplaced = sent(release.events(), ProjectUnplaced.class).get(0);
    assertEquals(Party.node("n-1"), unplaced.to());
    assertTrue(p.view().reputation().placements().isEmpty());
  }

  @Test
  void aProjectWonWithNoRunningNodeWaitsForTheNextAuditedPeriod() {
    Fixture p = activeProvider();
    String project = "p-wait";
    var award = p.receive(new ProjectAwarded("award:" + project, Party.project(project), Party.provider(p.id()), project,
        new Resources(4, 16, 128, 0), T0 + 10));
    assertTrue(sent(award.events(), ProjectPlaced.class).isEmpty());
    var period = p.receive(p.audited(1, T0 + HOUR, 10_000));
    assertEquals(T0 + HOUR, sent(period.events(), ProjectPlaced.class).get(0).at());
  }

  @Test
  void governanceDisqualifiesForItsWindowAndSetsK() {
    Fixture p = activeProvider();
    var d = p.receive(new ProviderDisqualification("disqualify:g1", Party.GOVERNANCE, Party.provider(p.id()), "g1", T0, T0 + THIRTY_DAYS));
    assertEquals(new ProviderDisqualified("governance proposal g1", T0, T0 + THIRTY_DAYS), of(d.events(), ProviderDisqualified.class).get(0));
    assertEquals(Status.DISQUALIFIED, p.view().statusAt(T0 + 1));
    assertEquals(Status.ACTIVE, p.view().statusAt(T0 + THIRTY_DAYS));

    p.receive(new ProviderKSet("k:g2", Party.GOVERNANCE, Party.provider(p.id()), "g2", eth(8).amount()));
    assertEquals(eth(8).amount(), p.view().reputation().governedK());
    assertTrue(p.receive(new ProviderKSet("k:g2", Party.GOVERNANCE, Party.provider(p.id()), "g2", eth(1).amount())).hasNoEvents());
    assertEquals(eth(8).amount(), p.kit().restart().state().reputation().governedK());
  }

  @Test
  void eachClosedAuctionTellsItsBidAndPrFollowsTheRecentBids() {
    Fixture p = activeProvider();
    var closed = p.receive(new io.bhkr.project.BidOutcome("bid:p-b:" + p.id(), Party.project("p-b"), Party.provider(p.id()), "p-b",
        bhkr(60), bhkr(100), true, T0 + 50));
    ScoreRecorded s = of(closed.events(), ScoreRecorded.class).get(0);
    // Pr = 1 − 60/100: 1000 × (0.4 + 0 + 0.02 + 0.2 × 0.4) = 500
    assertEquals("0.400000", s.score().price().toPlainString());
    assertEquals(500, s.score().score());
    assertEquals(500, p.view().score());
    // a bid older than scoreWindowDays (30) no longer counts
    var later = p.receive(p.audited(1, T0 + 31 * 86_400L, 10_000));
    assertEquals("1.000000", of(later.events(), ScoreRecorded.class).get(0).score().price().toPlainString());
  }

  @Test
  void disputeMarksAndFailuresInsideTheirWindowArePenalties() {
    Fixture p = activeProvider();
    var disputed = p.receive(new PeriodAudited("audited:1:" + p.id(), Party.AUDITS, Party.provider(p.id()), 1, T0 + HOUR,
        Map.of("n-1", new NodeAudit(10_000, T0, T0 + HOUR)), 3, PARAMS));
    ScoreRecorded marked = of(disputed.events(), ScoreRecorded.class).get(0);
    assertEquals(3, marked.score().disputeMarksCounted());
    assertEquals(100, marked.score().penalties(), "disputeLimit (3) marks count as one failure");
    assertEquals(520, marked.score().score());
    // each failure costs 100: the third brings 520 to 220, under 300, and disqualifies once
    List<DomainEvent> events = new java.util.ArrayList<>();
    for (int i = 1; i <= 4; i++)
      events.addAll(p.receive(new ProjectReleased("release:f" + i, Party.project("f" + i), Party.provider(p.id()), "f" + i,
          T0 + 2 * HOUR, true)).events());
    List<ScoreRecorded> scores = of(events, ScoreRecorded.class);
    assertEquals(List.of(420L, 320L, 220L, 120L), scores.stream().map(x -> x.score().score()).toList());
    assertEquals(500, scores.get(3).score().penalties());
    assertEquals(1, of(events, ProviderDisqualified.class).size());
    assertEquals(T0 + 2 * HOUR, of(events, ProviderDisqualified.class).get(0).at());
    // 180 days later (penaltyWindowDays) the failures and marks have left the window
    var later = p.receive(p.audited(2, T0 + 2 * HOUR + 180 * 86_400L, 10_000));
    assertEquals(0, of(later.events(), ScoreRecorded.class).get(0).score().penalties());
  }

  @Test
  void aFailureThatOwesNoCompensationIsOnTheScoreOnceAndASettledProjectIsNot() {
    Fixture p = activeProvider();
    // failed on its last day: the project sends no claim, only the failed release
    ProjectReleased failed = new ProjectReleased("release:p-last", Party.project("p-last"), Party.provider(p.id()), "p-last",
        T0 + HOUR, true);
    var first = p.receive(failed);
    assertEquals(1, of(first.events(), ScoreRecorded.class).get(0).score().failuresCounted());
    assertEquals(520, p.view().score(), "620 less one failure's 100");
    assertTrue(p.receive(failed).hasNoEvents(), "a redelivered release changes nothing");
    // the same project told again under another id (an operator's failure after the audit's) still counts once
    p.receive(new ProjectReleased("release-again:p-last", Party.project("p-last"), Party.provider(p.id()), "p-last", T0 + HOUR, true));
    assertEquals(List.of(new Reputation.Failure("p-last", T0 + HOUR)), p.view().reputation().failures());
    var settled = p.receive(new ProjectReleased("release:p-ok", Party.project("p-ok"), Party.provider(p.id()), "p-ok", T0 + HOUR, false));
    assertTrue(of(settled.events(), ScoreRecorded.class).isEmpty());
    assertEquals(1, p.view().reputation().failures().size());
  }

  @Test
  void aNodeThatLeavesTheRoundWhileRunningAProjectCountsAsDownUntilTheProjectFails() {
    Fixture p = activeProvider();
    p.receive(p.audited(1, T0 + HOUR, 10_000));
    p.receive(p.award("p-gone", new Resources(4, 16, 128, 0), T0 + HOUR + 100));
    assertTrue(sent(p.receive(p.audited(2, T0 + 2 * HOUR, 10_000)).events(), ServiceFailureFound.class).isEmpty());
    // in the round but nobody reported on it: its auditors were silent, not the node; the period does not count
    var unreported = p.receive(new PeriodAudited("audited:3:" + p.id(), Party.AUDITS, Party.provider(p.id()), 3, T0 + 3 * HOUR,
        Map.of("n-1", new NodeAudit(null, T0, T0 + 3 * HOUR - 10)), 0, PARAMS));
    assertTrue(of(unreported.events(), NodeCountedDown.class).isEmpty());
    // its sidecar went silent: the round's next notice has none of the provider's nodes
    var gone = p.receive(new PeriodAudited("audited:4:" + p.id(), Party.AUDITS, Party.provider(p.id()), 4, T0 + 4 * HOUR, Map.of(), 0,
        PARAMS));
    assertEquals(List.of(new NodeCountedDown("n-1", 4, T0 + 4 * HOUR)), of(gone.events(), NodeCountedDown.class));
    ServiceFailureFound found = sent(gone.events(), ServiceFailureFound.class).get(0);
    assertEquals(5_000, found.uptimeBps(), "the mean of period 2 (10,000) and period 4 (0)");
    assertEquals(T0 + 4 * HOUR, found.at());
    ScoreRecorded score = of(gone.events(), ScoreRecorded.class).get(0);
    assertEquals("0.666667", score.score().uptime().toPlainString(), "the down period is in U too: (10,000 + 10,000 + 0) / 3");
    assertTrue(score.cause().contains("no node of the provider in the round"), score.cause());
    // once found failed, the node is not counted down again for it
    var later = p.receive(new PeriodAudited("audited:5:" + p.id(), Party.AUDITS, Party.provider(p.id()), 5, T0 + 5 * HOUR, Map.of(), 0,
        PARAMS));
    assertTrue(of(later.events(), NodeCountedDown.class).isEmpty());
    assertEquals(p.view(), viewAfterReplay(p));
  }

  @Test
  void aNodeWithoutAProjectThatLeavesTheRoundIsNotCountedDown() {
    Fixture p = activeProvider();
    p.receive(p.audited(1, T0 + HOUR, 10_000));
    var gone = p.receive(new PeriodAudited("audited:2:" + p.id(), Party.AUDITS, Party.provider(p.id()), 2, T0 + 2 * HOUR, Map.of(), 0,
        PARAMS));
    assertTrue(of(gone.events(), NodeCountedDown.class).isEmpty());
    assertEquals("1.000000", of(gone.events(), ScoreRecorded.class).get(0).score().uptime().toPlainString(),
        "the score is recorded again as the period closes");
  }

  @Test
  void aProjectGoesToTheFirstRunningNodeWithRoomAndWaitsWhenNoneHasRoom() {
    Fixture p = activeProvider(); // n-1: 8 GHz, 32 GB, 512 GB, 100 Mbps
    p.declare("n-2", new Resources(32, 128, 2048, 1000));
    p.receive(bothNodesUp(p, 1, T0 + HOUR));
    Resources half = new Resources(4, 16, 256, 50);
    long at = T0 + HOUR + 1;
    assertEquals(Party.node("n-1"), sent(p.receive(p.award("a", half, at)).events(), ProjectPlaced.class).get(0).to());
    assertEquals(Party.node("n-1"), sent(p.receive(p.award("b", half, at)).events(), ProjectPlaced.class).get(0).to());
    // n-1 is full now: the next one goes to n-2, and one larger than any node's room waits
    assertEquals(Party.node("n-2"), sent(p.receive(p.award("c", half, at)).events(), ProjectPlaced.class).get(0).to());
    Resources big = new Resources(30, 100, 1024, 500);
    assertTrue(sent(p.receive(p.award("d", big, at)).events(), ProjectPlaced.class).isEmpty(), "n-2 has 28 GHz left");
    assertTrue(sent(p.receive(bothNodesUp(p, 2, T0 + 2 * HOUR)).events(), ProjectPlaced.class).isEmpty(), "still no room");
    // c's release frees n-2: d is placed there at once
    var release = p.receive(new ProjectReleased("release:c", Party.project("c"), Party.provider(p.id()), "c", T0 + 2 * HOUR + 5, false));
    ProjectPlaced d = sent(release.events(), ProjectPlaced.class).get(0);
    assertEquals("d", d.projectId());
    assertEquals(Party.node("n-2"), d.to());
  }

  private static PeriodAudited bothNodesUp(Fixture p, long period, long at) {
    return new PeriodAudited("audited:" + period + ":" + p.id(), Party.AUDITS, Party.provider(p.id()), period, at,
        Map.of("n-1", new NodeAudit(10_000, T0, at - 10), "n-2", new NodeAudit(10_000, T0, at - 10)), 0, PARAMS);
  }

  private static ProviderView viewAfterReplay(Fixture p) {
    p.kit().restart();
    return p.view();
  }

  @Test
  void aMicroPoolSlashingCosts300InsideThePenaltyWindowAndIsToldOnce() {
    Fixture p = activeProvider();
    long before = p.receive(p.audited(1, T0 + HOUR, 10_000)).state().score();
    io.bhkr.micropool.ProviderSlashed notice = new io.bhkr.micropool.ProviderSlashed("notice:slash:mp-1:1", Party.microPool("mp-1"),
        Party.provider(p.id()), "mp-1", eth(32), eth(8), T0 + 2 * HOUR);
    var slashed = p.receive(notice);
    ScoreRecorded score = of(slashed.events(), ScoreRecorded.class).get(0);
    assertEquals(1, score.score().slashingsCounted());
    assertEquals(300, score.score().penalties());
    assertEquals(before - 300, score.score().score());
    assertEquals(T0 + 2 * HOUR, score.at(), "scored with the slashing's time");
    assertTrue(p.receive(notice).events().isEmpty(), "a redelivered notice changes nothing");
    var later = p.receive(p.audited(2, T0 + 2 * HOUR + 180 * 86_400L, 10_000));
    assertEquals(0, of(later.events(), ScoreRecorded.class).get(0).score().slashingsCounted(), "out of the penalty window");
  }
}
