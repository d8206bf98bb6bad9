package io.bhkr.persistence.testing;

import com.typesafe.config.Config;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;

/**
 * A fresh journal of any profile for one test: an H2 file journal in the test's folder, a
 * PostgreSQL database of its own that {@link #close()} drops, or Cassandra keyspaces of its own on
 * the test JVM's Cassandra ({@link CassandraTestServer}) with the read side in such a database. Lets one test body run on every
 * profile as a parameterized test. With {@code -Dbhkr.golden.capture=DIR} every embedded journal
 * is also dumped when the test closes it ({@link GoldenCapture}): that is how golden journals are
 * made from the end-to-end scenarios.
 */
public final class TestJournal implements AutoCloseable {

  private final JournalProfile profile;
  private final JournalSettings settings;
  private final PostgresTestDatabase database;

  private TestJournal(JournalProfile profile, JournalSettings settings, PostgresTestDatabase database) {
    this.profile = profile;
    this.settings = settings;
    this.database = database;
  }

  /** On Cassandra: keyspaces of its own on the test JVM's Cassandra, the read side in a PostgreSQL database of its own. */
  public static TestJournal create(JournalProfile profile, Path dataDir) {
    if (profile == JournalProfile.EMBEDDED) return new TestJournal(profile, JournalSettings.defaults(dataDir), null);
    PostgresTestDatabase db = PostgresTestDatabase.create();
    JournalSettings settings = profile == JournalProfile.CASSANDRA ? JournalTestConfigs.cassandraSettings(db, dataDir) : db.settings(dataDir);
    return new TestJournal(profile, settings, db);
  }

  public JournalProfile profile() {
    return profile;
  }

  public JournalSettings settings() {
    return settings;
  }

  /** The full configuration of an actor system on this journal, its schema ensured. */
  public Config config() {
    if (profile == JournalProfile.CASSANDRA) return JournalTestConfigs.cassandra(settings);
    return database == null ? JournalTestConfigs.embedded(settings.dataDir()) : JournalTestConfigs.postgres(database);
  }

  @Override
  public void close() {
    try {
      GoldenCapture.dumpIfAsked(this);
    } finally {
      if (database != null) database.close();
    }
  }
}
