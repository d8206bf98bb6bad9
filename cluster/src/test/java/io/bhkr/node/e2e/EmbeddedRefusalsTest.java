package io.bhkr.node.e2e;

import io.bhkr.node.NodeOptions;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Refusals on the embedded default: an H2 file journal in a data folder. */
class EmbeddedRefusalsTest extends RefusalsContract {

  @TempDir Path dataDir;

  @Override
  NodeOptions options() {
    return NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.EMBEDDED, JournalSettings.defaults(dataDir));
  }
}
