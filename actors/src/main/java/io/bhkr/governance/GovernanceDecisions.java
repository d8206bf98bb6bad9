package io.bhkr.governance;

import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.GovernanceEntity.ParameterChanged;
import io.bhkr.governance.GovernanceEntity.ProposalDecided;
import io.bhkr.governance.GovernanceEntity.Propose;
import io.bhkr.governance.GovernanceEntity.Refusal;
import io.bhkr.governance.GovernanceEntity.Vote;
import io.bhkr.governance.GovernanceEntity.VoteCast;
import io.bhkr.micropool.MicroPoolStatus;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.rules.Disqualification;
import io.bhkr.rules.TrustTier;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Governance's rules (economics 10) as pure functions of its state and a command: which
 * proposals are admissible, and what a vote decides with a majority of n + 1. No Akka, no clock:
 * every time comes with the command. {@link GovernanceEntity} persists what these return.
 */
public final class GovernanceDecisions {

  private GovernanceDecisions() {}

  /** The votes that decide a proposal either way: n + 1 of the 2n + 1 seats. */
  public static int majority(GovernanceState s) {
    return s.genesis().n() + 1;
  }

  /** Why a proposal may not be opened, or null when it may. */
  public static DecisionRefused proposalRefusal(GovernanceState s, Propose c) {
    if (!s.isGovernor(c.proposer())) return new DecisionRefused(Refusal.NOT_A_GOVERNOR, c.proposer() + " is not a governor");
    if (s.proposals().containsKey(c.proposalId())) return new DecisionRefused(Refusal.INVALID, "proposal id already used");
    boolean aboutProvider = Proposal.aboutProvider(c.kind());
    if (aboutProvider && (c.providerId() == null || c.providerId().isBlank()))
      return new DecisionRefused(Refusal.INVALID, "providerId is missing");
    if (aboutProvider) {
      DecisionRefused standing = providerRefusal(c);
      if (standing != null) return standing;
    }
    if (c.kind() == Proposal.Kind.SET_PROVIDER_K
        && (c.kWei() == null || c.kWei().signum() < 0 || c.kWei().compareTo(TrustTier.MAX_K) > 0))
      return new DecisionRefused(Refusal.INVALID, "k must be 0 to 16 ETH (in wei)");
    if (c.kind() == Proposal.Kind.SET_PARAMETER) {
      if (c.setting() == null) return new DecisionRefused(Refusal.INVALID, "name and value are missing");
      try {
        ParameterChange.apply(s.genesis().parameters(), c.setting().name(), c.setting().value());
      } catch (IllegalArgumentException e) {
        return new DecisionRefused(Refusal.INVALID, e.getMessage());
      }
    } else if (c.kind() == Proposal.Kind.MIGRATE_MICROPOOL) {
      Proposal.Migration m = c.migration();
      if (m == null || m.poolId() == null || m.toPoolId() == null || m.poolId().equals(m.toPoolId()))
        return new DecisionRefused(Refusal.INVALID, "a migration names two different pools");
      for (String pool : List.of(m.poolId(), m.toPoolId())) {
        DecisionRefused standing = poolRefusal(pool, c.poolStatuses().get(pool));
        if (standing != null) return standing;
      }
    } else if (!aboutProvider && c.excess() == null) return new DecisionRefused(Refusal.INVALID, "the excess move is missing");
    return null;
  }

  /**
   * A provider is qualified from APPLIED only, and disqualified or given a k once qualified (any
   * later status). The status is the one the proposer read from the provider when proposing.
   */
  static DecisionRefused providerRefusal(Propose c) {
    ProviderEntity.Status status = c.providerStatus();
    if (status == null)
      return new DecisionRefused(Refusal.INVALID, "the status of provider " + c.providerId() + " is missing: read it from the provider");
    if (status == ProviderEntity.Status.NONE) return new DecisionRefused(Refusal.NO_PROVIDER, "no provider " + c.providerId());
    if (c.kind() == Proposal.Kind.QUALIFY_PROVIDER && status != ProviderEntity.Status.APPLIED)
      return new DecisionRefused(Refusal.ALREADY_QUALIFIED, "provider " + c.providerId() + " is " + status);
    if (c.kind() != Proposal.Kind.QUALIFY_PROVIDER && status == ProviderEntity.Status.APPLIED)
      return new DecisionRefused(Refusal.NOT_QUALIFIED, "provider " + c.providerId() + " is not qualified yet");
    return null;
  }

  /** A micro-pool migrates, or takes another's stakers, while OPEN or ACTIVE (economics 4), as the proposer read it. */
  static DecisionRefused poolRefusal(String poolId, MicroPoolStatus status) {
    if (status == null) return new DecisionRefused(Refusal.INVALID, "the status of micro-pool " + poolId + " is missing: read it from the pool");
    if (status == MicroPoolStatus.NONE) return new DecisionRefused(Refusal.NO_POOL, "no micro-pool " + poolId);
    if (status != MicroPoolStatus.OPEN && status != MicroPoolStatus.ACTIVE)
      return new DecisionRefused(Refusal.POOL_NOT_MIGRATABLE, "micro-pool " + poolId + " is " + status);
    return null;
  }

  /**
   * A candidacy (economics 10): {@code stake} BHKR base units, governorMinStake when null, moves
   * from the candidate's account into governance. A candidate who does not sit must then hold at
   * least governorMinStake in all; a governor may add any positive amount to its stake.
   */
  public static GovernanceEntity.Decision candidacy(GovernanceState s, String candidate, BigInteger stake) {
    if (s.genesis() == null || s.council() == null)
      return new DecisionRefused(Refusal.INVALID, "governance has no genesis yet: nobody stands");
    Amount min = s.genesis().parameters().elections().governorMinStake();
    BigInteger amount = stake == null ? min.amount() : stake;
    if (amount.signum() < 0) return new DecisionRefused(Refusal.INVALID, "the stake must be more than 0");
    if (amount.signum() == 0)
      return new DecisionRefused(Refusal.INVALID, stake == null
          ? "governorMinStake is 0 here, so say how much BHKR to stake: {\"stake\":{\"asset\":\"BHKR\",\"amount\":…}}"
          : "the stake must be more than 0");
    BigInteger after = s.council().ownStake(candidate).add(amount);
    if (!s.council().isGovernor(candidate) && after.compareTo(min.amount()) < 0)
      return new DecisionRefused(Refusal.INVALID, "a candidate stakes at least governorMinStake = " + min.amount() + " BHKR base units");
    return new GovernanceEntity.CandidacyTerms(candidate, amount, after);
  }

  /** The proposal an admissible {@link Propose} opens, open until {@code proposalSeconds} after it. */
  public static Proposal proposal(GovernanceState s, Propose c) {
    boolean aboutProvider = Proposal.aboutProvider(c.kind());
    return new Proposal(c.proposalId(), c.kind(), aboutProvider ? c.providerId() : null, c.proposer(), c.at(),
        c.at() + s.genesis().parameters().proposalSeconds(), Set.of(), Set.of(), Proposal.Status.OPEN,
        c.kind() == Proposal.Kind.MOVE_INSURANCE_EXCESS ? c.excess() : null,
        c.kind() == Proposal.Kind.SET_PARAMETER ? c.setting() : null,
        c.kind() == Proposal.Kind.MIGRATE_MICROPOOL ? c.migration() : null,
        c.kind() == Proposal.Kind.SET_PROVIDER_K ? c.kWei() : null);
  }

  /** What a vote does: refused, too late (the proposal expires), or cast (and perhaps deciding it). */
  public sealed interface Voting {}

  public record VoteRefused(DecisionRefused refusal) implements Voting {}

  /** The vote came after the deadline: the proposal closes EXPIRED, and the vote is refused. */
  public record Expired(List<DomainEvent> events, List<Dispatch> notices, DecisionRefused refusal) implements Voting {}

  /** The vote counts; {@code notices} leave through the outbox once {@code events} are persisted. */
  public record Cast(List<DomainEvent> events, List<Dispatch> notices) implements Voting {}

  public static Voting vote(GovernanceState s, Vote c) {
    Proposal p = s.proposals().get(c.proposalId());
    if (p == null) return new VoteRefused(new DecisionRefused(Refusal.UNKNOWN_PROPOSAL, "no proposal " + c.proposalId()));
    if (!s.isGovernor(c.governor())) return new VoteRefused(new DecisionRefused(Refusal.NOT_A_GOVERNOR, c.governor() + " is not a governor"));
    if (p.status() != Proposal.Status.OPEN) return new VoteRefused(new DecisionRefused(Refusal.CLOSED, "the proposal is " + p.status()));
    if (c.at() > p.deadline()) {
      Closing closing = Closing.of(s.council(), p, Proposal.Status.EXPIRED, c.at(), s.genesis().parameters().elections());
      return new Expired(closing.events(), List.copyOf(closing.transfers()),
          new DecisionRefused(Refusal.CLOSED, "the proposal expired at " + p.deadline()));
    }
    if (p.hasVoted(c.governor()))
      return new VoteRefused(new DecisionRefused(Refusal.ALREADY_VOTED, c.governor() + " has already voted on " + c.proposalId()));

    List<DomainEvent> events = new ArrayList<>();
    events.add(new VoteCast(p.proposalId(), c.governor(), c.inFavour(), c.at()));
    Proposal after = p.withVote(c.governor(), c.inFavour());
    int majority = majority(s);
    List<Dispatch> notices = new ArrayList<>();
    if (after.yes().size() >= majority && p.kind() == Proposal.Kind.SET_PARAMETER) {
      events.addAll(setParameter(p, s.genesis().parameters(), c.at()));
    } else if (after.yes().size() >= majority) {
      events.add(new ProposalDecided(p.proposalId(), Proposal.Status.PASSED, c.at()));
      Dispatch notice = decision(p, s.genesis().parameters(), c.at());
      events.add(new DispatchSent(notice));
      notices.add(notice);
    } else if (after.no().size() >= majority) {
      events.add(new ProposalDecided(p.proposalId(), Proposal.Status.REJECTED, c.at()));
    }
    if (after.yes().size() >= majority || after.no().size() >= majority) {
      Closing closing = Closing.attendance(s.council(), after, c.at(), s.genesis().parameters().elections());
      events.addAll(closing.events());
      notices.addAll(closing.transfers());
    }
    return new Cast(events, notices);
  }

  /**
   * A passing SET_PARAMETER applies to the parameters in force when it passes. If another change
   * passed since it was proposed and the two no longer fit together (a split no longer summing to
   * 10_000, say), it is REJECTED rather than applied half-valid.
   */
  private static List<DomainEvent> setParameter(Proposal p, Parameters inForce, long at) {
    try {
      Parameters next = ParameterChange.apply(inForce, p.setting().name(), p.setting().value());
      return List.of(new ProposalDecided(p.proposalId(), Proposal.Status.PASSED, at),
          new ParameterChanged(p.proposalId(), p.setting().name(), p.setting().value(), next, at));
    } catch (IllegalArgumentException e) {
      return List.of(new ProposalDecided(p.proposalId(), Proposal.Status.REJECTED, at));
    }
  }

  /** What a passed proposal tells the entity it is about. */
  private static Dispatch decision(Proposal p, Parameters params, long at) {
    return switch (p.kind()) {
      case QUALIFY_PROVIDER -> new ProviderQualified("qualify:" + p.proposalId(), Party.GOVERNANCE, Party.provider(p.providerId()),
          p.proposalId(), params.pMin(), params.pMax());
      case MOVE_INSURANCE_EXCESS -> new InsuranceExcessDecided("excess:" + p.proposalId(), Party.GOVERNANCE, Party.INSURANCE_POOL,
          p.proposalId(), p.excess().action(), p.excess().amount(), params.insuranceCap(), at);
      case MIGRATE_MICROPOOL -> new MicroPoolMigrationOrdered("migrate:" + p.proposalId(), Party.GOVERNANCE,
          Party.microPool(p.migration().poolId()), p.proposalId(), p.migration().toPoolId(), at);
      case DISQUALIFY_PROVIDER -> new ProviderDisqualification("disqualify:" + p.proposalId(), Party.GOVERNANCE,
          Party.provider(p.providerId()), p.proposalId(), at, Disqualification.until(at, params.reputation().disqualifyDays()));
      case SET_PROVIDER_K -> new ProviderKSet("k:" + p.proposalId(), Party.GOVERNANCE, Party.provider(p.providerId()), p.proposalId(),
          p.kWei());
      case SET_PARAMETER -> throw new IllegalStateException("a parameter change is no notice");
    };
  }

  /** A governor stake is BHKR an account sends for {@link Purpose#GOVERNOR_STAKE}. */
  public static boolean isGovernorStake(Dispatch d) {
    return d instanceof Transfer t && t.purpose() == Purpose.GOVERNOR_STAKE && t.from().kind() == Party.Kind.ACCOUNT
        && t.amount().asset() == Asset.BHKR && t.amount().amount().signum() > 0;
  }
}
