package io.bhkr.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what the akka-persistence-jdbc 5.1.0 journal needs, before the ActorSystem starts:
 * the PostgreSQL database itself (if missing) and the tables event_journal, event_tag, snapshot
 * and durable_state with their indexes; then the ledger read side beside it (the
 * akka-projection-jdbc offset tables and the conservation audit's tables, {@code ledger.sql}, and
 * the listings', {@code listings.sql}).
 * Idempotent; a complete schema is left untouched, and a journal made before the ledger or the
 * listings existed gets their tables added (their projections then start from the journal's beginning).
 * On the Cassandra profile only the read side is in PostgreSQL, and the Cassandra keyspaces and
 * tables are created by {@link CassandraSchema} if the settings ask.
 *
 * <p>Our own copy of the shipped DDL (in {@code io/bhkr/persistence/schema/}) is used because the
 * shipped scripts create their first index without IF NOT EXISTS and so fail on a second run.
 */
public final class JournalSchema {

  private static final Logger log = LoggerFactory.getLogger(JournalSchema.class);

  static final List<String> JOURNAL_TABLES = List.of("event_journal", "event_tag", "snapshot", "durable_state");
  static final List<String> READ_SIDE_TABLES = List.of("akka_projection_offset_store", "akka_projection_management",
      "ledger_assets", "ledger_transfers", "ledger_anomalies", "ledger_progress", "projection_folded",
      "listing_entities", "listing_projects", "listing_stakes");
  static final List<String> TABLES = java.util.stream.Stream.concat(JOURNAL_TABLES.stream(), READ_SIDE_TABLES.stream()).toList();
  /** table → index, as created by the DDL. */
  static final List<String[]> INDEXES = List.of(
      new String[] {"event_journal", "event_journal_ordering_idx"},
      new String[] {"durable_state", "state_tag_idx"},
      new String[] {"durable_state", "state_global_offset_idx"},
      new String[] {"akka_projection_offset_store", "projection_name_index"},
      new String[] {"ledger_anomalies", "ledger_anomalies_offset_idx"},
      new String[] {"listing_entities", "listing_entities_owner_idx"},
      new String[] {"listing_projects", "listing_projects_status_idx"},
      new String[] {"listing_projects", "listing_projects_requester_idx"},
      new String[] {"listing_projects", "listing_projects_provider_idx"});

  /** jdbc:postgresql://hosts/database?params; the database is percent-decoded by the driver. */
  private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]+)(\\?.*)?$");
  private static final String INVALID_CATALOG_NAME = "3D000";
  private static final String DUPLICATE_DATABASE = "42P04";
  private static final String UNIQUE_VIOLATION = "23505";
  /** The advisory lock key under which one node at a time creates the schema ("BHKR" in ASCII). */
  private static final long SCHEMA_LOCK_KEY = 0x42484B52L;
  private static final java.time.Duration SCHEMA_LOCK_WAIT = java.time.Duration.ofMinutes(2);

  private JournalSchema() {}

  /** Blocking; throws {@link IllegalStateException} saying what could not be prepared. */
  public static void ensure(JournalProfile profile, JournalSettings settings) {
    String url = profile.url(settings);
    try {
      if (profile == JournalProfile.EMBEDDED) Files.createDirectories(settings.dataDir());
      else ensurePostgresDatabase(settings);
      try (Connection c = DriverManager.getConnection(url, profile.user(settings), profile.password(settings))) {
        ensureTables(profile, c, url);
      }
      if (profile == JournalProfile.CASSANDRA && settings.cassandra().createTables()) CassandraSchema.ensure(settings);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("could not prepare the " + profile + " journal at " + url + ": " + e.getMessage(), e);
    }
  }

  private static void ensureTables(JournalProfile profile, Connection c, String url) throws SQLException {
    if (missingObjects(profile, c).isEmpty()) {
      log.info("Journal schema ({}) at {} is complete", profile, url);
      return;
    }
    // Autocommit: each statement on its own, as CREATE INDEX CONCURRENTLY requires.
    c.setAutoCommit(true);
    // Nodes of a new cluster start together: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe
    // against a concurrent one (a unique violation in pg_type), so one node creates, the others wait.
    boolean shared = profile != JournalProfile.EMBEDDED;
    if (shared) lockSchema(c);
    try {
      createMissing(profile, c, url);
    } finally {
      if (shared) {
        try (Statement st = c.createStatement()) {
          st.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK_KEY + ")");
        }
      }
    }
  }

  /**
   * Takes the session's advisory lock on BHKR's schema, polling: a node blocked in
   * pg_advisory_lock would hold a transaction open, which the lock holder's CREATE INDEX
   * CONCURRENTLY waits for, a deadlock.
   */
  private static void lockSchema(Connection c) throws SQLException {
    long deadline = System.nanoTime() + SCHEMA_LOCK_WAIT.toNanos();
    try (Statement st = c.createStatement()) {
      while (true) {
        try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + SCHEMA_LOCK_KEY + ")")) {
          if (rs.next() && rs.getBoolean(1)) return;
        }
        if (System.nanoTime() > deadline)
          throw new SQLException("another node has held the schema lock for " + SCHEMA_LOCK_WAIT.toSeconds() + " s");
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for the schema lock", e);
        }
      }
    }
  }

  private static void createMissing(JournalProfile profile, Connection c, String url) throws SQLException {
    Set<String> missing = missingObjects(profile, c);
    if (missing.isEmpty()) {
      log.info("Journal schema ({}) at {} was completed by another node", profile, url);
      return;
    }
    try (Statement st = c.createStatement()) {
      for (String sql : statements(profile)) st.execute(sql);
      for (String sql : ledgerStatements()) st.execute(sql);
      for (String sql : script("io/bhkr/persistence/schema/listings.sql")) st.execute(sql);
    }
    Set<String> stillMissing = missingObjects(profile, c);
    if (!stillMissing.isEmpty()) throw new SQLException("schema script ran but " + stillMissing + " are still missing");
    log.info("Journal schema ({}) at {}: created {}", profile, url, missing);
  }

  /** Tables and indexes of the schema that the database does not have yet. */
  static Set<String> missingObjects(JournalProfile profile, Connection c) throws SQLException {
    // The PostgreSQL DDL names schema public; the H2 DDL uses the default schema (PUBLIC).
    String schema = profile == JournalProfile.EMBEDDED ? c.getSchema() : "public";
    DatabaseMetaData meta = c.getMetaData();
    Set<String> missing = new LinkedHashSet<>();
    for (String table : profile == JournalProfile.CASSANDRA ? READ_SIDE_TABLES : TABLES) {
      // Null types: H2 2.x reports "BASE TABLE" where PostgreSQL reports "TABLE".
      try (ResultSet rs = meta.getTables(null, schema, table, null)) {
        if (!rs.next()) missing.add(table);
      }
    }
    for (String[] index : INDEXES) {
      if (profile == JournalProfile.CASSANDRA && JOURNAL_TABLES.contains(index[0])) continue;
      if (missing.contains(index[0]) || !hasIndex(meta, schema, index[0], index[1])) missing.add(index[1]);
    }
    return missing;
  }

  private static boolean hasIndex(DatabaseMetaData meta, String schema, String table, String index) throws SQLException {
    try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, true)) {
      while (rs.next()) if (index.equals(rs.getString("INDEX_NAME"))) return true;
    }
    return false;
  }

  /** The journal's DDL script split into statements (no statement in it contains ';'); none for Cassandra's. */
  static List<String> statements(JournalProfile profile) {
    if (profile == JournalProfile.CASSANDRA) return List.of();
    return script("io/bhkr/persistence/schema/" + (profile == JournalProfile.EMBEDDED ? "h2" : "postgres") + ".sql");
  }

  /** The ledger read side's DDL, the same for both profiles. */
  static List<String> ledgerStatements() {
    return script("io/bhkr/persistence/schema/ledger.sql");
  }

  private static List<String> script(String resource) {
    String script;
    try (InputStream in = JournalSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder withoutComments = new StringBuilder();
    script.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> withoutComments.append(l).append('\n'));
    List<String> result = new ArrayList<>();
    Arrays.stream(withoutComments.toString().split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(result::add);
    return result;
  }

  /**
   * Connects to the journal database; only if it does not exist, connects to the server's
   * {@code postgres} database and creates it. So a production user that may not create databases
   * or reach {@code postgres} works as long as the database is there.
   */
  private static void ensurePostgresDatabase(JournalSettings s) throws SQLException {
    Matcher m = POSTGRES_URL.matcher(s.postgresUrl());
    if (!m.matches()) throw new SQLException("PostgreSQL URL names no database: " + s.postgresUrl());
    if (databaseExists(s)) return;
    String database = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    String adminUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    try (Connection c = DriverManager.getConnection(adminUrl, s.postgresUser(), s.postgresPassword());
         Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + quoteIdentifier(database));
      log.info("Created PostgreSQL database {} via {}", database, adminUrl);
    } catch (SQLException e) {
      // Another node created it at the same moment.
      if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
      log.info("PostgreSQL database {} was created concurrently by someone else", database);
    }
  }

  private static boolean databaseExists(JournalSettings s) throws SQLException {
    try {
      DriverManager.getConnection(s.postgresUrl(), s.postgresUser(), s.postgresPassword()).close();
      return true;
    } catch (SQLException e) {
      if (INVALID_CATALOG_NAME.equals(e.getSQLState())) return false;
      throw e;
    }
  }

  static String quoteIdentifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
