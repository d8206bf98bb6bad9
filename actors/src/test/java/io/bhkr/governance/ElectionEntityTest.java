package io.bhkr.governance;

import static io.bhkr.testing.EntityTests.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.GovernanceEntity.Decision;
import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.GovernanceEntity.Genesis;
import io.bhkr.governance.GovernanceEntity.GovernanceView;
import io.bhkr.governance.GovernanceEntity.Refusal;
import io.bhkr.governance.GovernanceEntity.Ticked;
import io.bhkr.money.Amount;
import io.bhkr.rules.Election;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Candidacies, election votes, elections, phases and missed votes (economics 10) on the governance entity. */
class ElectionEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final long DAY = 86_400;
  private static final String G1 = "0x1111111111111111111111111111111111111111";
  private static final String G2 = "0x2222222222222222222222222222222222222222";
  private static final String G3 = "0x3333333333333333333333333333333333333333";
  private static final String C = "0xc000000000000000000000000000000000000001";
  private static final String D = "0xd000000000000000000000000000000000000002";
  private static final String STAKER = "0x5000000000000000000000000000000000000005";
  private static ActorTestKit testKit;
  private TestProbe<Delivery> deliveries;
  private EventSourcedBehaviorTestKit<GovernanceEntity.Command, DomainEvent, GovernanceState> governance;
  private int transfers;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ElectionEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    deliveries = testKit.createTestProbe(Delivery.class);
    governance = EventSourcedBehaviorTestKit.create(testKit.system(),
        GovernanceEntity.create(new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5)));
  }

  @AfterEach
  void forget() {
    governance.clear();
  }

  private void found(List<String> governors, Parameters parameters) {
    governance.<Done>runCommand(r -> new GovernanceEntity.Found(new Genesis(governors, 1, parameters), T0, r));
  }

  private void stake(String from, long tokens, long at) {
    stake(Transfer.of("t" + ++transfers, Party.account(from), Party.GOVERNANCE, bhkr(tokens), Purpose.GOVERNOR_STAKE, at));
  }

  private void stake(Transfer t) {
    assertEquals(new Receipt(t.id()), governance.<Receipt>runCommand(r -> new GovernanceEntity.Receive(t, r)).reply());
  }

  private Decision give(String staker, String candidate, long tokens, long stakedTokens) {
    return governance.<Decision>runCommand(r -> new GovernanceEntity.GiveVotes(staker, candidate, bhkr(tokens).amount(),
        bhkr(stakedTokens).amount(), T0 + 5, r)).reply();
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<GovernanceEntity.Command, DomainEvent, GovernanceState, Ticked>
      tick(long at, Map<String, BigInteger> staked, boolean now) {
    return governance.runCommand(r -> new GovernanceEntity.Tick(at, staked, now, r));
  }

  private Council council() {
    return governance.<GovernanceView>runCommand(GovernanceEntity.Get::new).reply().council();
  }

  private static BigInteger units(long tokens) {
    return bhkr(tokens).amount();
  }

  private static void refused(Decision d, Refusal expected) {
    assertEquals(expected, assertInstanceOf(DecisionRefused.class, d).refusal(), d.toString());
  }

  private Proposal.Status vote(String proposalId, String governor, long at) {
    Decision d = governance.<Decision>runCommand(r -> new GovernanceEntity.Vote(proposalId, governor, true, at, r)).reply();
    return assertInstanceOf(GovernanceEntity.ProposalView.class, d).proposal().status();
  }

  private void propose(String proposalId, String proposer, long at) {
    Decision d = governance.<Decision>runCommand(r -> new GovernanceEntity.Propose(proposalId, proposer, Proposal.Kind.QUALIFY_PROVIDER,
        "0x9000000000000000000000000000000000000009", io.bhkr.provider.ProviderEntity.Status.APPLIED, at, r)).reply();
    assertInstanceOf(GovernanceEntity.ProposalView.class, d);
  }

  private Transfer nextTransfer() {
    return assertInstanceOf(Transfer.class, deliveries.receiveMessage().dispatch());
  }

  @Test
  void candidatesStakeVotesAreGivenAndTheElectionSeatsTheTopSeatsAndReturnsTheRest() {
    found(List.of(G1, G2, G3), Parameters.development());
    assertEquals(Phase.AUTOMATED, council().phase(), "the development genesis seats all 2n + 1");
    stake(G1, 50, T0 + 1); // a governor adds to its own stake
    stake(G2, 100, T0 + 1);
    stake(C, 500, T0 + 2); // C applies
    stake(D, 10, T0 + 3); // D applies later
    Transfer again = Transfer.of("t3", Party.account(C), Party.GOVERNANCE, bhkr(500), Purpose.GOVERNOR_STAKE, T0 + 2);
    stake(again); // a redelivery is applied once
    assertEquals(units(500), council().candidacies().get(C).stake());
    assertEquals(new Candidacy(units(10), T0 + 3), council().candidacies().get(D));
    assertEquals(units(100), council().seats().get(G2).stake());

    // votes: up to what the staker has on sidecars, only to someone standing
    refused(give(STAKER, C, 300, 200), Refusal.INSUFFICIENT_STAKE);
    refused(give(STAKER, "0x7000000000000000000000000000000000000007", 1, 200), Refusal.NOT_A_CANDIDATE);
    assertInstanceOf(GovernanceEntity.VotesGiven.class, give(STAKER, C, 150, 200));
    var replaced = assertInstanceOf(GovernanceEntity.VotesGiven.class, give(STAKER, C, 200, 200));
    assertEquals(units(200), replaced.totalGiven(), "a second gift to the same candidate replaces the first");
    refused(give(STAKER, D, 1, 200), Refusal.INSUFFICIENT_STAKE);

    // the term has not run out: a tick holds nothing
    var early = tick(T0 + 10, Map.of(STAKER, units(200)), false);
    assertNull(early.reply().election());
    assertTrue(early.hasNoEvents());

    // the operator holds it now: C 700, G2 100, G1 50 win; G3 (0) and D (10) lose, D's stake goes back
    var held = tick(T0 + 20, Map.of(STAKER, units(200)), true);
    ElectionHeld e = held.reply().election();
    assertNotNull(e);
    assertEquals(List.of(C, G2, G1), e.elected());
    assertEquals(3, e.seats());
    assertTrue(e.candidates().contains(new Election.Candidate(C, units(500), units(200), T0 + 2)));
    Transfer back = nextTransfer();
    assertEquals(new Transfer("election:1:return:" + D, Party.GOVERNANCE, Party.account(D), bhkr(10), Purpose.GOVERNOR_STAKE_RETURN,
        "governor stake returned: not elected", T0 + 20), back);
    Council after = council();
    assertEquals(Set.of(C, G1, G2), after.seats().keySet());
    assertEquals(Map.of(), after.candidacies());
    assertEquals(units(500), after.seats().get(C).stake());
    assertEquals(T0 + 20, after.termStart());
    assertEquals(Phase.AUTOMATED, after.phase());
    assertEquals(units(650), after.totalStaked(), "C 500 + G2 100 + G1 50; D's 10 went back");

    // voting rights follow the seats: G3 no longer votes, C proposes
    refused(governance.<Decision>runCommand(r -> new GovernanceEntity.Propose("p-x", G3, Proposal.Kind.QUALIFY_PROVIDER,
        "0x9000000000000000000000000000000000000009", io.bhkr.provider.ProviderEntity.Status.APPLIED, T0 + 30, r)).reply(), Refusal.NOT_A_GOVERNOR);
    propose("p-1", C, T0 + 30);
    assertEquals(Proposal.Status.OPEN, vote("p-1", C, T0 + 31));
    assertEquals(Proposal.Status.PASSED, vote("p-1", G2, T0 + 32));

    assertEquals(after.seats().keySet(), governance.restart().state().council().seats().keySet(), "the election replays");
  }

  @Test
  void theClockHoldsTheReElectionWhenTheTermRunsOut() {
    found(List.of(G1, G2, G3), Parameters.development());
    int termDays = Parameters.development().elections().termDays();
    stake(C, 5, T0 + 1);
    assertNull(tick(T0 + termDays * DAY - 1, Map.of(), false).reply().election());
    ElectionHeld e = tick(T0 + termDays * DAY, Map.of(), false).reply().election();
    assertNotNull(e, "due at termStart + termDays");
    assertEquals(List.of(C, G1, G2), e.elected(), "the sitting governors tie at 0: the earlier seat, then the address");
    assertEquals(T0 + termDays * DAY, council().termStart());
  }

  @Test
  void productionPhasesRunFromInitializationThroughTransitionToAutomated() {
    found(List.of(G1, G2), Parameters.development()); // n + 1 = 2 of 3 seats
    assertEquals(Phase.INITIALIZATION, council().phase());
    assertNull(tick(T0 + 1, Map.of(), false).reply().election(), "nobody stands yet");
    stake(C, 5, T0 + 2);
    stake(D, 7, T0 + 3);
    assertEquals(Phase.TRANSITION, council().phase());
    var t = tick(T0 + 4, Map.of(), false);
    assertEquals(List.of(D), t.reply().election().elected(), "the one open seat goes to the most votes");
    assertEquals(Phase.AUTOMATED, t.reply().phase());
    assertEquals(Set.of(G1, G2, D), council().seats().keySet());
    assertEquals(T0 + 4, council().termStart());
    assertEquals(new Transfer("election:1:return:" + C, Party.GOVERNANCE, Party.account(C), bhkr(5), Purpose.GOVERNOR_STAKE_RETURN,
        "governor stake returned: not elected", T0 + 4), nextTransfer());
  }

  @Test
  void threeMissedVotesSlashIntoTheRewardPoolAndUnseatBelowTheMinimum() {
    Parameters p = ParameterChange.apply(Parameters.development(), "governorMinStake", "\"" + units(950) + "\"");
    found(List.of(G1, G2, G3), p);
    stake(G3, 1000, T0 + 1);
    for (int i = 1; i <= 3; i++) {
      propose("p-" + i, G1, T0 + 10 * i);
      vote("p-" + i, G1, T0 + 10 * i + 1);
      assertEquals(Proposal.Status.PASSED, vote("p-" + i, G2, T0 + 10 * i + 2));
      if (i < 3) assertEquals(i, council().seats().get(G3).missedVotes());
    }
    deliveries.receiveMessage(); // the qualification notices
    deliveries.receiveMessage();
    deliveries.receiveMessage();
    List<Transfer> moved = List.of(nextTransfer(), nextTransfer());
    assertEquals(new Transfer("missed:p-3:slash:" + G3, Party.GOVERNANCE, Party.REWARD_POOL, bhkr(100), Purpose.GOVERNOR_SLASHING,
        "slashed: governor missed consecutive votes", T0 + 32), moved.get(0));
    assertEquals(new Transfer("missed:p-3:return:" + G3, Party.GOVERNANCE, Party.account(G3), bhkr(900), Purpose.GOVERNOR_STAKE_RETURN,
        "governor stake returned: seat lost below governorMinStake", T0 + 32), moved.get(1));
    Council c = council();
    assertFalse(c.isGovernor(G3), "900 left is below governorMinStake 950");
    assertEquals(Phase.TRANSITION, c.phase(), "an open seat");
    assertEquals(BigInteger.ZERO, c.totalStaked());
  }

  @Test
  void aTickExpiresProposalsPastTheirDeadlineAndCountsTheMisses() {
    found(List.of(G1, G2, G3), Parameters.development());
    stake(G3, 1000, T0 + 1);
    long deadline = T0 + Parameters.development().proposalSeconds();
    propose("p-1", G1, T0);
    vote("p-1", G1, T0 + 1);
    var onTime = tick(deadline, Map.of(), false);
    assertTrue(onTime.hasNoEvents(), "at the deadline it is still open");
    var late = tick(deadline + 1, Map.of(), false);
    assertEquals(List.of("p-1"), late.reply().expired());
    assertEquals(Proposal.Status.EXPIRED, late.state().proposals().get("p-1").status());
    assertEquals(0, late.state().council().seats().get(G1).missedVotes());
    assertEquals(1, late.state().council().seats().get(G2).missedVotes());
    assertEquals(1, late.state().council().seats().get(G3).missedVotes());
    assertTrue(tick(deadline + 2, Map.of(), false).hasNoEvents(), "expired once");
  }

  @Test
  void otherValueSentToGovernanceGoesBack() {
    found(List.of(G1, G2, G3), Parameters.development());
    Transfer eth = Transfer.of("eth-1", Party.account(C), Party.GOVERNANCE, Amount.tokens(io.bhkr.money.Asset.ETH, 1), Purpose.GOVERNOR_STAKE, T0);
    stake(eth);
    assertEquals(new Transfer("return:eth-1", Party.GOVERNANCE, Party.account(C), eth.amount(), Purpose.RETURN,
        "returned: governance holds only governor stakes in BHKR from accounts", T0), nextTransfer());
    assertEquals(Map.of(), council().candidacies());
  }

  /** Issue 16: the candidacy rule is applied on arrival too, so a stake sent straight to governance is refused as CheckCandidacy refuses it. */
  @Test
  void aStakeBelowTheMinimumGoesBackOnArrivalAndCountsForNobody() {
    found(List.of(G1, G2, G3), ParameterChange.apply(Parameters.development(), "governorMinStake", "\"" + units(100) + "\""));
    Transfer small = Transfer.of("small-1", Party.account(C), Party.GOVERNANCE, bhkr(10), Purpose.GOVERNOR_STAKE, T0 + 1);
    var arrival = governance.<Receipt>runCommand(r -> new GovernanceEntity.Receive(small, r));
    assertEquals(new Receipt("small-1"), arrival.reply());
    String reason = "a candidate stakes at least governorMinStake = " + units(100) + " BHKR base units";
    assertEquals(reason, assertInstanceOf(DecisionRefused.class, GovernanceDecisions.candidacy(arrival.state(), C, units(10))).reason(),
        "the same refusal CheckCandidacy gives before the stake leaves the account");
    Transfer back = new Transfer("return:small-1", Party.GOVERNANCE, Party.account(C), bhkr(10), Purpose.RETURN, "returned: " + reason, T0 + 1);
    assertEquals(List.of(new GovernorStakeReturned(small, back, reason)), arrival.events());
    assertEquals(back, nextTransfer());
    assertEquals(Map.of(), council().candidacies(), "it counts for nobody");
    assertTrue(governance.<Receipt>runCommand(r -> new GovernanceEntity.Receive(small, r)).hasNoEvents(), "a redelivery is seen");

    stake(C, 100, T0 + 2); // enough: C stands
    assertEquals(units(100), council().candidacies().get(C).stake());
    stake(G1, 1, T0 + 3); // a governor adds any positive amount
    assertEquals(units(1), council().seats().get(G1).stake());
    Council before = council();
    assertEquals(before, governance.restart().state().council(), "the returned stake replays to the same council");
  }

  @Test
  void aStakerWhoWithdrewGivesOnlyWhatItStillStakes() {
    found(List.of(G1, G2, G3), Parameters.development());
    stake(C, 1, T0 + 1);
    stake(D, 1, T0 + 1);
    give(STAKER, C, 60, 100);
    give(STAKER, D, 40, 100);
    Map<String, BigInteger> now = new HashMap<>(Map.of(STAKER, units(50)));
    ElectionHeld e = tick(T0 + 2, now, true).reply().election();
    assertTrue(e.candidates().contains(new Election.Candidate(C, units(1), units(30), T0 + 1)), e.candidates().toString());
    assertTrue(e.candidates().contains(new Election.Candidate(D, units(1), units(20), T0 + 1)), e.candidates().toString());
  }

  @Test
  void aStateFromBeforeElectionsSeatsItsGenesis() {
    var old = new GovernanceState(new Genesis(List.of(G1, G2, G3), 1, Parameters.development()), Map.of(),
        io.bhkr.transfer.Outbox.empty(), null, null);
    assertEquals(Set.of(G1, G2, G3), old.council().seats().keySet());
    assertTrue(old.isGovernor(G2));
    assertEquals(io.bhkr.transfer.Seen.none(), old.seen());
  }
}
