package io.bhkr.persistence.journal;

import com.typesafe.config.Config;
import io.bhkr.persistence.testing.JournalTestConfigs;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The batched DAO on PostgreSQL, in a database of its own that is dropped afterwards. */
class PostgresBatchedJournalDaoTest extends BatchedJournalDaoContract {

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

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(db.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
  }
}
