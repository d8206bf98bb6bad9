package io.bhkr.persistence.journal;

import com.typesafe.config.Config;
import io.bhkr.persistence.JournalSettings;
import io.bhkr.persistence.testing.JournalTestConfigs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The batched DAO on the H2 file journal, which the embedded profile writes through too. */
class EmbeddedBatchedJournalDaoTest extends BatchedJournalDaoContract {

  @TempDir static Path dataDir;
  private static Config config;

  @BeforeAll
  static void createJournal() {
    config = JournalTestConfigs.embedded(dataDir);
  }

  @Override
  protected Config journalConfig() {
    return config;
  }

  @Override
  protected Connection connect() throws SQLException {
    return DriverManager.getConnection(JournalSettings.defaults(dataDir).h2Url(), "sa", "");
  }
}
