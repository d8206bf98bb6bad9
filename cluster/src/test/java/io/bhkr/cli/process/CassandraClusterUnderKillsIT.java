package io.bhkr.cli.process;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ClusterUnderKills} on the cassandra profile: the journal in keyspaces of its own in the
 * test Cassandra, the read side (ledger, listings, offsets) in a PostgreSQL database of its own.
 */
class CassandraClusterUnderKillsIT {

  @TempDir Path workDir;

  @Test
  void threeNodesOnCassandraLoseNothingAcrossKillsAndARollingRestart() throws Exception {
    ClusterUnderKills.run("CassandraClusterUnderKillsIT", new CassandraFaultJournal(), workDir);
  }
}
