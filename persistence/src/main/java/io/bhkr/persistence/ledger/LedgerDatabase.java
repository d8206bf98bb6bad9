package io.bhkr.persistence.ledger;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Extension;
import akka.actor.typed.ExtensionId;
import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Plain JDBC connections to the journal's own database, where the ledger's read tables live (see
 * {@code ledger.sql}). The database is the one the journal profile configured for
 * akka-persistence-jdbc, read from the system's configuration, so whoever has the actor system
 * has the ledger; a few idle connections are kept for the projection and the report, and closed
 * when the system terminates (an H2 file database closes with its last connection).
 */
public final class LedgerDatabase implements Extension {

  private static final String DB = "akka-persistence-jdbc.shared-databases.slick.db";
  private static final int IDLE = 4;

  public static final ExtensionId<LedgerDatabase> ID = new ExtensionId<>() {
    @Override
    public LedgerDatabase createExtension(ActorSystem<?> system) {
      LedgerDatabase db = of(system.settings().config());
      system.getWhenTerminated().thenRun(db::close);
      return db;
    }
  };

  private final String url;
  private final String user;
  private final String password;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(IDLE);
  private volatile boolean closed;

  /** The database a journal profile's configuration names (see {@code JournalProfile.config}). */
  static LedgerDatabase of(Config config) {
    return new LedgerDatabase(config.getString(DB + ".url"), config.getString(DB + ".user"), config.getString(DB + ".password"));
  }

  private LedgerDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public static LedgerDatabase get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** A connection in a transaction of its own (autocommit off); give it back with {@link #release}. */
  Connection acquire() throws SQLException {
    for (Connection c = idle.poll(); c != null; c = idle.poll()) {
      if (c.isValid(2)) return c;
      quietlyClose(c); // the database restarted or dropped it
    }
    Connection c = DriverManager.getConnection(url, user, password);
    c.setAutoCommit(false);
    return c;
  }

  /** Ends whatever transaction is still open and keeps the connection for the next user. */
  void release(Connection c) {
    try {
      if (c.isClosed()) return;
      c.rollback(); // nothing after a commit; undoes a half-done transaction otherwise
      if (closed || !idle.offer(c)) quietlyClose(c);
    } catch (SQLException e) {
      quietlyClose(c);
    }
  }

  /** Reads the report in one transaction, so the totals, counts and offset are of the same moment. */
  public ConservationReport report(int anomalyLimit) throws SQLException {
    Connection c = acquire();
    try {
      return LedgerTables.report(c, anomalyLimit);
    } finally {
      release(c);
    }
  }

  /** A read over the read side's tables, in one transaction of its own. */
  @FunctionalInterface
  public interface Read<T> {
    T from(Connection c) throws SQLException;
  }

  /** Runs {@code read} on a pooled connection (blocking: call it on a blocking dispatcher). */
  public <T> T read(Read<T> read) throws SQLException {
    Connection c = acquire();
    try {
      return read.from(c);
    } finally {
      release(c);
    }
  }

  /**
   * The journal offset of the newest event carrying the ledger tag: with the report's
   * {@code projectedUpTo}, how far the ledger projection is behind the journal.
   */
  public long journaledUpTo() throws SQLException {
    Connection c = acquire();
    try (java.sql.Statement s = c.createStatement();
        // newest first along the (event_id, tag) key: stops at the first ledger event from the end, not a scan
        java.sql.ResultSet r = s.executeQuery("SELECT \"event_id\" FROM \"event_tag\" WHERE \"tag\" = 'ledger'"
            + " ORDER BY \"event_id\" DESC FETCH FIRST 1 ROWS ONLY")) {
      return r.next() ? r.getLong(1) : 0;
    } finally {
      release(c);
    }
  }

  /** The read sides' tables in this database, emptied by {@link #startOver}. */
  private static final List<String> READ_SIDE_TABLES = List.of("ledger_assets", "ledger_transfers", "ledger_anomalies",
      "ledger_progress", "projection_folded", "listing_entities", "listing_projects", "listing_stakes");

  /**
   * Empties every read side of this database (ledger and listings) with their stored offsets, so
   * that their projections fold the journal again from its start. Only while none of them runs: a
   * rebuild, or the catch-up benchmark. The journal and other projections' offsets are not touched.
   */
  public void startOver() throws SQLException {
    Connection c = acquire();
    try (java.sql.Statement s = c.createStatement()) {
      for (String table : READ_SIDE_TABLES) s.executeUpdate("DELETE FROM " + table);
      // only these two projections' offsets: the chain feed's says what was already sent to the chain
      s.executeUpdate("DELETE FROM akka_projection_offset_store WHERE projection_name IN ('" + LedgerProjection.ID.name() + "', '"
          + io.bhkr.persistence.listings.ListingProjection.NAME + "')");
      c.commit();
    } finally {
      release(c);
    }
  }

  /** Closes the idle connections; connections given back later are closed too. */
  void close() {
    closed = true;
    for (Connection c = idle.poll(); c != null; c = idle.poll()) quietlyClose(c);
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing is best effort; the database drops the connection anyway
    }
  }
}
