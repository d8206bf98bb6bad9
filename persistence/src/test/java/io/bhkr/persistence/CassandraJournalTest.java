package io.bhkr.persistence;

import com.typesafe.config.Config;
import io.bhkr.persistence.testing.JournalTestConfigs;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on Cassandra (the test JVM's own, see CassandraTestServer), in keyspaces of its
 * own that the class creates through CassandraSchema, as a node does with --cassandra-create-tables.
 */
class CassandraJournalTest extends JournalProfileContract {

  @TempDir static Path dir;
  private static PostgresTestDatabase readSide;
  private static Config config;

  @BeforeAll
  static void createJournal() {
    readSide = PostgresTestDatabase.create();
    config = JournalTestConfigs.cassandra(JournalTestConfigs.cassandraSettings(readSide, dir));
  }

  @AfterAll
  static void dropReadSide() {
    if (readSide != null) readSide.close();
  }

  @Override
  protected Config journalConfig() {
    return config;
  }
}
