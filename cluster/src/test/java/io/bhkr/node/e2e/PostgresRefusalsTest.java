package io.bhkr.node.e2e;

import io.bhkr.node.NodeOptions;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Refusals on the postgres profile, in a database of its own that is dropped afterwards. */
class PostgresRefusalsTest extends RefusalsContract {

  @TempDir Path dataDir;
  private final PostgresTestDatabase database = PostgresTestDatabase.create();

  @Override
  NodeOptions options() {
    return NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.POSTGRES, database.settings(dataDir));
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }
}
