package io.bhkr.cli.process;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClusterUnderKills} on the postgres profile: journal and read side in one PostgreSQL database. */
class ClusterUnderKillsIT {

  @TempDir Path workDir;

  @Test
  void threeNodesLoseNothingAcrossKillsAndARollingRestart() throws Exception {
    ClusterUnderKills.run("ClusterUnderKillsIT", new PostgresFaultJournal(), workDir);
  }
}
