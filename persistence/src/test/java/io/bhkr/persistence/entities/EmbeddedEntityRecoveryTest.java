package io.bhkr.persistence.entities;

import io.bhkr.persistence.testing.*;

import com.typesafe.config.Config;
import io.bhkr.persistence.testing.JournalTestConfigs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The entity recovery contract on the H2 file journal. */
class EmbeddedEntityRecoveryTest extends EntityRecoveryContract {

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
