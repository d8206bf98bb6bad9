package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import io.bhkr.replay.JournalSource;
import io.bhkr.replay.Replay;
import io.bhkr.replay.Verification;
import io.bhkr.replay.export.Export;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} on a Cassandra journal: after the whitepaper walkthrough on a node whose journal is
 * in Cassandra, verify re-derives every decision from the keyspace (ordered by write time) and
 * the conservation audit balances, and export writes the one auction and settlement it holds.
 */
class ReplayOnCassandraTest {

  @Test
  void theWalkthroughsJournalVerifiesAndExportsFromCassandra(@TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(JournalProfile.CASSANDRA, dir)) {
      try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
        assertTrue(Walkthrough.run(node.baseUrl(), System.out).reproducedS1(), "the walkthrough reports S1");
      }
      JournalSource source = new JournalSource(JournalProfile.CASSANDRA, journal.settings());
      Verification v = Replay.verify(source, null);
      assertTrue(v.ok(), ReplayVerifyTest.printed(v));
      assertEquals(1L, v.checked().get("auction"), ReplayVerifyTest.printed(v));
      assertEquals(1L, v.checked().get("settlement"), ReplayVerifyTest.printed(v));
      assertEquals(source.count(), v.events());
      Map<String, Long> rows = Export.run(source, dir.resolve("export"), EnumSet.of(Export.Format.PARQUET), null);
      assertEquals(1L, rows.get("auctions"));
      assertEquals(1L, rows.get("settlements"));
      assertEquals(7L, rows.get("settlement_legs"));
    }
  }
}
