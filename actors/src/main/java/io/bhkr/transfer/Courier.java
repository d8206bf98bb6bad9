package io.bhkr.transfer;

import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.persistence.typed.javadsl.EffectFactories;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.serialization.DomainEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
  /** Receipts that reached the entity and are not yet journaled; in memory only (a restart re-sends, receivers answer again). */
  private final Set<String> arrived = new LinkedHashSet<>();

  public Courier(
      ActorContext<C> context,
      TimerScheduler<C> timers,
      DispatchRoute route,
      Function<Receipt, C> confirmed,
      C redeliveryDue,
      Duration interval) {
    this.timers = timers;
    this.route = route;
    // The adapter runs when a receipt reaches the entity, before a persist in progress stashes it.
    this.receipts = context.messageAdapter(Receipt.class, r -> {
      arrived.add(r.dispatchId());
      return confirmed.apply(r);
    });
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

  /**
   * A receipt: forget the dispatch (persisted), and stop re-sending once nothing is pending. The
   * receipts of other pending dispatches that arrived meanwhile (stashed behind the entity's last
   * persist) are confirmed in the same event, so a burst of receipts takes a row or two, not one
   * each; when their own commands come, their dispatches are no longer pending.
   */
  public <S> ReplyEffect<DomainEvent, S> onReceipt(EffectFactories<DomainEvent, S> effect, Outbox outbox,
      Function<S, Outbox> outboxOf, Receipt receipt) {
    arrived.add(receipt.dispatchId());
    List<String> confirmed = arrived.stream().filter(outbox::contains).toList();
    arrived.clear();
    if (confirmed.isEmpty()) return effect.noReply();
    DomainEvent event = confirmed.size() == 1 ? new DispatchConfirmed(confirmed.get(0)) : new DispatchesConfirmed(confirmed);
    return effect.persist(event)
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
