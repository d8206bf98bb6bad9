package io.bhkr.replay;

import io.bhkr.persistence.JournalSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of a benchmark's own, on the server of the given settings, named after the
 * benchmark and this process, and dropped when the benchmark is done.
 */
public record ScratchDatabase(JournalSettings base, String name) {

  public static ScratchDatabase of(JournalSettings base, String purpose) {
    return new ScratchDatabase(base, "bhkr_" + purpose + "_" + ProcessHandle.current().pid());
  }

  /** The base settings pointed at this database (the node or journal creates it). */
  public JournalSettings settings() {
    return base.withPostgres(onServer(name), base.postgresUser(), base.postgresPassword());
  }

  public void drop() {
    try (Connection c = DriverManager.getConnection(onServer("postgres"), base.postgresUser(), base.postgresPassword());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the benchmark database " + name + ": " + e.getMessage());
    }
  }

  private String onServer(String database) {
    return base.postgresUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
  }
}
