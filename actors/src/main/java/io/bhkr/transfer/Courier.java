package io.bhkr.transfer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.persistence.typed.javadsl.EffectFactories;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.serialization.DomainEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;

/**
 * The delivery side of an entity's outbox. It sends persisted dispatches, turns receipts into the
 * entity's own "confirmed" command, and re-sends whatever is still pending on a timer and after
 * recovery. It only performs side effects; the entity decides what is pending by its events.
 */
public final class Courier<C> {

  private static final Object TIMER_KEY = "redeliver-pending-dispatches";

  private final TimerScheduler<C> timers;
  private final DispatchRoute route;
  private final ActorRef<Receipt> receipts;
  private final C redeliveryDue;
  private final Duration interval;
  private final akka.actor.typed.ActorSystem<?> system;

  public Courier(
      ActorContext<C> context,
      TimerScheduler<C> timers,
      DispatchRoute route,
      Function<Receipt, C> confirmed,
      C redeliveryDue,
      Duration interval) {
    this.timers = timers;
    this.route = route;
    this.receipts = context.messageAdapter(Receipt.class, confirmed::apply);
    this.redeliveryDue = redeliveryDue;
    this.interval = interval;
    this.system = context.getSystem();
  }

  /** The actor system the entity runs in (its settings). */
  public akka.actor.typed.ActorSystem<?> system() {
    return system;
  }

  /** Sends freshly persisted dispatches and makes sure they are re-sent until confirmed. */
  public void send(Collection<? extends Dispatch> dispatches) {
    dispatches.forEach(d -> route.deliver(d, receipts));
    if (!dispatches.isEmpty() && !timers.isTimerActive(TIMER_KEY))
      timers.startTimerWithFixedDelay(TIMER_KEY, redeliveryDue, interval);
  }

  /** A receipt: forget the dispatch (persisted), and stop re-sending once nothing is pending. */
  public <S> ReplyEffect<DomainEvent, S> onReceipt(EffectFactories<DomainEvent, S> effect, Outbox outbox,
      Function<S, Outbox> outboxOf, Receipt receipt) {
    if (!outbox.contains(receipt.dispatchId())) return effect.noReply();
    return effect.persist(new DispatchConfirmed(receipt.dispatchId()))
        .thenRun(next -> { if (outboxOf.apply(next).isEmpty()) resend(outboxOf.apply(next)); })
        .thenNoReply();
  }

  /** The redelivery timer fired. */
  public <S> ReplyEffect<DomainEvent, S> onRedeliveryDue(EffectFactories<DomainEvent, S> effect, Outbox outbox) {
    resend(outbox);
    return effect.noReply();
  }

  /** After recovery or on the timer: send everything still pending again, or stop the timer. */
  public void resend(Outbox outbox) {
    if (outbox.isEmpty()) {
      timers.cancel(TIMER_KEY);
    } else {
      send(outbox.all());
    }
  }
}
