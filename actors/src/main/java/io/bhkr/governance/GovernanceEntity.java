package io.bhkr.governance;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.InsuranceExcessDecided;
import io.bhkr.transfer.MicroPoolMigrationOrdered;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProviderDisqualification;
import io.bhkr.transfer.ProviderKSet;
import io.bhkr.transfer.ProviderQualified;
import io.bhkr.rules.Disqualification;
import io.bhkr.transfer.Receipt;
import java.time.Duration;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2n + 1 governors, the parameters in force and the proposals they decide (economics 10).
 * This first version seats the genesis governors and decides QUALIFY_PROVIDER proposals; its
 * decisions reach providers through the outbox, at least once.
 */
public final class GovernanceEntity
    extends OutboxEntity<GovernanceEntity.Command, GovernanceEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Governance");
  public static final String ID = "governance";
  public static final String TAG = "governance";

  public sealed interface Command extends JsonSerializable {}

  /** Seats the genesis governors once; later calls with any genesis change nothing. */
  public record Found(Genesis genesis, ActorRef<Done> replyTo) implements Command {}

  public record Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
      Proposal.ParameterSetting setting, Proposal.Migration migration, java.math.BigInteger kWei, long at,
      ActorRef<Decision> replyTo) implements Command {

    /** A proposal without a provider's k. */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
        Proposal.ParameterSetting setting, Proposal.Migration migration, long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, setting, migration, null, at, replyTo);
    }

    /** A proposal without a migration. */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess,
        Proposal.ParameterSetting setting, long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, setting, null, null, at, replyTo);
    }

    /** A proposal without a parameter setting (QUALIFY_PROVIDER, MOVE_INSURANCE_EXCESS). */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, Proposal.ExcessMove excess, long at,
        ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, excess, null, null, null, at, replyTo);
    }

    /** A proposal about a provider (QUALIFY_PROVIDER). */
    public Propose(String proposalId, String proposer, Proposal.Kind kind, String providerId, long at, ActorRef<Decision> replyTo) {
      this(proposalId, proposer, kind, providerId, null, null, null, null, at, replyTo);
    }
  }

  public record Vote(String proposalId, String governor, boolean inFavour, long at, ActorRef<Decision> replyTo)
      implements Command {}

  public record Get(ActorRef<GovernanceView> replyTo) implements Command {}

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

  public enum Refusal { NOT_A_GOVERNOR, UNKNOWN_PROPOSAL, CLOSED, INVALID }

  public record GovernanceFounded(Genesis genesis) implements DomainEvent {}

  public record ProposalOpened(Proposal proposal) implements DomainEvent {}

  public record VoteCast(String proposalId, String governor, boolean inFavour, long at) implements DomainEvent {}

  public record ProposalDecided(String proposalId, Proposal.Status outcome, long at) implements DomainEvent {}

  /**
   * A SET_PARAMETER proposal passed: {@code parameters} are the parameters in force from {@code at}
   * on. The name and value are kept for readers; a replay takes {@code parameters} as they were
   * decided, so a later change to {@link ParameterChange} never rewrites history.
   */
  public record ParameterChanged(String proposalId, String name, String value, Parameters parameters, long at)
      implements DomainEvent {}

  public record State(Genesis genesis, Map<String, Proposal> proposals, Outbox outbox) implements JsonSerializable {
    boolean isGovernor(String address) {
      return genesis != null && genesis.governors().contains(address);
    }

    State withProposal(Proposal p) {
      Map<String, Proposal> copy = new HashMap<>(proposals);
      copy.put(p.proposalId(), p);
      return new State(genesis, copy, outbox);
    }
  }

  public record GovernanceView(int n, List<String> governors, Parameters parameters, Map<String, Proposal> proposals)
      implements JsonSerializable {}

  public static Behavior<Command> create(DispatchRoute route, Duration redelivery) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new GovernanceEntity(
        new Courier<>(ctx, timers, route, Confirm::new, new RedeliveryDue(), redelivery))));
  }


  private GovernanceEntity(Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), ID), TAG, courier, State::outbox);
  }

  @Override
  public State emptyState() {
    return new State(null, Map.of(), Outbox.empty());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Found.class, (s, c) -> s.genesis() != null
            ? Effect().reply(c.replyTo(), Done.getInstance())
            : Effect().persist(new GovernanceFounded(c.genesis())).thenReply(c.replyTo(), ns -> Done.getInstance()))
        .onCommand(Propose.class, this::onPropose)
        .onCommand(Vote.class, this::onVote)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .onCommand(Confirm.class, (s, c) -> onReceipt(s, c.receipt()))
        .onCommand(RedeliveryDue.class, (s, c) -> onRedeliveryDue(s))
        .build();
  }

  private ReplyEffect<DomainEvent, State> onPropose(State s, Propose c) {
    if (!s.isGovernor(c.proposer())) return refuse(c.replyTo(), Refusal.NOT_A_GOVERNOR, c.proposer() + " is not a governor");
    if (s.proposals().containsKey(c.proposalId())) return refuse(c.replyTo(), Refusal.INVALID, "proposal id already used");
    boolean aboutProvider = Proposal.aboutProvider(c.kind());
    if (aboutProvider && (c.providerId() == null || c.providerId().isBlank()))
      return refuse(c.replyTo(), Refusal.INVALID, "providerId is missing");
    boolean setsK = c.kind() == Proposal.Kind.SET_PROVIDER_K;
    if (setsK && (c.kWei() == null || c.kWei().signum() < 0 || c.kWei().compareTo(io.bhkr.rules.TrustTier.MAX_K) > 0))
      return refuse(c.replyTo(), Refusal.INVALID, "k must be 0 to 16 ETH (in wei)");
    boolean setsParameter = c.kind() == Proposal.Kind.SET_PARAMETER;
    if (setsParameter) {
      if (c.setting() == null) return refuse(c.replyTo(), Refusal.INVALID, "name and value are missing");
      try {
        ParameterChange.apply(s.genesis().parameters(), c.setting().name(), c.setting().value());
      } catch (IllegalArgumentException e) {
        return refuse(c.replyTo(), Refusal.INVALID, e.getMessage());
      }
    } else if (c.kind() == Proposal.Kind.MIGRATE_MICROPOOL) {
      Proposal.Migration m = c.migration();
      if (m == null || m.poolId() == null || m.toPoolId() == null || m.poolId().equals(m.toPoolId()))
        return refuse(c.replyTo(), Refusal.INVALID, "a migration names two different pools");
    } else if (!aboutProvider && c.excess() == null) return refuse(c.replyTo(), Refusal.INVALID, "the excess move is missing");
    Proposal p = new Proposal(c.proposalId(), c.kind(), aboutProvider ? c.providerId() : null, c.proposer(), c.at(),
        c.at() + s.genesis().parameters().proposalSeconds(), Set.of(), Set.of(), Proposal.Status.OPEN,
        c.kind() == Proposal.Kind.MOVE_INSURANCE_EXCESS ? c.excess() : null, setsParameter ? c.setting() : null,
        c.kind() == Proposal.Kind.MIGRATE_MICROPOOL ? c.migration() : null, setsK ? c.kWei() : null);
    return Effect().persist(new ProposalOpened(p)).thenReply(c.replyTo(), ns -> new ProposalView(ns.proposals().get(p.proposalId())));
  }

  private ReplyEffect<DomainEvent, State> onVote(State s, Vote c) {
    Proposal p = s.proposals().get(c.proposalId());
    if (p == null) return refuse(c.replyTo(), Refusal.UNKNOWN_PROPOSAL, "no proposal " + c.proposalId());
    if (!s.isGovernor(c.governor())) return refuse(c.replyTo(), Refusal.NOT_A_GOVERNOR, c.governor() + " is not a governor");
    if (p.status() != Proposal.Status.OPEN) return refuse(c.replyTo(), Refusal.CLOSED, "the proposal is " + p.status());
    if (c.at() > p.deadline()) {
      return Effect().persist(new ProposalDecided(p.proposalId(), Proposal.Status.EXPIRED, c.at()))
          .thenReply(c.replyTo(), ns -> new DecisionRefused(Refusal.CLOSED, "the proposal expired at " + p.deadline()));
    }
    if (p.hasVoted(c.governor())) return refuse(c.replyTo(), Refusal.CLOSED, c.governor() + " has already voted");

    List<DomainEvent> events = new ArrayList<>();
    events.add(new VoteCast(p.proposalId(), c.governor(), c.inFavour(), c.at()));
    Proposal after = p.withVote(c.governor(), c.inFavour());
    int majority = s.genesis().n() + 1;
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
    return Effect().persist(events)
        .thenRun(ns -> courier.send(notices))
        .thenReply(c.replyTo(), ns -> new ProposalView(ns.proposals().get(p.proposalId())));
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

  private ReplyEffect<DomainEvent, State> refuse(ActorRef<Decision> replyTo, Refusal refusal, String reason) {
    return Effect().reply(replyTo, new DecisionRefused(refusal, reason));
  }

  @Override
  public EventHandler<State, DomainEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(GovernanceFounded.class, (s, e) -> new State(e.genesis(), s.proposals(), s.outbox()))
        .onEvent(ProposalOpened.class, (s, e) -> s.withProposal(e.proposal()))
        .onEvent(VoteCast.class, (s, e) -> s.withProposal(s.proposals().get(e.proposalId()).withVote(e.governor(), e.inFavour())))
        .onEvent(ProposalDecided.class, (s, e) -> s.withProposal(s.proposals().get(e.proposalId()).withStatus(e.outcome())))
        .onEvent(ParameterChanged.class, (s, e) ->
            new State(new Genesis(s.genesis().governors(), s.genesis().n(), e.parameters()), s.proposals(), s.outbox()))
        .onEvent(DispatchSent.class, (s, e) -> new State(s.genesis(), s.proposals(), s.outbox().add(e.dispatch())))
        .onEvent(DispatchConfirmed.class, (s, e) -> new State(s.genesis(), s.proposals(), s.outbox().confirm(e.dispatchId())))
        .build();
  }



  private GovernanceView view(State s) {
    if (s.genesis() == null) return new GovernanceView(0, List.of(), null, Map.of());
    return new GovernanceView(s.genesis().n(), s.genesis().governors(), s.genesis().parameters(), s.proposals());
  }
}
