package io.bhkr.transfer;

import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import io.bhkr.serialization.DomainEvent;
import java.util.Set;
import java.util.function.Function;

/**
 * An event-sourced entity that sends dispatches through an outbox (see docs/transfers.md). What
 * every such entity does alike lives here: re-send what is pending after recovery, forget a
 * dispatch on its receipt, re-send on the redelivery timer, tag value-moving events for the
 * ledger, and snapshot now and then.
 */
public abstract class OutboxEntity<C, S> extends EventSourcedBehaviorWithEnforcedReplies<C, DomainEvent, S> {

  protected final Courier<C> courier;
  private final String tag;
  private final Function<S, Outbox> outboxOf;

  protected OutboxEntity(PersistenceId id, String tag, Courier<C> courier, Function<S, Outbox> outboxOf) {
    super(id);
    this.tag = tag;
    this.courier = courier;
    this.outboxOf = outboxOf;
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
