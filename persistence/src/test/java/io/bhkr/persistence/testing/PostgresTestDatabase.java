package io.bhkr.persistence.testing;

import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database {@code bhkr_test_<random>} on the local PostgreSQL (127.0.0.1:5432, user
 * postgres, trust auth), so tests never share journal state. {@link #close()} drops it, even with
 * connections still open.
 */
public final class PostgresTestDatabase implements AutoCloseable {

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  public static final String USER = "postgres";
  public static final String PASSWORD = "";

  private final String name;

  private PostgresTestDatabase(String name) {
    this.name = name;
  }

  /** Creates a new, empty database. */
  public static PostgresTestDatabase create() {
    PostgresTestDatabase db = reserve();
    db.admin("CREATE DATABASE " + db.name);
    return db;
  }

  /** Picks a unique name without creating the database, for tests of code that creates it. */
  public static PostgresTestDatabase reserve() {
    return new PostgresTestDatabase("bhkr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
  }

  public String name() {
    return name;
  }

  /** With {@code reWriteBatchedInserts=true}, as the production URL. */
  public String url() {
    return SERVER + name + "?reWriteBatchedInserts=true";
  }

  /** Settings pointing the POSTGRES profile at this database ({@code dataDir} is not used by it). */
  public JournalSettings settings(Path dataDir) {
    return new JournalSettings(dataDir, url(), USER, PASSWORD);
  }

  @Override
  public void close() {
    // FORCE (PostgreSQL 13+) ends the connections a stopped ActorSystem's pool may not have closed yet.
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private void admin(String sql) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
         Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed on " + SERVER + ": " + e.getMessage(), e);
    }
  }
}
