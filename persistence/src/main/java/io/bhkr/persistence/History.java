package io.bhkr.persistence;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import io.bhkr.serialization.DomainEvent;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * An entity as it was at a past instant: its events written up to then (the journal's write time),
 * folded with the entity's own event handler. Serves the API's {@code ?asOf=} views; the entity
 * itself is not asked, so time travel costs a read of one entity's events and nothing else.
 */
public final class History {

  private final ActorSystem<?> system;

  public History(ActorSystem<?> system) {
    this.system = system;
  }

  public <S> CompletionStage<S> asOf(String persistenceId, S empty, BiFunction<S, DomainEvent, S> apply, long atMillis) {
    CurrentEventsByPersistenceIdQuery journal = ReadJournals.get(system, CurrentEventsByPersistenceIdQuery.class);
    return journal.currentEventsByPersistenceId(persistenceId, 0, Long.MAX_VALUE)
        .takeWhile(envelope -> envelope.timestamp() <= atMillis)
        .runFold(empty, (state, envelope) -> apply.apply(state, (DomainEvent) envelope.event()), system);
  }
}
