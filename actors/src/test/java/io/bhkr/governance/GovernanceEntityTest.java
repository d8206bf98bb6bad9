package io.bhkr.governance;

import static io.bhkr.testing.EntityTests.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.GovernanceEntity.Decision;
import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.GovernanceEntity.Genesis;
import io.bhkr.governance.GovernanceEntity.GovernanceFounded;
import io.bhkr.governance.GovernanceEntity.GovernanceView;
import io.bhkr.governance.GovernanceEntity.ProposalDecided;
import io.bhkr.governance.GovernanceEntity.ProposalOpened;
import io.bhkr.governance.GovernanceEntity.ProposalView;
import io.bhkr.governance.GovernanceEntity.Refusal;
import io.bhkr.governance.GovernanceEntity.VoteCast;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GovernanceEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final long WEEK = 7 * 24 * 3600;
  private static final String G1 = "0x1111111111111111111111111111111111111111";
  private static final String G2 = "0x2222222222222222222222222222222222222222";
  private static final String G3 = "0x3333333333333333333333333333333333333333";
  private static final String OUTSIDER = "0x4444444444444444444444444444444444444444";
  private static final String PROVIDER = "0x5555555555555555555555555555555555555555";
  private static final Genesis GENESIS = new Genesis(List.of(G1, G2, G3), 1, Parameters.development());
  private static ActorTestKit testKit;
  private TestProbe<Delivery> deliveries;
  private EventSourcedBehaviorTestKit<GovernanceEntity.Command, DomainEvent, GovernanceState> governance;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("GovernanceEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    deliveries = testKit.createTestProbe(Delivery.class);
    // a long redelivery interval: tests trigger redelivery by restarting
    governance = EventSourcedBehaviorTestKit.create(testKit.system(),
        GovernanceEntity.create(new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5)));
  }

  /** There is one governance entity (one persistence id): each test starts from an empty journal. */
  @AfterEach
  void forget() {
    governance.clear();
  }

  private void found() {
    governance.<Done>runCommand(r -> new GovernanceEntity.Found(GENESIS, r));
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<GovernanceEntity.Command, DomainEvent, GovernanceState, Decision>
      propose(String proposalId, String proposer, long at) {
    return governance.runCommand(r ->
        new GovernanceEntity.Propose(proposalId, proposer, Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, io.bhkr.provider.ProviderEntity.Status.APPLIED, at, r));
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<GovernanceEntity.Command, DomainEvent, GovernanceState, Decision>
      vote(String proposalId, String governor, boolean inFavour, long at) {
    return governance.runCommand(r -> new GovernanceEntity.Vote(proposalId, governor, inFavour, at, r));
  }

  private GovernanceView view() {
    return governance.<GovernanceView>runCommand(GovernanceEntity.Get::new).reply();
  }

  /** The attendance counted when a proposal closes: a first miss (stake 0, nothing slashed) for each of {@code missed}. */
  private static AttendanceRecorded attendance(String proposalId, long at, String... missed) {
    List<String> absent = List.of(missed);
    return new AttendanceRecorded(proposalId, at, java.util.stream.Stream.of(G1, G2, G3).map(g -> new AttendanceRecorded.Mark(g,
        !absent.contains(g), absent.contains(g) ? 1 : 0, java.math.BigInteger.ZERO, java.math.BigInteger.ZERO, false)).toList());
  }

  private static Proposal proposalOf(Decision d) {
    return assertInstanceOf(ProposalView.class, d).proposal();
  }

  private static DecisionRefused refusalOf(Decision d, Refusal expected) {
    DecisionRefused refused = assertInstanceOf(DecisionRefused.class, d);
    assertEquals(expected, refused.refusal(), refused.reason());
    return refused;
  }

  @Test
  void foundingSeatsTheGenesisGovernors() {
    var founded = governance.<Done>runCommand(r -> new GovernanceEntity.Found(GENESIS, r));
    assertEquals(Done.getInstance(), founded.reply());
    assertEquals(new GovernanceFounded(GENESIS), founded.event());
    GovernanceView v = view();
    assertEquals(1, v.n());
    assertEquals(List.of(G1, G2, G3), v.governors());
    assertEquals(Parameters.development(), v.parameters());
    assertEquals(3, v.parameters().bidWindowSeconds());
    assertEquals(bhkr(10_000), v.parameters().pMin());
    assertEquals(bhkr(100_000), v.parameters().pMax());
    assertEquals(Map.of(), v.proposals());
  }

  @Test
  void beforeFoundingThereAreNoGovernors() {
    GovernanceView v = view();
    assertEquals(0, v.n());
    assertEquals(List.of(), v.governors());
    var refused = propose("prop-1", G1, T0);
    refusalOf(refused.reply(), Refusal.NOT_A_GOVERNOR);
    assertTrue(refused.hasNoEvents());
  }

  @Test
  void aSecondFoundingWithAnotherGenesisChangesNothing() {
    found();
    Genesis other = new Genesis(List.of(OUTSIDER, PROVIDER), 1, Parameters.defaults());
    var again = governance.<Done>runCommand(r -> new GovernanceEntity.Found(other, r));
    assertEquals(Done.getInstance(), again.reply());
    assertTrue(again.hasNoEvents());
    assertEquals(GENESIS, again.state().genesis());
    assertEquals(List.of(G1, G2, G3), view().governors());
    refusalOf(propose("prop-1", OUTSIDER, T0).reply(), Refusal.NOT_A_GOVERNOR);
  }

  @Test
  void aProposalByANonGovernorIsRefusedAndChangesNothing() {
    found();
    var refused = propose("prop-1", OUTSIDER, T0);
    DecisionRefused r = refusalOf(refused.reply(), Refusal.NOT_A_GOVERNOR);
    assertTrue(r.reason().contains(OUTSIDER), r.reason());
    assertTrue(refused.hasNoEvents());
    assertEquals(Map.of(), refused.state().proposals());
  }

  @Test
  void aQualifyProviderProposalOpensWithADeadline() {
    found();
    var opened = propose("prop-1", G1, T0);
    Proposal p = proposalOf(opened.reply());
    Proposal expected = new Proposal("prop-1", Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, G1, T0, T0 + WEEK, Set.of(), Set.of(),
        Proposal.Status.OPEN);
    assertEquals(expected, p);
    assertEquals(new ProposalOpened(expected), opened.event());
    assertEquals(Map.of("prop-1", expected), view().proposals());
  }

  @Test
  void aReusedProposalIdOrAMissingProviderIsInvalid() {
    found();
    propose("prop-1", G1, T0);
    var reused = propose("prop-1", G2, T0 + 5);
    refusalOf(reused.reply(), Refusal.INVALID);
    assertTrue(reused.hasNoEvents());
    assertEquals(G1, reused.state().proposals().get("prop-1").proposer());

    var blank = governance.<Decision>runCommand(r ->
        new GovernanceEntity.Propose("prop-2", G1, Proposal.Kind.QUALIFY_PROVIDER, " ", io.bhkr.provider.ProviderEntity.Status.APPLIED, T0, r));
    refusalOf(blank.reply(), Refusal.INVALID);
    assertTrue(blank.hasNoEvents());
  }

  @Test
  void twoYesVotesOfThreePassAndQualifyTheProviderExactlyOnce() {
    found();
    propose("prop-1", G1, T0);

    var first = vote("prop-1", G1, true, T0 + 10);
    Proposal afterOne = proposalOf(first.reply());
    assertEquals(Proposal.Status.OPEN, afterOne.status());
    assertEquals(Set.of(G1), afterOne.yes());
    assertEquals(List.of(new VoteCast("prop-1", G1, true, T0 + 10)), first.events());
    deliveries.expectNoMessage(Duration.ofMillis(100));

    var second = vote("prop-1", G2, true, T0 + 20);
    Proposal passed = proposalOf(second.reply());
    assertEquals(Proposal.Status.PASSED, passed.status());
    assertEquals(Set.of(G1, G2), passed.yes());
    ProviderQualified expected = new ProviderQualified("qualify:prop-1", Party.GOVERNANCE, Party.provider(PROVIDER), "prop-1",
        bhkr(10_000), bhkr(100_000));
    assertEquals(List.of(
        new VoteCast("prop-1", G2, true, T0 + 20),
        new ProposalDecided("prop-1", Proposal.Status.PASSED, T0 + 20),
        new DispatchSent(expected),
        attendance("prop-1", T0 + 20, G3)), second.events());
    assertTrue(second.state().outbox().contains("qualify:prop-1"));

    Delivery delivery = deliveries.receiveMessage();
    assertEquals(expected, delivery.dispatch());
    deliveries.expectNoMessage(Duration.ofMillis(200));

    // the third governor is too late: the proposal is decided, nothing more is sent
    var third = vote("prop-1", G3, true, T0 + 30);
    DecisionRefused closed = refusalOf(third.reply(), Refusal.CLOSED);
    assertTrue(closed.reason().contains("PASSED"), closed.reason());
    assertTrue(third.hasNoEvents());
    deliveries.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aGovernorVotesOnce() {
    found();
    propose("prop-1", G1, T0);
    vote("prop-1", G1, false, T0 + 10);
    var twice = vote("prop-1", G1, true, T0 + 20);
    DecisionRefused refused = refusalOf(twice.reply(), Refusal.ALREADY_VOTED);
    assertTrue(refused.reason().contains("already voted"), refused.reason());
    assertTrue(twice.hasNoEvents());
    Proposal p = twice.state().proposals().get("prop-1");
    assertEquals(Set.of(), p.yes());
    assertEquals(Set.of(G1), p.no());
    assertEquals(Proposal.Status.OPEN, p.status());
  }

  @Test
  void aVoteByANonGovernorIsRefused() {
    found();
    propose("prop-1", G1, T0);
    var refused = vote("prop-1", OUTSIDER, true, T0 + 10);
    refusalOf(refused.reply(), Refusal.NOT_A_GOVERNOR);
    assertTrue(refused.hasNoEvents());
    assertEquals(Set.of(), refused.state().proposals().get("prop-1").yes());
  }

  @Test
  void twoNoVotesRejectAndNothingIsDispatched() {
    found();
    propose("prop-1", G1, T0);
    assertEquals(Proposal.Status.OPEN, proposalOf(vote("prop-1", G2, false, T0 + 10).reply()).status());
    assertEquals(Proposal.Status.OPEN, proposalOf(vote("prop-1", G1, true, T0 + 15).reply()).status());
    var rejected = vote("prop-1", G3, false, T0 + 20);
    Proposal p = proposalOf(rejected.reply());
    assertEquals(Proposal.Status.REJECTED, p.status());
    assertEquals(Set.of(G2, G3), p.no());
    assertEquals(List.of(
        new VoteCast("prop-1", G3, false, T0 + 20),
        new ProposalDecided("prop-1", Proposal.Status.REJECTED, T0 + 20),
        attendance("prop-1", T0 + 20)), rejected.events());
    assertTrue(rejected.state().outbox().isEmpty());
    deliveries.expectNoMessage(Duration.ofMillis(200));
  }

  @Test
  void aVoteAfterTheDeadlineExpiresTheProposal() {
    found();
    propose("prop-1", G1, T0);
    vote("prop-1", G1, true, T0 + WEEK); // at the deadline: still counted

    var late = vote("prop-1", G2, true, T0 + WEEK + 1);
    DecisionRefused refused = refusalOf(late.reply(), Refusal.CLOSED);
    assertTrue(refused.reason().contains("expired"), refused.reason());
    assertEquals(List.of(new ProposalDecided("prop-1", Proposal.Status.EXPIRED, T0 + WEEK + 1),
        attendance("prop-1", T0 + WEEK + 1, G2, G3)), late.events());
    Proposal p = late.state().proposals().get("prop-1");
    assertEquals(Proposal.Status.EXPIRED, p.status());
    assertEquals(Set.of(G1), p.yes(), "the late vote is not counted");
    deliveries.expectNoMessage(Duration.ofMillis(200));

    var afterwards = vote("prop-1", G3, true, T0 + WEEK + 2);
    refusalOf(afterwards.reply(), Refusal.CLOSED);
    assertTrue(afterwards.hasNoEvents());
    assertEquals(Proposal.Status.EXPIRED, governance.restart().state().proposals().get("prop-1").status(),
        "the expiry is persisted");
  }

  @Test
  void aVoteOnAnUnknownProposalIsRefused() {
    found();
    var unknown = vote("prop-x", G1, true, T0);
    DecisionRefused refused = refusalOf(unknown.reply(), Refusal.UNKNOWN_PROPOSAL);
    assertTrue(refused.reason().contains("prop-x"), refused.reason());
    assertTrue(unknown.hasNoEvents());
  }

  @Test
  void anUnconfirmedQualificationIsSentAgainAfterARestartUntilConfirmed() {
    found();
    propose("prop-1", G1, T0);
    vote("prop-1", G1, true, T0 + 10);
    vote("prop-1", G2, true, T0 + 20);
    assertEquals("qualify:prop-1", deliveries.receiveMessage().dispatch().id());

    // not confirmed before a crash: the recovered entity sends it again
    var restarted = governance.restart();
    assertTrue(restarted.state().outbox().contains("qualify:prop-1"));
    assertEquals(Proposal.Status.PASSED, restarted.state().proposals().get("prop-1").status());
    Delivery again = deliveries.receiveMessage();
    assertEquals("qualify:prop-1", again.dispatch().id());
    deliveries.expectNoMessage(Duration.ofMillis(100));
    again.confirm();
    deliveries.awaitAssert(Duration.ofSeconds(3), () -> {
      assertTrue(governance.getState().outbox().isEmpty(), "the receipt empties the outbox");
      return null;
    });

    // a duplicate receipt changes nothing
    again.confirm();
    assertTrue(governance.restart().state().outbox().isEmpty());
    deliveries.expectNoMessage(Duration.ofMillis(300)); // confirmed: nothing is resent after recovery
  }

  @Test
  void aRestartRecoversGovernorsProposalsAndVotes() {
    found();
    propose("prop-1", G1, T0);
    propose("prop-2", G2, T0 + 1);
    vote("prop-1", G1, true, T0 + 10);
    vote("prop-2", G1, false, T0 + 11);
    vote("prop-2", G3, false, T0 + 12);
    GovernanceView before = view();

    GovernanceState s = governance.restart().state();
    assertEquals(GENESIS, s.genesis());
    assertEquals(Set.of(G1), s.proposals().get("prop-1").yes());
    assertEquals(Proposal.Status.OPEN, s.proposals().get("prop-1").status());
    assertEquals(Proposal.Status.REJECTED, s.proposals().get("prop-2").status());
    assertEquals(before, view());

    // the recovered votes still count: one more yes passes prop-1
    assertEquals(Proposal.Status.PASSED, proposalOf(vote("prop-1", G3, true, T0 + 20).reply()).status());
    assertEquals("qualify:prop-1", deliveries.receiveMessage().dispatch().id());
  }

  @Test
  void theGenesisSeatsNPlusOneToTwoNPlusOneGovernors() {
    Parameters p = Parameters.development();
    assertThrows(IllegalArgumentException.class, () -> new Genesis(List.of(G1), 1, p), "fewer than n + 1");
    assertThrows(IllegalArgumentException.class, () -> new Genesis(List.of(), 1, p));
    assertThrows(IllegalArgumentException.class, () -> new Genesis(List.of(G1, G2, G3, OUTSIDER), 1, p), "more than 2n + 1");
    assertEquals(2, new Genesis(List.of(G1, G2), 1, p).governors().size(), "n + 1: the production genesis");
    assertEquals(3, new Genesis(List.of(G1, G2, G3), 1, p).governors().size(), "2n + 1: the development genesis");
    assertThrows(IllegalArgumentException.class, () -> new Genesis(List.of(G1, G2), 2, p));
    assertEquals(5, new Genesis(List.of(G1, G2, G3, OUTSIDER, PROVIDER), 2, p).governors().size());
  }

  @Test
  void aProposalPastItsDeadlineReadsAsExpired() {
    Proposal open = new Proposal("prop-1", Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, G1, T0, T0 + WEEK, Set.of(G1), Set.of(),
        Proposal.Status.OPEN);
    assertEquals(Proposal.Status.OPEN, open.statusAt(T0));
    assertEquals(Proposal.Status.OPEN, open.statusAt(T0 + WEEK));
    assertEquals(Proposal.Status.EXPIRED, open.statusAt(T0 + WEEK + 1));
    Proposal passed = new Proposal("prop-1", Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, G1, T0, T0 + WEEK, Set.of(G1, G2),
        Set.of(), Proposal.Status.PASSED);
    assertEquals(Proposal.Status.PASSED, passed.statusAt(T0 + WEEK + 1), "a decided proposal keeps its outcome");
  }

  @Test
  void aParameterChangesByVoteAndTheJournalRecomputesTheParametersInForce() {
    found();
    var refused = governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("set-0", G1, Proposal.Kind.SET_PARAMETER, null,
        null, new Proposal.ParameterSetting("rpBps", "10001"), T0, r));
    refusalOf(refused.reply(), Refusal.INVALID);
    assertTrue(refused.hasNoEvents());

    governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("set-1", G1, Proposal.Kind.SET_PARAMETER, null, null,
        new Proposal.ParameterSetting("rpBps", "1500"), T0, r));
    vote("set-1", G1, true, T0 + 10);
    var passed = vote("set-1", G2, true, T0 + 20);
    assertEquals(Proposal.Status.PASSED, proposalOf(passed.reply()).status());
    assertEquals(1500, view().parameters().rpBps());
    assertEquals(1500, governance.restart().state().genesis().parameters().rpBps());

    List<DomainEvent> journal = new java.util.ArrayList<>();
    journal.add(new GovernanceFounded(GENESIS));
    passed.events().forEach(journal::add);
    assertEquals(1000, io.bhkr.governance.ParameterHistory.inForceAt(journal, T0 + 19).rpBps());
    assertEquals(1500, io.bhkr.governance.ParameterHistory.inForceAt(journal, T0 + 20).rpBps());
  }

  @Test
  void aPassedMigrationOrdersTheOldPoolToMoveItsStakers() {
    found();
    var refused = governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("mig-0", G1,
        new Proposal.Migration("mp-a", "mp-a"), Map.of("mp-a", io.bhkr.micropool.MicroPoolStatus.OPEN), T0, r));
    refusalOf(refused.reply(), Refusal.INVALID);
    governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("mig-1", G1,
        new Proposal.Migration("mp-a", "mp-b"), Map.of("mp-a", io.bhkr.micropool.MicroPoolStatus.OPEN, "mp-b", io.bhkr.micropool.MicroPoolStatus.ACTIVE), T0, r));
    vote("mig-1", G1, true, T0 + 1);
    assertEquals(Proposal.Status.PASSED, proposalOf(vote("mig-1", G3, true, T0 + 2).reply()).status());
    var order = assertInstanceOf(io.bhkr.governance.MicroPoolMigrationOrdered.class, deliveries.receiveMessage().dispatch());
    assertEquals(io.bhkr.transfer.Party.microPool("mp-a"), order.to());
    assertEquals("mp-b", order.toPoolId());
  }

  @Test
  void aPassedDisqualifyProviderTellsTheProviderItsWindow() {
    found();
    proposalOf(governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("dq-1", G1, Proposal.Kind.DISQUALIFY_PROVIDER,
        PROVIDER, io.bhkr.provider.ProviderEntity.Status.QUALIFIED, T0, r)).reply());
    vote("dq-1", G1, true, T0 + 10);
    vote("dq-1", G2, true, T0 + 20);
    var notice = assertInstanceOf(io.bhkr.governance.ProviderDisqualification.class, deliveries.receiveMessage().dispatch());
    assertEquals(new io.bhkr.governance.ProviderDisqualification("disqualify:dq-1", Party.GOVERNANCE, Party.provider(PROVIDER), "dq-1",
        T0 + 20, T0 + 20 + 30 * 86_400L), notice);
  }

  @Test
  void aSetProviderKProposalNeedsAKWithin0To16EthAndTellsTheProviderWhenPassed() {
    found();
    java.math.BigInteger tooMuch = io.bhkr.rules.TrustTier.MAX_K.add(java.math.BigInteger.ONE);
    var refused = governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("k-0", G1, Proposal.Kind.SET_PROVIDER_K, PROVIDER,
        tooMuch, io.bhkr.provider.ProviderEntity.Status.QUALIFIED, T0, r));
    refusalOf(refused.reply(), Refusal.INVALID);
    assertTrue(refused.hasNoEvents());
    java.math.BigInteger eight = java.math.BigInteger.TEN.pow(18).multiply(java.math.BigInteger.valueOf(8));
    Proposal opened = proposalOf(governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("k-1", G1,
        Proposal.Kind.SET_PROVIDER_K, PROVIDER, eight, io.bhkr.provider.ProviderEntity.Status.QUALIFIED, T0, r)).reply());
    assertEquals(eight, opened.kWei());
    vote("k-1", G1, true, T0 + 10);
    vote("k-1", G3, true, T0 + 20);
    assertEquals(new io.bhkr.governance.ProviderKSet("k:k-1", Party.GOVERNANCE, Party.provider(PROVIDER), "k-1", eight),
        deliveries.receiveMessage().dispatch());
  }
}
