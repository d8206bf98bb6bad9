package io.bhkr.persistence.ledger;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.ValueEvent;
import java.util.Set;

/**
 * Test-only entity that journals the credit it is told to, under the ledger tag, as a
 * buggy entity would: the way to prove the audit sees a journal that breaks the rules.
 */
final class Forger extends EventSourcedBehavior<Forger.Write, DomainEvent, Forger.Nothing> {

  /** A concrete event type, so the command crosses Jackson without type information. */
  record Write(DispatchReceived event, ActorRef<Done> replyTo) implements JsonSerializable {}

  record Nothing() implements JsonSerializable {}

  static Behavior<Write> create(String persistenceId) {
    return new Forger(PersistenceId.ofUniqueId(persistenceId));
  }

  private Forger(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public Nothing emptyState() {
    return new Nothing();
  }

  @Override
  public CommandHandler<Write, DomainEvent, Nothing> commandHandler() {
    return newCommandHandlerBuilder().forAnyState()
        .onCommand(Write.class, (s, c) -> Effect().persist(c.event()).thenReply(c.replyTo(), n -> Done.getInstance()))
        .build();
  }

  @Override
  public EventHandler<Nothing, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent((s, e) -> s);
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return Set.of(ValueEvent.TAG);
  }
}
