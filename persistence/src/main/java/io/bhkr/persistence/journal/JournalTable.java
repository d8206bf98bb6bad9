package io.bhkr.persistence.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and writes akka-persistence-jdbc 5.1's {@code event_journal} and {@code event_tag} tables
 * directly over JDBC, on H2 and PostgreSQL alike (quoted lower-case names suit both). Reading does
 * not need an actor system, so a researcher's tool can read a stopped node's journal, or a live
 * PostgreSQL one, in the journal's global order.
 */
public final class JournalTable {

  private static final int FETCH = 2_000;

  private JournalTable() {}

  /**
   * Calls {@code each} for every live (not deleted) event with {@code ordering > after}, in global
   * order, with its tags. Streams: the events and their tags are two ordered cursors merged, so
   * memory does not grow with the journal.
   */
  public static long forEach(Connection c, long after, Consumer<StoredEvent> each) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
    long count = 0;
    try (PreparedStatement events = c.prepareStatement(
            "SELECT \"ordering\", \"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"adapter_manifest\","
                + " \"event_ser_id\", \"event_ser_manifest\", \"event_payload\" FROM \"event_journal\""
                + " WHERE \"ordering\" > ? AND \"deleted\" = FALSE ORDER BY \"ordering\"");
        PreparedStatement tags = c.prepareStatement(
            "SELECT \"event_id\", \"tag\" FROM \"event_tag\" WHERE \"event_id\" > ? ORDER BY \"event_id\", \"tag\"")) {
      events.setFetchSize(FETCH);
      tags.setFetchSize(FETCH);
      events.setLong(1, after);
      tags.setLong(1, after);
      try (ResultSet e = events.executeQuery(); ResultSet t = tags.executeQuery()) {
        boolean tagLeft = t.next();
        while (e.next()) {
          long ordering = e.getLong(1);
          List<String> eventTags = new ArrayList<>(2);
          while (tagLeft && t.getLong(1) < ordering) tagLeft = t.next(); // tags of deleted rows
          while (tagLeft && t.getLong(1) == ordering) {
            eventTags.add(t.getString(2));
            tagLeft = t.next();
          }
          each.accept(new StoredEvent(ordering, e.getString(2), e.getLong(3), e.getString(4), e.getLong(5), e.getString(6),
              e.getInt(7), e.getString(8), e.getBytes(9), eventTags));
          count++;
        }
      }
    } finally {
      c.commit();
      c.setAutoCommit(autoCommit);
    }
    return count;
  }

  /** Every live event, in global order: for small journals (tests, golden fixtures). */
  public static List<StoredEvent> readAll(Connection c) throws SQLException {
    List<StoredEvent> all = new ArrayList<>();
    forEach(c, 0, all::add);
    return all;
  }

  /**
   * Writes {@code events} into an empty journal with their original ordering, sequence numbers
   * and tags, then moves the ordering's identity past them so the node's own writes follow. Used
   * to bring a dumped journal (a golden fixture) back into a database a node can start on.
   */
  public static void insert(Connection c, List<StoredEvent> events) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement row = c.prepareStatement(
            "INSERT INTO \"event_journal\" (\"ordering\", \"deleted\", \"persistence_id\", \"sequence_number\", \"writer\","
                + " \"write_timestamp\", \"adapter_manifest\", \"event_ser_id\", \"event_ser_manifest\", \"event_payload\")"
                + " VALUES (?, FALSE, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement tag = c.prepareStatement("INSERT INTO \"event_tag\" (\"event_id\", \"tag\") VALUES (?, ?)")) {
      long max = 0;
      for (StoredEvent e : events) {
        row.setLong(1, e.ordering());
        row.setString(2, e.persistenceId());
        row.setLong(3, e.sequenceNumber());
        row.setString(4, e.writer());
        row.setLong(5, e.writeTimestamp());
        row.setString(6, e.adapterManifest());
        row.setInt(7, e.serializerId());
        row.setString(8, e.manifest());
        row.setBytes(9, e.payload());
        row.addBatch();
        for (String t : e.tags()) {
          tag.setLong(1, e.ordering());
          tag.setString(2, t);
          tag.addBatch();
        }
        max = Math.max(max, e.ordering());
      }
      row.executeBatch();
      tag.executeBatch();
      try (Statement s = c.createStatement()) {
        if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres"))
          s.execute("SELECT setval(pg_get_serial_sequence('event_journal', 'ordering'), " + Math.max(1, max) + ")");
        else s.execute("ALTER TABLE \"event_journal\" ALTER COLUMN \"ordering\" RESTART WITH " + (max + 1));
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
