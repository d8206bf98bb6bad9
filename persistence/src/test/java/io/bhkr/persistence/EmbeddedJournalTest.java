package io.bhkr.persistence;

import com.typesafe.config.Config;
import io.bhkr.persistence.testing.JournalTestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the H2 file journal. */
class EmbeddedJournalTest extends JournalProfileContract {

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
}
