package io.bhkr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {

  @Test
  void embeddedSchemaIsCreatedOnceAndThenLeftAlone(@TempDir Path dir) throws SQLException {
    JournalSettings settings = JournalSettings.defaults(dir.resolve("not-yet-there"));
    JournalSchema.ensure(JournalProfile.EMBEDDED, settings);
    JournalSchema.ensure(JournalProfile.EMBEDDED, settings);
    try (Connection c = DriverManager.getConnection(settings.h2Url(), "sa", "")) {
      assertEquals(Set.of(), JournalSchema.missingObjects(JournalProfile.EMBEDDED, c));
    }
  }

  @Test
  void postgresDatabaseAndSchemaAreCreatedOnceAndThenLeftAlone(@TempDir Path dir) throws SQLException {
    try (PostgresTestDatabase db = PostgresTestDatabase.reserve()) {
      JournalSettings settings = db.settings(dir);
      JournalSchema.ensure(JournalProfile.POSTGRES, settings); // creates the database, then the tables
      JournalSchema.ensure(JournalProfile.POSTGRES, settings);
      try (Connection c = DriverManager.getConnection(db.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
        assertEquals(Set.of(), JournalSchema.missingObjects(JournalProfile.POSTGRES, c));
      }
    }
  }

  /** The nodes of a new cluster start at once on one fresh database (README, "Run a cluster"): each starts. */
  @Test
  void nodesStartingTogetherOnAFreshDatabaseAllPrepareIt(@TempDir Path dir) throws Exception {
    try (PostgresTestDatabase db = PostgresTestDatabase.reserve()) {
      JournalSettings settings = db.settings(dir);
      java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        java.util.List<java.util.concurrent.Future<?>> started = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(4);
        for (int i = 0; i < 4; i++)
          started.add(nodes.submit(() -> {
            together.countDown();
            together.await();
            JournalSchema.ensure(JournalProfile.POSTGRES, settings);
            return null;
          }));
        for (java.util.concurrent.Future<?> f : started) f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      } finally {
        nodes.shutdownNow();
      }
      try (Connection c = DriverManager.getConnection(db.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
        assertEquals(Set.of(), JournalSchema.missingObjects(JournalProfile.POSTGRES, c));
      }
    }
  }

  /**
   * On Cassandra the PostgreSQL database holds the read side only: its tables are created, the
   * journal's are not; and without --cassandra-create-tables nothing is asked of Cassandra (none runs here).
   */
  @Test
  void cassandraPutsOnlyTheReadSideIntoPostgres(@TempDir Path dir) throws SQLException {
    try (PostgresTestDatabase db = PostgresTestDatabase.reserve()) {
      JournalSettings settings = db.settings(dir).withCassandra(CassandraSettings.defaults().withKeyspaces("nowhere", "nowhere_snap"));
      JournalSchema.ensure(JournalProfile.CASSANDRA, settings);
      try (Connection c = DriverManager.getConnection(db.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
        assertEquals(Set.of(), JournalSchema.missingObjects(JournalProfile.CASSANDRA, c));
        assertTrue(JournalSchema.missingObjects(JournalProfile.POSTGRES, c).containsAll(JournalSchema.JOURNAL_TABLES),
            "no JDBC journal tables beside the read side");
      }
    }
  }

  /** A journal made before the ledger read side existed gets its tables on the next start. */
  @Test
  void anOlderJournalGetsTheLedgerTablesAdded(@TempDir Path dir) throws SQLException {
    JournalSettings settings = JournalSettings.defaults(dir);
    try (Connection c = DriverManager.getConnection(settings.h2Url(), "sa", "");
         java.sql.Statement st = c.createStatement()) {
      for (String sql : JournalSchema.statements(JournalProfile.EMBEDDED)) st.execute(sql);
      assertTrue(JournalSchema.missingObjects(JournalProfile.EMBEDDED, c).containsAll(
          Set.of("akka_projection_offset_store", "akka_projection_management", "ledger_assets", "ledger_transfers",
              "ledger_anomalies", "ledger_progress", "projection_name_index", "ledger_anomalies_offset_idx",
              "listing_entities", "listing_projects", "listing_stakes", "listing_projects_status_idx")));
      JournalSchema.ensure(JournalProfile.EMBEDDED, settings);
      assertEquals(Set.of(), JournalSchema.missingObjects(JournalProfile.EMBEDDED, c));
    }
  }

  @Test
  void aPostgresUrlWithoutDatabaseIsRefusedClearly(@TempDir Path dir) {
    JournalSettings settings = JournalSettings.defaults(dir).withPostgres("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalSchema.ensure(JournalProfile.POSTGRES, settings));
    assertTrue(e.getMessage().contains("names no database"), e.getMessage());
  }

  /** Guards an upgrade of akka-persistence-jdbc: our copy may differ only by IF NOT EXISTS and layout. */
  @Test
  void ourDdlIsTheShippedDdl() throws IOException {
    assertEquals(normalized("schema/h2/h2-create-schema.sql"), normalized("io/bhkr/persistence/schema/h2.sql"));
    assertEquals(normalized("schema/postgres/postgres-create-schema.sql"), normalized("io/bhkr/persistence/schema/postgres.sql"));
  }

  @Test
  void statementsAreSplitWithoutComments() {
    assertEquals(8, JournalSchema.statements(JournalProfile.EMBEDDED).size());
    assertEquals(7, JournalSchema.statements(JournalProfile.POSTGRES).size());
    assertTrue(JournalSchema.statements(JournalProfile.POSTGRES).stream().noneMatch(s -> s.contains("--")));
    assertEquals(9, JournalSchema.ledgerStatements().size());
    assertTrue(JournalSchema.ledgerStatements().stream().noneMatch(s -> s.contains("--")));
  }

  private static String normalized(String resource) throws IOException {
    try (InputStream in = JournalSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", String::concat)
          .toLowerCase(Locale.ROOT).replace("if not exists", "").replaceAll("\\s+", "");
    }
  }
}
