package io.bhkr.persistence.entities;


import com.typesafe.config.Config;
import io.bhkr.persistence.testing.JournalTestConfigs;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The entity recovery contract on PostgreSQL, in a database of its own that is dropped afterwards. */
class PostgresEntityRecoveryTest extends EntityRecoveryContract {

  private static PostgresTestDatabase db;
  private static Config config;

  @BeforeAll
  static void createJournal() {
    db = PostgresTestDatabase.create();
    config = JournalTestConfigs.postgres(db);
  }

  @AfterAll
  static void dropJournal() {
    if (db != null) db.close();
  }

  @Override
  protected Config journalConfig() {
    return config;
  }
}
