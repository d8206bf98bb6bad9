package io.bhkr.micropool;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
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
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ETH micro-pool (economics 4): the provider's k and users' stakes until a validator's 32 ETH,
 * aETH minted 1:1 for each user stake, fees forwarded to the Reward Pool and the provider, and the
 * rewards split at completion. Everything it does is a reaction to value arriving through its
 * outbox-delivered dispatches, decided by {@link MicroPoolDecisions}.
 */
public final class MicroPoolEntity
    extends OutboxEntity<MicroPoolEntity.Command, MicroPoolState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "MicroPool");
  public static final String TAG = "micropool";

  public sealed interface Command extends JsonSerializable {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<MicroPoolView> replyTo) implements Command {}

  /** What became of a dispatch sent to this pool, so the API can answer after its effect. */
  public record GetOutcome(String dispatchId, ActorRef<Outcome> replyTo) implements Command {}

  /** Would the pool take {@code amount} wei of aETH back from {@code holder} now? Null refusal when it would (MicroPoolDecisions.aethBackRefusal). */
  public record CheckAethBack(String holder, java.math.BigInteger amount, ActorRef<AethBackCheck> replyTo) implements Command {}

  public record AethBackCheck(MicroPoolRefusal refusal) implements JsonSerializable {}

  /**
   * Would the pool take a stake of {@code wei} ETH sent at {@code at}, and for what BHKR fee? The
   * pool says so from its own terms (MicroPoolDecisions.stakeRefusal, stakeFee) before the staker
   * pays, and decides again when the stake and its fee arrive.
   */
  public record QuoteStake(java.math.BigInteger wei, long at, ActorRef<StakeQuote> replyTo) implements Command {
    public QuoteStake {
      if (wei == null || wei.signum() <= 0) throw new IllegalArgumentException("a stake is more than 0 wei; got " + wei);
    }
  }

  /**
   * On what terms would this pool open with the provider's share {@code k}, its {@code fp} and
   * {@code endsAt}, under the parameters in force as the shell read them from governance, and
   * its principal in the contract {@code chainPool} if not null? Asked before the provider pays
   * (MicroPoolDecisions.openingTerms, openingRefusal); the opening carries the terms answered.
   */
  public record QuoteOpening(io.bhkr.money.Amount k, io.bhkr.money.Amount fp, long endsAt, io.bhkr.governance.Parameters parameters,
      String chainPool, ActorRef<OpeningQuote> replyTo) implements Command {}

  /** The terms, and for a pool on chain the activation amount its contract must have; null with {@code refusal}. */
  public record OpeningQuote(MicroPoolTerms terms, io.bhkr.money.Amount chainActivation, MicroPoolRefusal refusal)
      implements JsonSerializable {}

  /** Would rewards from {@code account} complete the pool now? (MicroPoolDecisions.completionRefusal) */
  public record CheckCompletion(String account, ActorRef<CompletionCheck> replyTo) implements Command {}

  /** {@code refusal} is null when the rewards would complete the pool. */
  public record CompletionCheck(MicroPoolRefusal refusal) implements JsonSerializable {}

  /** {@code fee} (BHKR, 0 when none is due) is what the pool charges the stake; null when {@code refusal} says why it takes none. */
  public record StakeQuote(io.bhkr.money.Amount fee, MicroPoolRefusal refusal) implements JsonSerializable {}

  /**
   * Answered once the dispatch is applied or returned, at once if it already is: the pool that
   * decides tells the asker, who need not poll. Nothing answers a dispatch that never comes; the
   * asker's timeout bounds its wait.
   */
  public record AwaitOutcome(String dispatchId, ActorRef<Outcome> replyTo) implements Command {}

  public record Outcome(String dispatchId, Kind kind) implements JsonSerializable {
    public enum Kind { PENDING, APPLIED, RETURNED }
  }

  /** The provider ({@code closer}) closes its pool that is still OPEN at or after its end time ({@code at}). */
  public record Close(String closer, long at, ActorRef<Closing> replyTo) implements Command {}

  /** Would {@link Close} close the pool now? Asked before reading the chain of a pool on chain (MicroPoolDecisions.closingRefusal). */
  public record CheckClosure(String closer, long at, ActorRef<Closing> replyTo) implements Command {}

  /** {@code refusal} is null when the pool closed; {@code kind} says which rule refused it. */
  public record Closing(String refusal, MicroPoolRefusal.Kind kind) implements JsonSerializable {}

  /** The operator reports the validator's slashing loss, observed on the beacon chain at {@code at}. */
  public record Slash(io.bhkr.money.Amount loss, long at, ActorRef<Slashing> replyTo) implements Command {}

  /** {@code refusal} is null when the slashing was recorded; {@code kind} says which rule refused it. */
  public record Slashing(String refusal, MicroPoolRefusal.Kind kind) implements JsonSerializable {}

  /**
   * The chain bridge reports a confirmed log of this pool's contract (principal on chain); answered
   * once recorded, or at once if it was already. The bridge sends a pool's logs one at a time, in chain order.
   */
  public record RecordChainFact(ChainPoolFact fact, ActorRef<akka.Done> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public static Behavior<Command> create(String poolId, DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new MicroPoolEntity(poolId,
        courier));
  }

  private final String poolId;
  private final Party self;
  /**
   * Askers waiting for a dispatch's outcome, in this incarnation only: after a restart they have
   * timed out and read the state instead. Each is answered after the write that decides it.
   */
  private final Map<String, List<ActorRef<Outcome>>> awaiting = new HashMap<>();

  private MicroPoolEntity(String poolId, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), poolId), TAG, courier, MicroPoolState::outbox);
    this.poolId = poolId;
    this.self = Party.microPool(poolId);
  }

  @Override
  public MicroPoolState emptyState() {
    return MicroPoolState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, MicroPoolState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), MicroPoolView.of(poolId, s)))
        .onCommand(GetOutcome.class, (s, c) -> Effect().reply(c.replyTo(), outcome(s, c.dispatchId())))
        .onCommand(CheckAethBack.class, (s, c) ->
            Effect().reply(c.replyTo(), new AethBackCheck(MicroPoolDecisions.aethBackRefusal(s, c.holder(), c.amount()))))
        .onCommand(QuoteStake.class, (s, c) -> Effect().reply(c.replyTo(), quote(s, c)))
        .onCommand(QuoteOpening.class, (s, c) -> Effect().reply(c.replyTo(), quoteOpening(s, c)))
        .onCommand(CheckCompletion.class, (s, c) -> Effect().reply(c.replyTo(),
            new CompletionCheck(MicroPoolDecisions.completionRefusal(s, poolId, Party.account(c.account())))))
        .onCommand(AwaitOutcome.class, this::onAwait)
        .onCommand(Close.class, this::onClose)
        .onCommand(CheckClosure.class, (s, c) -> {
          MicroPoolRefusal refusal = MicroPoolDecisions.closingRefusal(s, c.closer(), c.at());
          return Effect().reply(c.replyTo(), refusal == null ? new Closing(null, null) : new Closing(refusal.reason(), refusal.kind()));
        })
        .onCommand(Slash.class, this::onSlash)
        .onCommand(RecordChainFact.class, this::onChainFact)
        .build();
  }

  private ReplyEffect<DomainEvent, MicroPoolState> onReceive(MicroPoolState s, Receive c) {
    Receipt receipt = new Receipt(c.dispatch().id());
    List<DomainEvent> events = MicroPoolDecisions.onReceive(s, self, c.dispatch());
    if (events.isEmpty()) return Effect().reply(c.replyTo(), receipt);
    return persistSendAndAnswer(events, c.replyTo(), receipt);
  }

  private ReplyEffect<DomainEvent, MicroPoolState> onClose(MicroPoolState s, Close c) {
    MicroPoolRefusal refusal = MicroPoolDecisions.closingRefusal(s, c.closer(), c.at());
    if (refusal != null) return Effect().reply(c.replyTo(), new Closing(refusal.reason(), refusal.kind()));
    List<DomainEvent> events = MicroPoolDecisions.close(s, self, c.at());
    return persistSendAndAnswer(events, c.replyTo(), new Closing(null, null));
  }

  private ReplyEffect<DomainEvent, MicroPoolState> onSlash(MicroPoolState s, Slash c) {
    MicroPoolRefusal refusal = MicroPoolDecisions.slashingRefusal(s, c.loss());
    if (refusal != null) return Effect().reply(c.replyTo(), new Slashing(refusal.reason(), refusal.kind()));
    List<DomainEvent> events = MicroPoolDecisions.slash(s, self, c.loss(), c.at());
    return persistSendAndAnswer(events, c.replyTo(), new Slashing(null, null));
  }

  private ReplyEffect<DomainEvent, MicroPoolState> onChainFact(MicroPoolState s, RecordChainFact c) {
    List<DomainEvent> events = ChainCustody.record(s, self, c.fact());
    if (events.isEmpty()) return Effect().reply(c.replyTo(), akka.Done.getInstance());
    return persistSendAndAnswer(events, c.replyTo(), akka.Done.getInstance());
  }

  private ReplyEffect<DomainEvent, MicroPoolState> onAwait(MicroPoolState s, AwaitOutcome c) {
    Outcome now = outcome(s, c.dispatchId());
    if (now.kind() != Outcome.Kind.PENDING) return Effect().reply(c.replyTo(), now);
    awaiting.computeIfAbsent(c.dispatchId(), id -> new ArrayList<>()).add(c.replyTo());
    return Effect().noReply();
  }

  /** Persists the events in one write, then sends the dispatches among them through the outbox, then answers. */
  private <R> ReplyEffect<DomainEvent, MicroPoolState> persistSendAndAnswer(List<DomainEvent> events, ActorRef<R> replyTo, R reply) {
    return persistAndSend(events).thenRun(this::answerAwaiting).thenReply(replyTo, ns -> reply);
  }

  /** Tells every asker whose dispatch the last write decided. */
  private void answerAwaiting(MicroPoolState s) {
    awaiting.entrySet().removeIf(waiting -> {
      Outcome o = outcome(s, waiting.getKey());
      if (o.kind() == Outcome.Kind.PENDING) return false;
      waiting.getValue().forEach(asker -> asker.tell(o));
      return true;
    });
  }

  private static Outcome outcome(MicroPoolState s, String id) {
    Outcome.Kind kind = s.seen().contains("return:" + id) ? Outcome.Kind.RETURNED
        : s.seen().contains(id) ? Outcome.Kind.APPLIED : Outcome.Kind.PENDING;
    return new Outcome(id, kind);
  }

  private OpeningQuote quoteOpening(MicroPoolState s, QuoteOpening c) {
    MicroPoolTerms terms;
    try {
      terms = MicroPoolDecisions.openingTerms(c.fp(), c.endsAt(), c.parameters(), c.chainPool());
    } catch (IllegalArgumentException e) {
      return new OpeningQuote(null, null, new MicroPoolRefusal(MicroPoolRefusal.Kind.INVALID_TERMS, e.getMessage()));
    }
    MicroPoolRefusal refusal = MicroPoolDecisions.openingRefusal(s, poolId, c.k(), terms);
    if (refusal != null) return new OpeningQuote(null, null, refusal);
    return new OpeningQuote(terms, terms.onChain() ? MicroPoolDecisions.chainActivation(terms, c.k()) : null, null);
  }

  private StakeQuote quote(MicroPoolState s, QuoteStake c) {
    MicroPoolRefusal refusal = MicroPoolDecisions.stakeRefusal(s, poolId, c.at());
    return refusal != null ? new StakeQuote(null, refusal)
        : new StakeQuote(MicroPoolDecisions.stakeFee(s, new io.bhkr.money.Amount(io.bhkr.money.Asset.ETH, c.wei())), null);
  }

  @Override
  public EventHandler<MicroPoolState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(MicroPoolState::apply);
  }
}
