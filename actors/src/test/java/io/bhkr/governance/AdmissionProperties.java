package io.bhkr.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bhkr.governance.GovernanceEntity.CandidacyTerms;
import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.GovernanceEntity.Genesis;
import io.bhkr.governance.GovernanceEntity.Propose;
import io.bhkr.governance.GovernanceEntity.Refusal;
import io.bhkr.micropool.MicroPoolStatus;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Who may stand for a seat and with what stake, and which provider a proposal may be about:
 * governance's admissibility rules (GovernanceDecisions.candidacy, providerRefusal), which the API
 * only asks.
 */
class AdmissionProperties {

  private static final long T0 = 1_700_000_000L;
  private static final List<String> THREE = List.of("0x1111111111111111111111111111111111111111",
      "0x2222222222222222222222222222222222222222", "0x3333333333333333333333333333333333333333");
  private static final String CANDIDATE = "0x8888888888888888888888888888888888888888";
  private static final String PROVIDER = "0x6666666666666666666666666666666666666666";

  private static GovernanceState withMinStake(long min) {
    Parameters p = ParameterChange.apply(Parameters.development(), "governorMinStake", "\"" + min + "\"");
    return GovernanceEntity.apply(GovernanceEntity.empty(), new GovernanceEntity.GovernanceFounded(new Genesis(THREE, 1, p), T0));
  }

  private static GovernanceState staked(GovernanceState s, String who, long units) {
    if (units == 0) return s;
    Transfer t = Transfer.of("stake-" + who, Party.account(who), Party.GOVERNANCE, Amount.of(Asset.BHKR, units), Purpose.GOVERNOR_STAKE,
        T0);
    return GovernanceEntity.apply(s, new DispatchReceived(t));
  }

  @Property
  void aCandidateHoldsAtLeastTheMinimumStakeAndAGovernorAddsAnyPositiveAmount(@ForAll @LongRange(min = 0, max = 1_000) long min,
      @ForAll @LongRange(min = 0, max = 1_000) long before, @ForAll @LongRange(min = -1, max = 1_000) long asked,
      @ForAll boolean governor) {
    String who = governor ? THREE.get(0) : CANDIDATE;
    GovernanceState s = staked(withMinStake(min), who, before);
    BigInteger stake = asked < 0 ? null : BigInteger.valueOf(asked); // -1: the candidate names no stake
    GovernanceEntity.Decision d = GovernanceDecisions.candidacy(s, who, stake);

    long moved = asked < 0 ? min : asked;
    if (moved == 0) {
      assertEquals(Refusal.INVALID, assertInstanceOf(DecisionRefused.class, d).refusal());
    } else if (!governor && before + moved < min) {
      assertEquals(new DecisionRefused(Refusal.INVALID, "a candidate stakes at least governorMinStake = " + min + " BHKR base units"), d);
    } else {
      assertEquals(new CandidacyTerms(who, BigInteger.valueOf(moved), BigInteger.valueOf(before + moved)), d);
    }
  }

  @Property
  void aProviderIsQualifiedFromAppliedOnlyAndDisqualifiedOrGivenAKOnceQualified(@ForAll Proposal.Kind kind,
      @ForAll ProviderEntity.Status status) {
    if (!Proposal.aboutProvider(kind)) return;
    GovernanceState s = withMinStake(0);
    Propose c = new Propose("p", THREE.get(0), kind, PROVIDER, null, null, null,
        kind == Proposal.Kind.SET_PROVIDER_K ? BigInteger.ONE : null, status, T0, null);
    DecisionRefused refusal = GovernanceDecisions.proposalRefusal(s, c);
    if (status == ProviderEntity.Status.NONE)
      assertEquals(new DecisionRefused(Refusal.NO_PROVIDER, "no provider " + PROVIDER), refusal);
    else if (kind == Proposal.Kind.QUALIFY_PROVIDER && status != ProviderEntity.Status.APPLIED)
      assertEquals(new DecisionRefused(Refusal.ALREADY_QUALIFIED, "provider " + PROVIDER + " is " + status), refusal);
    else if (kind != Proposal.Kind.QUALIFY_PROVIDER && status == ProviderEntity.Status.APPLIED)
      assertEquals(new DecisionRefused(Refusal.NOT_QUALIFIED, "provider " + PROVIDER + " is not qualified yet"), refusal);
    else assertNull(refusal);

    // a proposal that does not say the provider's status is not admitted on trust
    Propose blind = new Propose("p", THREE.get(0), kind, PROVIDER, null, null, null, c.kWei(), null, T0, null);
    assertEquals(Refusal.INVALID, GovernanceDecisions.proposalRefusal(s, blind).refusal());
  }

  @Property
  void aMigrationNamesTwoPoolsThatAreOpenOrActive(@ForAll MicroPoolStatus from, @ForAll MicroPoolStatus to) {
    GovernanceState s = withMinStake(0);
    Propose c = new Propose("m", THREE.get(0), new Proposal.Migration("mp-a", "mp-b"), Map.of("mp-a", from, "mp-b", to), T0, null);
    DecisionRefused refusal = GovernanceDecisions.proposalRefusal(s, c);
    DecisionRefused expected = null;
    for (var pool : List.of(Map.entry("mp-a", from), Map.entry("mp-b", to))) {
      if (expected != null) break;
      if (pool.getValue() == MicroPoolStatus.NONE) expected = new DecisionRefused(Refusal.NO_POOL, "no micro-pool " + pool.getKey());
      else if (pool.getValue() != MicroPoolStatus.OPEN && pool.getValue() != MicroPoolStatus.ACTIVE)
        expected = new DecisionRefused(Refusal.POOL_NOT_MIGRATABLE, "micro-pool " + pool.getKey() + " is " + pool.getValue());
    }
    assertEquals(expected, refusal);

    Propose blind = new Propose("m", THREE.get(0), new Proposal.Migration("mp-a", "mp-b"), Map.of("mp-a", from), T0, null);
    if (expected == null || expected.reason().contains("mp-b"))
      assertEquals(Refusal.INVALID, GovernanceDecisions.proposalRefusal(s, blind).refusal(), "mp-b's status is missing");
  }
}
