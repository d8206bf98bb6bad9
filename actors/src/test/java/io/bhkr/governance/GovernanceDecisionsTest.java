package io.bhkr.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.GovernanceEntity.Genesis;
import io.bhkr.governance.GovernanceEntity.ProposalDecided;
import io.bhkr.governance.GovernanceEntity.Propose;
import io.bhkr.governance.GovernanceEntity.Refusal;
import io.bhkr.governance.GovernanceEntity.Vote;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.rules.TrustTier;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Governance's rules out of its shell (economics 10): the n + 1 majority and what a proposal must
 * name, as pure functions, and the same refusals from the entity when a command comes straight
 * to it rather than through the API.
 */
class GovernanceDecisionsTest {

  private static final long T0 = 1_700_000_000L;
  private static final List<String> FIVE = List.of("0x1111111111111111111111111111111111111111",
      "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333",
      "0x4444444444444444444444444444444444444444", "0x5555555555555555555555555555555555555555");
  private static final String PROVIDER = "0x6666666666666666666666666666666666666666";
  private static final String OUTSIDER = "0x7777777777777777777777777777777777777777";

  private static GovernanceState founded(int n, List<String> governors) {
    return GovernanceEntity.apply(GovernanceEntity.empty(),
        new GovernanceEntity.GovernanceFounded(new Genesis(governors, n, Parameters.development()), T0));
  }

  private static GovernanceState fold(GovernanceState s, List<DomainEvent> events) {
    for (DomainEvent e : events) s = GovernanceEntity.apply(s, e);
    return s;
  }

  private static Propose propose(String id, String proposer, Proposal.Kind kind, Proposal.ParameterSetting setting,
      Proposal.Migration migration, BigInteger k) {
    // the provider a proposal is about has the status that kind of proposal needs
    ProviderEntity.Status status = kind == Proposal.Kind.QUALIFY_PROVIDER ? ProviderEntity.Status.APPLIED : ProviderEntity.Status.QUALIFIED;
    return new Propose(id, proposer, kind, PROVIDER, null, setting, migration, k, status, T0, null);
  }

  @Test
  void aProposalPassesWithNPlusOneYesVotesAndNotBefore() {
    GovernanceState s = founded(2, FIVE);
    assertEquals(3, GovernanceDecisions.majority(s), "n + 1 of 2n + 1 = 5");
    Propose qualify = propose("p-1", FIVE.get(0), Proposal.Kind.QUALIFY_PROVIDER, null, null, null);
    assertNull(GovernanceDecisions.proposalRefusal(s, qualify));
    s = GovernanceEntity.apply(s, new GovernanceEntity.ProposalOpened(GovernanceDecisions.proposal(s, qualify)));
    for (int i = 0; i < 2; i++) {
      var cast = assertInstanceOf(GovernanceDecisions.Cast.class, GovernanceDecisions.vote(s, new Vote("p-1", FIVE.get(i), true, T0 + i, null)));
      assertTrue(cast.notices().isEmpty(), "two of five decide nothing");
      s = fold(s, cast.events());
    }
    assertEquals(Proposal.Status.OPEN, s.proposals().get("p-1").status());
    var third = assertInstanceOf(GovernanceDecisions.Cast.class, GovernanceDecisions.vote(s, new Vote("p-1", FIVE.get(2), true, T0 + 3, null)));
    assertTrue(third.events().contains(new ProposalDecided("p-1", Proposal.Status.PASSED, T0 + 3)));
    assertTrue(third.notices().stream().anyMatch(d -> d instanceof ProviderQualified q && q.to().id().equals(PROVIDER)));
    s = fold(s, third.events());
    var late = assertInstanceOf(GovernanceDecisions.VoteRefused.class, GovernanceDecisions.vote(s, new Vote("p-1", FIVE.get(3), true, T0 + 4, null)));
    assertEquals(Refusal.CLOSED, late.refusal().refusal());
  }

  @Test
  void proposalsMustNameWhatTheyDecide() {
    GovernanceState s = founded(2, FIVE);
    String g = FIVE.get(0);
    assertEquals(Refusal.NOT_A_GOVERNOR,
        GovernanceDecisions.proposalRefusal(s, propose("p", OUTSIDER, Proposal.Kind.QUALIFY_PROVIDER, null, null, null)).refusal());
    assertEquals(Refusal.INVALID, GovernanceDecisions.proposalRefusal(s, propose("p", g, Proposal.Kind.SET_PROVIDER_K, null, null,
        TrustTier.MAX_K.add(BigInteger.ONE))).refusal(), "k above 16 ETH");
    assertNull(GovernanceDecisions.proposalRefusal(s, propose("p", g, Proposal.Kind.SET_PROVIDER_K, null, null, TrustTier.MAX_K)));
    assertEquals(Refusal.INVALID, GovernanceDecisions.proposalRefusal(s, propose("p", g, Proposal.Kind.SET_PARAMETER,
        new Proposal.ParameterSetting("noSuchParameter", "1"), null, null)).refusal());
    assertEquals(Refusal.INVALID, GovernanceDecisions.proposalRefusal(s, propose("p", g, Proposal.Kind.MIGRATE_MICROPOOL, null,
        new Proposal.Migration("mp-1", "mp-1"), null)).refusal(), "a pool does not migrate into itself");
  }

  /** The same rules from the entity, for a command that never went through the API. */
  @Test
  void theEntityRefusesACommandSentStraightToItTheSameWay() {
    ActorTestKit kit = ActorTestKit.create("GovernanceDecisionsTest", EntityTests.config());
    try {
      var governance = EventSourcedBehaviorTestKit.<GovernanceEntity.Command, DomainEvent, GovernanceState>create(kit.system(),
          GovernanceEntity.create(new RecordingRoute(kit.createTestProbe(RecordingRoute.Delivery.class).getRef()), Duration.ofMinutes(5)));
      governance.<Done>runCommand(r -> new GovernanceEntity.Found(new Genesis(FIVE, 2, Parameters.development()), r));
      Propose tooMuchK = propose("p-k", FIVE.get(0), Proposal.Kind.SET_PROVIDER_K, null, null, TrustTier.MAX_K.add(BigInteger.ONE));
      var refused = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose(tooMuchK.proposalId(), tooMuchK.proposer(),
          tooMuchK.kind(), PROVIDER, null, null, null, tooMuchK.kWei(), tooMuchK.providerStatus(), T0, r));
      assertEquals(GovernanceDecisions.proposalRefusal(governance.getState(), tooMuchK), refused.reply());
      assertTrue(refused.hasNoEvents());

      governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-q", FIVE.get(0), Proposal.Kind.QUALIFY_PROVIDER, PROVIDER, ProviderEntity.Status.APPLIED, T0, r));
      var outsider = governance.<GovernanceEntity.Decision>runCommand(r -> new Vote("p-q", OUTSIDER, true, T0 + 1, r));
      assertEquals(new DecisionRefused(Refusal.NOT_A_GOVERNOR, OUTSIDER + " is not a governor"), outsider.reply());
      for (int i = 0; i < 2; i++) {
        int voter = i;
        governance.<GovernanceEntity.Decision>runCommand(r -> new Vote("p-q", FIVE.get(voter), true, T0 + 2, r));
      }
      assertEquals(Proposal.Status.OPEN, governance.getState().proposals().get("p-q").status(), "two of five decide nothing");
      governance.<GovernanceEntity.Decision>runCommand(r -> new Vote("p-q", FIVE.get(2), true, T0 + 3, r));
      assertEquals(Proposal.Status.PASSED, governance.restart().state().proposals().get("p-q").status());
    } finally {
      kit.shutdownTestKit();
    }
  }

  /** A candidacy and a proposal about a provider, sent straight to the entity, are refused as the API refuses them. */
  @Test
  void theEntityRefusesACandidacyBelowTheMinimumAndAProposalAboutAProviderInTheWrongStatus() {
    ActorTestKit kit = ActorTestKit.create("GovernanceAdmission", EntityTests.config());
    try {
      var governance = EventSourcedBehaviorTestKit.<GovernanceEntity.Command, DomainEvent, GovernanceState>create(kit.system(),
          GovernanceEntity.create(new RecordingRoute(kit.createTestProbe(RecordingRoute.Delivery.class).getRef()), Duration.ofMinutes(5)));
      Parameters p = ParameterChange.apply(Parameters.development(), "governorMinStake", "\"1000\"");
      governance.<Done>runCommand(r -> new GovernanceEntity.Found(new Genesis(FIVE, 2, p), r));

      var below = governance.<GovernanceEntity.Decision>runCommand(r -> new GovernanceEntity.CheckCandidacy(OUTSIDER, BigInteger.valueOf(999), r));
      assertEquals(new DecisionRefused(Refusal.INVALID, "a candidate stakes at least governorMinStake = 1000 BHKR base units"), below.reply());
      assertTrue(below.hasNoEvents());
      assertEquals(GovernanceDecisions.candidacy(governance.getState(), OUTSIDER, BigInteger.valueOf(999)), below.reply());
      var byDefault = governance.<GovernanceEntity.Decision>runCommand(r -> new GovernanceEntity.CheckCandidacy(OUTSIDER, null, r));
      assertEquals(new GovernanceEntity.CandidacyTerms(OUTSIDER, BigInteger.valueOf(1000), BigInteger.valueOf(1000)), byDefault.reply());
      var governorAdds = governance.<GovernanceEntity.Decision>runCommand(r -> new GovernanceEntity.CheckCandidacy(FIVE.get(1), BigInteger.ONE, r));
      assertEquals(new GovernanceEntity.CandidacyTerms(FIVE.get(1), BigInteger.ONE, BigInteger.ONE), governorAdds.reply());

      var unknown = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-n", FIVE.get(0), Proposal.Kind.QUALIFY_PROVIDER,
          PROVIDER, ProviderEntity.Status.NONE, T0, r));
      assertEquals(new DecisionRefused(Refusal.NO_PROVIDER, "no provider " + PROVIDER), unknown.reply());
      var twice = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-a", FIVE.get(0), Proposal.Kind.QUALIFY_PROVIDER,
          PROVIDER, ProviderEntity.Status.QUALIFIED, T0, r));
      assertEquals(new DecisionRefused(Refusal.ALREADY_QUALIFIED, "provider " + PROVIDER + " is QUALIFIED"), twice.reply());
      var early = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-d", FIVE.get(0), Proposal.Kind.DISQUALIFY_PROVIDER,
          PROVIDER, ProviderEntity.Status.APPLIED, T0, r));
      assertEquals(new DecisionRefused(Refusal.NOT_QUALIFIED, "provider " + PROVIDER + " is not qualified yet"), early.reply());
      var blind = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-b", FIVE.get(0), Proposal.Kind.SET_PROVIDER_K,
          PROVIDER, BigInteger.ONE, null, T0, r));
      assertEquals(Refusal.INVALID, assertInstanceOf(DecisionRefused.class, blind.reply()).refusal());
      var closedPool = governance.<GovernanceEntity.Decision>runCommand(r -> new Propose("p-m", FIVE.get(0),
          new Proposal.Migration("mp-a", "mp-b"), java.util.Map.of("mp-a", io.bhkr.micropool.MicroPoolStatus.OPEN,
              "mp-b", io.bhkr.micropool.MicroPoolStatus.COMPLETED), T0, r));
      assertEquals(new DecisionRefused(Refusal.POOL_NOT_MIGRATABLE, "micro-pool mp-b is COMPLETED"), closedPool.reply());
      assertTrue(unknown.hasNoEvents() && twice.hasNoEvents() && early.hasNoEvents() && blind.hasNoEvents() && closedPool.hasNoEvents());
      assertTrue(governance.getState().proposals().isEmpty());
    } finally {
      kit.shutdownTestKit();
    }
  }
}
