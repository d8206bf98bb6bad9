package io.bhkr.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the journal lives. {@code dataDir} is used by {@link JournalProfile#EMBEDDED}, the
 * PostgreSQL fields by {@link JournalProfile#POSTGRES}, {@code cassandra} by
 * {@link JournalProfile#CASSANDRA} (whose read side is in the PostgreSQL database); the unused part
 * is simply ignored.
 */
public record JournalSettings(Path dataDir, String postgresUrl, String postgresUser, String postgresPassword,
    CassandraSettings cassandra) {

  /** {@code reWriteBatchedInserts} lets the driver turn the journal's batches into multi-row inserts. */
  public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/bhkr?reWriteBatchedInserts=true";
  /**
   * The cassandra profile's read side by default: a database of its own, so that it never shares
   * ledger tables and projection offsets with a postgres-profile journal in {@code bhkr}.
   */
  public static final String DEFAULT_CASSANDRA_READ_SIDE_URL = "jdbc:postgresql://127.0.0.1:5432/bhkr_cassandra?reWriteBatchedInserts=true";
  public static final String DEFAULT_POSTGRES_USER = "postgres";
  public static final String DEFAULT_POSTGRES_PASSWORD = "";

  public JournalSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(postgresUrl, "postgresUrl");
    Objects.requireNonNull(postgresUser, "postgresUser");
    Objects.requireNonNull(postgresPassword, "postgresPassword");
    Objects.requireNonNull(cassandra, "cassandra");
    // H2 2.x refuses implicitly relative file paths, and ';' would end the path inside the URL.
    dataDir = dataDir.toAbsolutePath().normalize();
    if (dataDir.toString().contains(";")) throw new IllegalArgumentException("data folder must not contain ';': " + dataDir);
    if (!postgresUrl.startsWith("jdbc:postgresql://"))
      throw new IllegalArgumentException("PostgreSQL URL must start with jdbc:postgresql:// but was " + postgresUrl);
  }

  /** With the default (local) Cassandra settings. */
  public JournalSettings(Path dataDir, String postgresUrl, String postgresUser, String postgresPassword) {
    this(dataDir, postgresUrl, postgresUser, postgresPassword, CassandraSettings.defaults());
  }

  /** The embedded journal under {@code dataDir} and the local default PostgreSQL server. */
  public static JournalSettings defaults(Path dataDir) {
    return new JournalSettings(dataDir, DEFAULT_POSTGRES_URL, DEFAULT_POSTGRES_USER, DEFAULT_POSTGRES_PASSWORD);
  }

  public JournalSettings withPostgres(String url, String user, String password) {
    return new JournalSettings(dataDir, url, user, password, cassandra);
  }

  public JournalSettings withCassandra(CassandraSettings settings) {
    return new JournalSettings(dataDir, postgresUrl, postgresUser, postgresPassword, settings);
  }

  /**
   * The H2 file database {@code <dataDir>/journal} (file {@code journal.mv.db}). No
   * {@code DB_CLOSE_DELAY=-1}: that is for in-memory databases; a file database should close,
   * flush and release its lock when the last pooled connection goes, so a replay tool can open it
   * after the node stops. {@code DATABASE_TO_UPPER=false} as in akka-persistence-jdbc's H2 samples.
   * {@code WRITE_DELAY=0}: H2 otherwise flushes a commit up to 500 ms later, and a crash in that
   * time loses events the journal had acknowledged.
   */
  public String h2Url() {
    return "jdbc:h2:file:" + dataDir.resolve("journal") + ";DATABASE_TO_UPPER=false;WRITE_DELAY=0";
  }
}
