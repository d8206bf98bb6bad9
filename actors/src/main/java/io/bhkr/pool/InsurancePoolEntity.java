package io.bhkr.pool;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.micropool.MicroPoolSlashingClaim;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Receipt;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;

/**
 * The Insurance Pool: receives its settlement shares, compensates victims of slashing pro rata,
 * records a shortfall when it is short and pays it first from later inflows, and moves or burns
 * its excess above the cap when governance decides so (economics 5, 7).
 */
public final class InsurancePoolEntity
    extends OutboxEntity<InsurancePoolEntity.Command, PoolState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "InsurancePool");
  public static final String TAG = "pool";

  public sealed interface Command extends JsonSerializable {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  /**
   * A slashing claim: each victim's loss in {@code asset}, paid once per claim id; {@code slashed}
   * names the provider whose slashing caused it, or is null when the claim does not say.
   */
  public record Compensate(String claimId, String slashed, Asset asset, SortedMap<String, BigInteger> losses, long at, ActorRef<PoolView> replyTo)
      implements Command {}

  public record Get(ActorRef<PoolView> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public static Behavior<Command> create(DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new InsurancePoolEntity(courier));
  }


  private InsurancePoolEntity(Courier<Command> courier) {
    super(PersistenceId.of("Pool", PoolView.INSURANCE), TAG, courier, PoolState::outbox);
  }

  @Override
  public PoolState emptyState() {
    return PoolState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, PoolState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(Compensate.class, this::onCompensate)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.view(PoolView.INSURANCE)))
        .build();
  }

  private ReplyEffect<DomainEvent, PoolState> onReceive(PoolState s, Receive c) {
    Dispatch d = c.dispatch();
    Receipt receipt = new Receipt(d.id());
    if (s.seen().contains(d.id())) return Effect().reply(c.replyTo(), receipt);
    List<DomainEvent> events;
    if (d instanceof InsuranceExcessDecided decision) events = PoolDecisions.moveExcess(s, decision);
    else if (d instanceof MicroPoolSlashingClaim claim) {
      if (s.seen().contains(claimKey(claim.claimId()))) return Effect().reply(c.replyTo(), receipt);
      events = PoolDecisions.onMicroPoolClaim(s, claim);
    }
    else if (d.value().isPresent()) events = PoolDecisions.onInflow(s, d);
    else return Effect().reply(c.replyTo(), receipt);
    return persistAndSend(events).thenReply(c.replyTo(), ns -> receipt);
  }

  private ReplyEffect<DomainEvent, PoolState> onCompensate(PoolState s, Compensate c) {
    if (s.seen().contains(claimKey(c.claimId()))) return Effect().reply(c.replyTo(), s.view(PoolView.INSURANCE));
    List<DomainEvent> events = PoolDecisions.compensate(s, c.claimId(), c.slashed(), c.asset(), c.losses(), c.at());
    return persistAndSend(events).thenReply(c.replyTo(), ns -> ns.view(PoolView.INSURANCE));
  }

  private static String claimKey(String claimId) {
    return "claim:" + claimId;
  }

  @Override
  public EventHandler<PoolState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(InsurancePoolEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static PoolState apply(PoolState s, DomainEvent event) {
    if (event instanceof DispatchReceived e) return s.received(e.dispatch());
    if (event instanceof CompensationPaid e) {
      PoolState owing = s.owing(e.claimId(), new Shortfall(e.claimId(), e.asset(), e.stillOwed()));
      return e.trigger() == null ? owing.markSeen(claimKey(e.claimId())) : owing;
    }
    if (event instanceof ExcessMoved) return s;
    if (event instanceof ValueBurned e) return s.burned(e);
    if (event instanceof DispatchSent e) return s.sent(e.dispatch());
    if (event instanceof DispatchConfirmed e) return s.confirmed(e.dispatchId());
    if (event instanceof DispatchesConfirmed e) return e.confirmEach(s, PoolState::confirmed);
    throw new IllegalStateException("the Insurance Pool cannot apply " + event.getClass().getName());
  }



}
