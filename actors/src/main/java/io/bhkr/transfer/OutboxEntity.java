package io.bhkr.transfer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.javadsl.CommandHandlerWithReplyBuilderByState;
import akka.persistence.typed.javadsl.EffectBuilder;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import io.bhkr.serialization.DomainEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An event-sourced entity that sends dispatches through an outbox (see docs/transfers.md). What
 * every such entity does alike lives here: re-send what is pending after recovery, forget a
 * dispatch on its receipt, re-send on the redelivery timer, tag value-moving events for the
 * ledger, snapshot now and then, persist-and-send, answer whoever awaits a dispatch's arrival,
 * and restart with a backoff when the journal fails.
 */
public abstract class OutboxEntity<C, S> extends EventSourcedBehaviorWithEnforcedReplies<C, DomainEvent, S> {

  protected final Courier<C> courier;
  private final String tag;
  private final Function<S, Outbox> outboxOf;
  /** Askers waiting for a dispatch to arrive, by its id. In memory only: after a restart their wait runs out and they read instead. */
  private final Map<String, List<ActorRef<Arrived>>> awaiting = new HashMap<>();

  protected OutboxEntity(PersistenceId id, String tag, Courier<C> courier, Function<S, Outbox> outboxOf) {
    super(id, JournalFailureBackoff.of(courier.system()));
    this.tag = tag;
    this.courier = courier;
    this.outboxOf = outboxOf;
  }

  /**
   * What every outbox entity's {@code create} does: start its timers and a courier whose receipts
   * come back as {@code confirmed} and whose redelivery ticks as {@code redeliveryDue}.
   */
  protected static <C> Behavior<C> withCourier(DispatchRoute route, Duration redelivery, Function<Receipt, C> confirmed, C redeliveryDue,
      BiFunction<TimerScheduler<C>, Courier<C>, Behavior<C>> entity) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        entity.apply(timers, new Courier<>(ctx, timers, route, confirmed, redeliveryDue, redelivery))));
  }

  /**
   * The command handler's start, with the outbox's two commands every entity has: a receiver's
   * receipt ({@code receipt}, read by {@code receiptOf}) and the redelivery timer's tick.
   */
  protected <K extends C, T extends C> CommandHandlerWithReplyBuilderByState<C, DomainEvent, S, S> outboxCommands(Class<K> receipt,
      Function<K, Receipt> receiptOf, Class<T> redeliveryDue) {
    return newCommandHandlerWithReplyBuilder().forAnyState()
        .onCommand(receipt, (s, c) -> onReceipt(s, receiptOf.apply(c)))
        .onCommand(redeliveryDue, (s, c) -> onRedeliveryDue(s));
  }

  /** After recovery: send again whatever is still pending. Entities with timers add theirs. */
  protected void onRecovered(S state) {
    courier.resend(outboxOf.apply(state));
  }

  protected ReplyEffect<DomainEvent, S> onReceipt(S state, Receipt receipt) {
    return courier.onReceipt(Effect(), outboxOf.apply(state), outboxOf, receipt);
  }

  protected ReplyEffect<DomainEvent, S> onRedeliveryDue(S state) {
    return courier.onRedeliveryDue(Effect(), outboxOf.apply(state));
  }

  /** The dispatches among freshly decided events: what to send once they are persisted. */
  protected static List<Dispatch> sentIn(List<? extends DomainEvent> events) {
    List<Dispatch> out = new ArrayList<>();
    for (DomainEvent e : events) if (e instanceof DispatchSent sent) out.add(sent.dispatch());
    return out;
  }

  /** Persists the events in one write, then sends the dispatches among them through the outbox. */
  protected EffectBuilder<DomainEvent, S> persistAndSend(List<DomainEvent> events) {
    List<Dispatch> out = sentIn(events);
    return Effect().persist(events).thenRun(ns -> courier.send(out));
  }

  /** Answers once the dispatch has arrived here: now, if it already has (the entity's seen ids say so). */
  protected ReplyEffect<DomainEvent, S> awaitArrival(boolean alreadyArrived, String dispatchId, ActorRef<Arrived> replyTo) {
    if (alreadyArrived) return Effect().reply(replyTo, new Arrived(dispatchId));
    awaiting.computeIfAbsent(dispatchId, id -> new ArrayList<>()).add(replyTo);
    return Effect().noReply();
  }

  /** Call once a dispatch's arrival is journaled: tells whoever waits for it. */
  protected void arrived(String dispatchId) {
    List<ActorRef<Arrived>> askers = awaiting.remove(dispatchId);
    if (askers != null) askers.forEach(asker -> asker.tell(new Arrived(dispatchId)));
  }

  @Override
  public SignalHandler<S> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), this::onRecovered).build();
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return ValueEvent.tags(tag, event);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }
}
