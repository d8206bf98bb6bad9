package io.bhkr.persistence.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.persistence.query.Offset;
import akka.projection.eventsourced.EventEnvelope;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The skip-what-was-folded guard, on the real read-side database (PostgreSQL) with the schema's DDL. */
class FoldedEventsTest {

  private static EventEnvelope<String> onCassandra(String persistenceId, long sequenceNr) {
    return EventEnvelope.create(Offset.timeBasedUUID(Uuids.timeBased()), persistenceId, sequenceNr, "event", 0L);
  }

  @Test
  void anEventIsFoldedOnceAndEarlierOnesOfItsEntityAreSkipped() throws SQLException {
    try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = connect(db)) {
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|a", 1)));
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|a", 2)));
      assertFalse(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|a", 2)), "delivered again after a rewind");
      assertFalse(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|a", 1)));
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|b", 7)), "another entity has its own count");
      assertTrue(FoldedEvents.firstTime(c, "listings-project", onCassandra("Account|a", 1)), "another projection has its own");
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", onCassandra("Account|a", 3)));
      assertEquals(3, rows(c));
    }
  }

  @Test
  void onAJdbcJournalNothingIsRecorded() throws SQLException {
    try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = connect(db)) {
      EventEnvelope<String> exact = EventEnvelope.create(Offset.sequence(5), "Account|a", 1, "event", 0L);
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", exact));
      assertTrue(FoldedEvents.firstTime(c, "ledger-ledger", exact), "JDBC offsets are exact: no table is read");
      assertEquals(0, rows(c));
    }
  }

  private static Connection connect(PostgresTestDatabase db) throws SQLException {
    Connection c = DriverManager.getConnection(db.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    try (Statement st = c.createStatement()) {
      for (String sql : ledgerScript().split(";")) if (!sql.isBlank()) st.execute(sql);
    }
    return c;
  }

  /** The read side's DDL as the node runs it (ledger.sql holds projection_folded). */
  private static String ledgerScript() {
    try (java.io.InputStream in = FoldedEventsTest.class.getClassLoader().getResourceAsStream("io/bhkr/persistence/schema/ledger.sql")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static long rows(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM projection_folded")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
