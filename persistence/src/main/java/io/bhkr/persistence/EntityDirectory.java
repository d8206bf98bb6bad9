package io.bhkr.persistence;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.javadsl.CurrentPersistenceIdsQuery;
import akka.stream.javadsl.Sink;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Lists the ids of an entity type from the journal (persistence ids are "Type|id"), so the API
 * can list providers without a separate registry. Fine for hundreds of entities; a projection
 * into a read table takes over when lists grow large.
 */
public final class EntityDirectory {

  private final ActorSystem<?> system;

  public EntityDirectory(ActorSystem<?> system) {
    this.system = system;
  }

  public CompletionStage<List<String>> ids(String entityType) {
    String prefix = entityType + "|";
    CurrentPersistenceIdsQuery journal = ReadJournals.get(system, CurrentPersistenceIdsQuery.class);
    return journal.currentPersistenceIds()
        .filter(id -> id.startsWith(prefix))
        .map(id -> id.substring(prefix.length()))
        .runWith(Sink.seq(), system);
  }
}
