package io.bhkr.persistence;

import akka.actor.typed.ActorSystem;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.ReadJournal;

/**
 * The read journal of the system's journal profile ({@code bhkr.persistence.read-journal}): JDBC's
 * on H2 and PostgreSQL, Cassandra's on Cassandra. Asked for by the query interface a caller needs,
 * so no caller names a plugin.
 */
public final class ReadJournals {

  public static final String SETTING = "bhkr.persistence.read-journal";

  private ReadJournals() {}

  /** The plugin id, e.g. for {@code EventSourcedProvider.eventsByTag}. */
  public static String id(ActorSystem<?> system) {
    return system.settings().config().getString(SETTING);
  }

  /**
   * Whether the journal is akka-persistence-jdbc's (H2, PostgreSQL): its tables can then be read
   * with SQL beside the read side, and its offsets are the journal's global ordering.
   */
  public static boolean isJdbc(ActorSystem<?> system) {
    return id(system).equals("jdbc-read-journal");
  }

  public static <T extends ReadJournal> T get(ActorSystem<?> system, Class<T> query) {
    return PersistenceQuery.get(system).getReadJournalFor(query, id(system));
  }
}
