package io.bhkr.replay;

import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.journal.JournalTable;
import io.bhkr.persistence.journal.StoredEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal to replay: the embedded H2 journal of a stopped node's data folder, a PostgreSQL
 * journal (also while its nodes run: replay reads committed rows only and writes nothing), or a
 * Cassandra journal (also while its nodes run; read in full and ordered by write time).
 */
public record JournalSource(JournalProfile profile, JournalSettings settings, boolean offline) {

  /** A journal no node has open: an embedded one is opened read-only and must exist. */
  public JournalSource(JournalProfile profile, JournalSettings settings) {
    this(profile, settings, true);
  }

  /** The journal of the node this runs in: its embedded database is shared within the process as it is. */
  public static JournalSource ofThisNode(JournalProfile profile, JournalSettings settings) {
    return new JournalSource(profile, settings, false);
  }

  /** How many live events the journal holds: the denominator of the progress line. */
  public long count() {
    if (profile == JournalProfile.CASSANDRA) return cassandra().size();
    try (Connection c = open(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"event_journal\" WHERE \"deleted\" = FALSE")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  /** Every live event in global order (on Cassandra, write-time order: see {@link CassandraJournal}). */
  public long forEach(Consumer<StoredEvent> each) {
    if (profile == JournalProfile.CASSANDRA) {
      List<StoredEvent> all = cassandra();
      all.forEach(each);
      return all.size();
    }
    try (Connection c = open()) {
      return JournalTable.forEach(c, 0, each);
    } catch (SQLException e) {
      throw unreadable(e);
    }
  }

  private List<StoredEvent> cassandra() {
    try {
      return CassandraJournal.read(settings.cassandra());
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot read the Cassandra journal at " + settings.cassandra().contactPoints() + " (keyspace "
          + settings.cassandra().keyspace() + "): " + e.getMessage(), e);
    }
  }

  private Connection open() throws SQLException {
    String url = profile.url(settings);
    // An embedded journal must exist already: opening a missing H2 file would create an empty one.
    if (profile == JournalProfile.EMBEDDED && offline) url += ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    return DriverManager.getConnection(url, profile.user(settings), profile.password(settings));
  }

  private IllegalStateException unreadable(SQLException e) {
    String hint = profile == JournalProfile.EMBEDDED
        ? " (is the data folder right, and the node that uses it stopped? H2 lets one process open it at a time)"
        : "";
    return new IllegalStateException("cannot read the " + profile + " journal at " + profile.url(settings) + ": " + e.getMessage() + hint, e);
  }
}
