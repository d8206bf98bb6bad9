package io.bhkr.persistence.projection;

import akka.persistence.query.TimeBasedUUID;
import akka.projection.eventsourced.EventEnvelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a projection on Cassandra has already folded: per persistence id, the highest sequence
 * number, kept in {@code projection_folded} in the projection's own transaction. A query started
 * a window before its offset ({@link LateTagWindow}) delivers again what was folded before; events
 * of one persistence id arrive in sequence order, so anything at or below that number was folded.
 *
 * <p>On JDBC journals every event arrives exactly once after the stored offset, so nothing is
 * recorded there and the read side's cost is unchanged.
 */
public final class FoldedEvents {

  private FoldedEvents() {}

  /**
   * Whether {@code envelope} is new to {@code projection}; if so it is recorded as folded, in the
   * caller's transaction (so a rollback forgets it again).
   */
  public static boolean firstTime(Connection c, String projection, EventEnvelope<?> envelope) throws SQLException {
    if (!(envelope.offset() instanceof TimeBasedUUID)) return true;
    String persistenceId = envelope.persistenceId();
    long sequenceNr = envelope.sequenceNr();
    try (PreparedStatement st = c.prepareStatement(
        "SELECT sequence_nr FROM projection_folded WHERE projection_id = ? AND persistence_id = ?")) {
      st.setString(1, projection);
      st.setString(2, persistenceId);
      try (ResultSet rs = st.executeQuery()) {
        if (rs.next()) {
          if (rs.getLong(1) >= sequenceNr) return false;
          update(c, projection, persistenceId, sequenceNr);
          return true;
        }
      }
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO projection_folded (projection_id, persistence_id, sequence_nr) VALUES (?, ?, ?)")) {
      st.setString(1, projection);
      st.setString(2, persistenceId);
      st.setLong(3, sequenceNr);
      st.executeUpdate();
    }
    return true;
  }

  private static void update(Connection c, String projection, String persistenceId, long sequenceNr) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "UPDATE projection_folded SET sequence_nr = ? WHERE projection_id = ? AND persistence_id = ?")) {
      st.setLong(1, sequenceNr);
      st.setString(2, projection);
      st.setString(3, persistenceId);
      st.executeUpdate();
    }
  }
}
