package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.projection.jdbc.javadsl.JdbcProjection;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards an upgrade of akka-projection-jdbc: the offset tables our schema creates are column for
 * column the ones the library creates itself with the profile's dialect.
 */
class OffsetStoreSchemaTest {

  private static final List<String> TABLES = List.of("akka_projection_offset_store", "akka_projection_management");

  @ParameterizedTest
  // the cassandra profile keeps these tables in PostgreSQL, as the postgres profile does
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void ourOffsetTablesAreTheLibrarys(JournalProfile profile, @TempDir Path ours, @TempDir Path theirs) throws Exception {
    PostgresTestDatabase empty = profile == JournalProfile.POSTGRES ? PostgresTestDatabase.create() : null;
    try (TestJournal journal = TestJournal.create(profile, ours)) {
      Config withOurs = journal.config();
      // the library's tables in a database where our schema never ran
      JournalSettings bare = empty == null ? JournalSettings.defaults(theirs) : empty.settings(theirs);
      Config withTheirs = profile.config(bare).withFallback(ConfigFactory.load());
      ActorTestKit kit = ActorTestKit.create("offset-schema", ConfigFactory.parseString("akka.actor.provider = local").withFallback(withOurs));
      LedgerDatabase ourDb = LedgerDatabase.of(withOurs);
      LedgerDatabase theirDb = LedgerDatabase.of(withTheirs);
      try {
        JdbcProjection.createTablesIfNotExists(() -> new LedgerSession(theirDb), kit.system())
            .toCompletableFuture().get(20, TimeUnit.SECONDS);
        List<String> expected = describe(theirDb);
        assertFalse(expected.isEmpty());
        assertEquals(expected, describe(ourDb));
      } finally {
        ourDb.close();
        theirDb.close();
        kit.shutdownTestKit();
      }
    } finally {
      if (empty != null) empty.close();
    }
  }

  /** Columns (name, type, size, nullability), primary keys and indexes of the offset tables. */
  private static List<String> describe(LedgerDatabase db) throws SQLException {
    Connection c = db.acquire();
    try {
      DatabaseMetaData meta = c.getMetaData();
      List<String> out = new ArrayList<>();
      for (String table : TABLES) {
        try (ResultSet rs = meta.getColumns(null, null, table, null)) {
          while (rs.next())
            out.add(table + " column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE")
                + ") " + rs.getString("IS_NULLABLE"));
        }
        try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
          while (rs.next()) out.add(table + " key " + rs.getString("COLUMN_NAME") + " " + rs.getShort("KEY_SEQ"));
        }
        try (ResultSet rs = meta.getIndexInfo(null, null, table, false, true)) {
          while (rs.next()) if (!rs.getString("INDEX_NAME").toLowerCase().contains("pk") && !rs.getString("INDEX_NAME").startsWith("PRIMARY"))
            out.add(table + " index " + rs.getString("INDEX_NAME") + " " + rs.getString("COLUMN_NAME"));
        }
      }
      out.sort(null);
      return out;
    } finally {
      db.release(c);
    }
  }
}
