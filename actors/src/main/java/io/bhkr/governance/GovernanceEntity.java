package io.bhkr.governance;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.micropool.MicroPoolStatus;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The 2n + 1 governors, the parameters in force and the proposals they decide (economics 10):
 * seats and elections live in {@link Council}, which this entity persists and folds; governor
 * stakes are BHKR it holds, and its decisions, slashes and returns leave through its outbox.
 */
public final class GovernanceEntity
    extends OutboxEntity<GovernanceEntity.Command, GovernanceState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Governance");
  public static final String ID = "governance";
  public static final String TAG = "governance";

  public sealed interface Command extends JsonSerializable {}

  /** Seats the genesis governors once, at {@code at}; later calls with any genesis change nothing. */
  public record Found(Genesis genesis, long at, ActorRef<Done> replyTo) implements Command {
    public Found(Genesis genesis, ActorRef<Done> replyTo) {
      this(genesis, 0, replyTo);
    }
  }

  /** Value from another entity: an account's governor stake, or anything else (sent back). */
  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  /**
   * A sidecar staker gives {@code amount} BHKR of votes to a candidate or governor (replacing what
   * it gave that one before); {@code stakedOnSidecars} is what it stakes on all sidecars now, read
   * by the shell. All it gives together may not exceed that.
   */
  public record GiveVotes(String staker, String candidate, BigInteger amount, BigInteger stakedOnSidecars, long at,
      ActorRef<Decision> replyTo) implements Command {}

  /**
   * Time passing, from the election clock (or the operator): expires open proposals past their
   * deadline and holds the election if it is due, or now if {@code electNow}. {@code stakedNow}
   * is every staker's BHKR on sidecars, gathered by the shell, against which given votes count.
   */
  public record Tick(long at, Map<String, BigInteger> stakedNow, boolean electNow, ActorRef<Ticked> replyTo) implements Command {}

  /** What a tick did: the proposals it expired and the election it held, if any. */
  public record Ticked(List<String> expired, ElectionHeld election, Phase phase) implements JsonSerializable {}

  /**
   * A governor proposes. {@code providerStatus} is the status of the provider a QUALIFY_PROVIDER,
   * DISQUALIFY_PROVIDER or SET_PROVIDER_K proposal is about, read from that provider by the shell
   * (as {@link GiveVotes} carries the stake it read): governance keeps no copy of it, and decides
   * with it whether the proposal is admissible ({@link GovernanceDecisions#proposalRefusal}).
   * {@code poolStatuses} are, likewise, the statuses of the two pools a MIGRATE_MICROPOOL names.
   */
  public record Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
      Proposal.ParameterSetting setting, Proposal.Migration migration, java.math.BigInteger kWei, ProviderEntity.Status providerStatus,
      Map<String, MicroPoolStatus> poolStatuses, long at, ActorRef<Decision> replyTo) implements Command {

    public Propose {
      poolStatuses = poolStatuses == null ? Map.of() : Map.copyOf(poolStatuses);
    }

    /** A proposal without pool statuses (any but MIGRATE_MICROPOOL). */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
        Proposal.ParameterSetting setting, Proposal.Migration migration, java.math.BigInteger kWei, ProviderEntity.Status providerStatus,
        long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, setting, migration, kWei, providerStatus, Map.of(), at, replyTo);
    }

    /** A MIGRATE_MICROPOOL proposal with the statuses of its two pools, as the proposer read them. */
    public Propose(String proposalId, String proposer, Proposal.Migration migration, Map<String, MicroPoolStatus> poolStatuses, long at,
        ActorRef<Decision> replyTo) {
      this(proposalId, proposer, Proposal.Kind.MIGRATE_MICROPOOL, null, null, null, migration, null, null, poolStatuses, at, replyTo);
    }

    /** A proposal about a provider (DISQUALIFY_PROVIDER, SET_PROVIDER_K with its k), whose status the proposer read. */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, java.math.BigInteger kWei,
        ProviderEntity.Status providerStatus, long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, null, null, null, kWei, providerStatus, at, replyTo);
    }

    /** A proposal about a provider without a k (QUALIFY_PROVIDER, DISQUALIFY_PROVIDER), whose status the proposer read. */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, ProviderEntity.Status providerStatus,
        long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, null, null, null, null, providerStatus, at, replyTo);
    }

    /** A proposal about no provider and without a migration: a parameter (or the insurance excess). */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
        Proposal.ParameterSetting setting, long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, setting, null, null, null, at, replyTo);
    }

    /** A proposal without a parameter setting: MOVE_INSURANCE_EXCESS. */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess, long at,
        ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, null, null, null, null, at, replyTo);
    }
  }

  public record Vote(String proposalId, String governor, boolean inFavour, long at, ActorRef<Decision> replyTo)
      implements Command {}

  /**
   * Would governance take {@code candidate}'s stake for a seat? {@code stake} in BHKR base units,
   * or null for governorMinStake. Asked before the stake leaves the candidate's account; answered
   * with {@link CandidacyTerms} or a {@link DecisionRefused} ({@link GovernanceDecisions#candidacy}).
   */
  public record CheckCandidacy(String candidate, BigInteger stake, ActorRef<Decision> replyTo) implements Command {}

  public record Get(ActorRef<GovernanceView> replyTo) implements Command {}
  /** Answers once the dispatch has arrived here (the endpoint that sent it waits on this rather than polling). */
  public record AwaitArrival(String dispatchId, ActorRef<io.bhkr.transfer.Arrived> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public record Genesis(List<String> governors, int n, Parameters parameters) implements JsonSerializable {
    public Genesis {
      if (governors.size() > 2 * n + 1 || governors.size() < n + 1)
        throw new IllegalArgumentException("genesis seats n + 1 to 2n + 1 governors; got " + governors.size() + " for n = " + n);
      if (governors.stream().distinct().count() != governors.size())
        throw new IllegalArgumentException("a governor is seated twice: " + governors);
      governors = List.copyOf(governors);
    }
  }

  public sealed interface Decision extends JsonSerializable {}

  public record ProposalView(Proposal proposal) implements Decision {}

  public record DecisionRefused(Refusal refusal, String reason) implements Decision {}

  /**
   * {@code NO_PROVIDER}, {@code ALREADY_QUALIFIED} and {@code NOT_QUALIFIED} are about the provider a proposal names;
   * {@code NO_POOL} and {@code POOL_NOT_MIGRATABLE} about the pools a migration names.
   */
  public enum Refusal { NOT_A_GOVERNOR, UNKNOWN_PROPOSAL, CLOSED, ALREADY_VOTED, INVALID, NOT_A_CANDIDATE, INSUFFICIENT_STAKE,
    NO_PROVIDER, ALREADY_QUALIFIED, NOT_QUALIFIED, NO_POOL, POOL_NOT_MIGRATABLE }

  /** A candidacy governance would take: {@code stake} BHKR base units to send, leaving the candidate's own stake at {@code ownStakeAfter}. */
  public record CandidacyTerms(String candidate, BigInteger stake, BigInteger ownStakeAfter) implements Decision {}

  /** The votes a staker gave, after {@link GiveVotes}. */
  public record VotesGiven(String staker, String candidate, BigInteger amount, BigInteger totalGiven) implements Decision {}

  /** The genesis (economics 10): the first governors, n and every parameter, journaled once when the journal is new. */
  public record GovernanceFounded(Genesis genesis, long at) implements GovernanceEvents {
    public GovernanceFounded(Genesis genesis) {
      this(genesis, 0);
    }
  }

  /** A governor proposed a decision (qualify, disqualify, a parameter, k, a migration, the insurance excess); its deadline is in the proposal. */
  public record ProposalOpened(Proposal proposal) implements GovernanceEvents {}

  /** A seated governor voted on an open proposal. */
  public record VoteCast(String proposalId, String governor, boolean inFavour, long at) implements GovernanceEvents {}

  /** The proposal reached n + 1 votes one way (PASSED, REJECTED) or its deadline (EXPIRED) (economics 10). */
  public record ProposalDecided(String proposalId, Proposal.Status outcome, long at) implements GovernanceEvents {}

  /**
   * A SET_PARAMETER proposal passed: {@code parameters} are the parameters in force from {@code at}
   * on. The name and value are kept for readers; a replay takes {@code parameters} as they were
   * decided, so a later change to {@link ParameterChange} never rewrites history.
   */
  public record ParameterChanged(String proposalId, String name, String value, Parameters parameters, long at)
      implements GovernanceEvents {}

  /** {@code governors} are the seated ones; {@code council} has their stakes, misses, candidacies and pledges. */
  public record GovernanceView(int n, List<String> governors, Parameters parameters, Map<String, Proposal> proposals,
      Council council) implements JsonSerializable {

    /** A view without the council (readers that need only who sits and the parameters). */
    public GovernanceView(int n, List<String> governors, Parameters parameters, Map<String, Proposal> proposals) {
      this(n, governors, parameters, proposals, null);
    }
  }

  public static Behavior<Command> create(DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new GovernanceEntity(courier));
  }


  private GovernanceEntity(Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), ID), TAG, courier, GovernanceState::outbox);
  }

  @Override
  public GovernanceState emptyState() {
    return empty();
  }

  /** The governance before its genesis. */
  public static GovernanceState empty() {
    return GovernanceState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, GovernanceState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Found.class, (s, c) -> s.genesis() != null
            ? Effect().reply(c.replyTo(), Done.getInstance())
            : Effect().persist(new GovernanceFounded(c.genesis(), c.at())).thenReply(c.replyTo(), ns -> Done.getInstance()))
        .onCommand(Propose.class, this::onPropose)
        .onCommand(Vote.class, this::onVote)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(AwaitArrival.class, (s, c) -> awaitArrival(s.seen().contains(c.dispatchId()), c.dispatchId(), c.replyTo()))
        .onCommand(GiveVotes.class, this::onGiveVotes)
        .onCommand(CheckCandidacy.class, (s, c) -> Effect().reply(c.replyTo(), GovernanceDecisions.candidacy(s, c.candidate(), c.stake())))
        .onCommand(Tick.class, this::onTick)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .build();
  }

  /** Admissibility is {@link GovernanceDecisions#proposalRefusal}'s to say; the shell persists the proposal it opens. */
  private ReplyEffect<DomainEvent, GovernanceState> onPropose(GovernanceState s, Propose c) {
    DecisionRefused refusal = GovernanceDecisions.proposalRefusal(s, c);
    if (refusal != null) return Effect().reply(c.replyTo(), refusal);
    Proposal p = GovernanceDecisions.proposal(s, c);
    return Effect().persist(new ProposalOpened(p)).thenReply(c.replyTo(), ns -> new ProposalView(ns.proposals().get(p.proposalId())));
  }

  /** The majority and what it decides are {@link GovernanceDecisions#vote}'s; the shell persists and sends. */
  private ReplyEffect<DomainEvent, GovernanceState> onVote(GovernanceState s, Vote c) {
    GovernanceDecisions.Voting voting = GovernanceDecisions.vote(s, c);
    if (voting instanceof GovernanceDecisions.VoteRefused r) return Effect().reply(c.replyTo(), r.refusal());
    if (voting instanceof GovernanceDecisions.Expired e)
      return Effect().persist(e.events()).thenRun(ns -> courier.send(e.notices())).thenReply(c.replyTo(), ns -> e.refusal());
    GovernanceDecisions.Cast cast = (GovernanceDecisions.Cast) voting;
    return Effect().persist(cast.events())
        .thenRun(ns -> courier.send(cast.notices()))
        .thenReply(c.replyTo(), ns -> new ProposalView(ns.proposals().get(c.proposalId())));
  }

  /** Governor stakes are kept (a candidacy, or a governor adding to its stake); any other value goes back. */
  private ReplyEffect<DomainEvent, GovernanceState> onReceive(GovernanceState s, Receive c) {
    Dispatch d = c.dispatch();
    Receipt receipt = new Receipt(d.id());
    if (s.seen().contains(d.id()) || d.value().isEmpty() || s.council() == null) return Effect().reply(c.replyTo(), receipt);
    long at = d instanceof Transfer t ? t.at() : 0;
    if (GovernanceDecisions.isGovernorStake(d)) {
      Transfer stake = (Transfer) d;
      // the same rule CheckCandidacy answers before the stake leaves the account, applied again on
      // arrival: parameters may have changed since, and a stake can come by another way than the API
      if (!(GovernanceDecisions.candidacy(s, stake.from().id(), stake.amount().amount()) instanceof DecisionRefused refused))
        return Effect().persist(new DispatchReceived(d)).thenRun(ns -> arrived(d.id())).thenReply(c.replyTo(), ns -> receipt);
      Transfer back = new Transfer("return:" + d.id(), Party.GOVERNANCE, d.from(), stake.amount(), Purpose.RETURN, "returned: " + refused.reason(), at);
      return returned(d.id(), List.of(new GovernorStakeReturned(stake, back, refused.reason())), back, c.replyTo());
    }
    Transfer back = new Transfer("return:" + d.id(), Party.GOVERNANCE, d.from(), d.value().get(), Purpose.RETURN,
        "returned: governance holds only governor stakes in BHKR from accounts", at);
    return returned(d.id(), List.of(new DispatchReceived(d), new DispatchSent(back)), back, c.replyTo());
  }

  /** Persists the arrival of {@code dispatchId} and the value's way back, then sends it back and answers the sender. */
  private ReplyEffect<DomainEvent, GovernanceState> returned(String dispatchId, List<DomainEvent> events, Transfer back, ActorRef<Receipt> replyTo) {
    return Effect().persist(events)
        .thenRun(ns -> {
          courier.send(List.of(back));
          arrived(dispatchId);
        })
        .thenReply(replyTo, ns -> new Receipt(dispatchId));
  }

  private ReplyEffect<DomainEvent, GovernanceState> onGiveVotes(GovernanceState s, GiveVotes c) {
    if (s.council() == null || !s.council().isStanding(c.candidate()))
      return refuse(c.replyTo(), Refusal.NOT_A_CANDIDATE, c.candidate() + " is neither a candidate nor a governor");
    if (c.amount().signum() < 0) return refuse(c.replyTo(), Refusal.INVALID, "the amount must not be negative");
    BigInteger before = s.council().pledges().getOrDefault(c.staker(), Map.of())
        .getOrDefault(c.candidate(), BigInteger.ZERO);
    BigInteger total = s.council().pledgedBy(c.staker()).subtract(before).add(c.amount());
    if (total.compareTo(c.stakedOnSidecars()) > 0)
      return refuse(c.replyTo(), Refusal.INSUFFICIENT_STAKE, c.staker() + " stakes " + c.stakedOnSidecars()
          + " BHKR base units on sidecars and would give " + total + " votes in all");
    return Effect().persist(new ElectionVotesGiven(c.staker(), c.candidate(), c.amount(), c.stakedOnSidecars(), c.at()))
        .thenReply(c.replyTo(), ns -> new VotesGiven(c.staker(), c.candidate(), c.amount(), total));
  }

  /** Expires what is past its deadline (counting attendance), then holds the election if due or asked for. */
  private ReplyEffect<DomainEvent, GovernanceState> onTick(GovernanceState s, Tick c) {
    if (s.genesis() == null) return Effect().reply(c.replyTo(), new Ticked(List.of(), null, Phase.INITIALIZATION));
    TimePassing t = TimePassing.at(c.at(), s.proposals(), s.council(), s.genesis().parameters().elections(), c.stakedNow(),
        c.electNow());
    if (t.events().isEmpty()) return Effect().reply(c.replyTo(), new Ticked(t.expired(), null, t.after().phase()));
    return Effect().persist(t.events())
        .thenRun(ns -> courier.send(t.transfers()))
        .thenReply(c.replyTo(), ns -> new Ticked(t.expired(), t.election(), ns.council().phase()));
  }

  private ReplyEffect<DomainEvent, GovernanceState> refuse(ActorRef<Decision> replyTo, Refusal refusal, String reason) {
    return Effect().reply(replyTo, new DecisionRefused(refusal, reason));
  }

  @Override
  public EventHandler<GovernanceState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(GovernanceEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static GovernanceState apply(GovernanceState s, DomainEvent event) {
    return s.apply(event);
  }

  /** What the governance shows: also of a state folded from the journal up to a past instant. */
  public static GovernanceView view(GovernanceState s) {
    if (s.genesis() == null) return new GovernanceView(0, List.of(), null, Map.of(), null);
    return new GovernanceView(s.genesis().n(), List.copyOf(s.council().seats().keySet()), s.genesis().parameters(), s.proposals(),
        s.council());
  }
}
