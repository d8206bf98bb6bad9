package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conservation report of a real node through its HTTP API, after the worked example: every
 * BHKR and ETH deposited is found where the example left it (collateral, accounts, pools), nothing
 * is in flight, and the verdict is ok; after a restart the report is the same.
 */
class ConservationReportTest {

  private static final String PATH = "/api/v1/audit/conservation";

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void afterTheWorkedExampleEveryDepositIsAccountedFor(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      NodeOptions options = NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings());
      JsonNode before;
      try (Node node = Node.start(options)) {
        assertTrue(Walkthrough.run(node.baseUrl(), System.out).reproducedS1());
        before = settledReport(new DevelopmentMarket(node.baseUrl(), null));
        assertTrue(before.get("ok").asBoolean(), before::toPrettyString);
        JsonNode bhkr = before.get("assets").get("BHKR");
        // three providers deposited 10000 each, the requester 100
        assertEquals(tokens(30_100), bhkr.get("deposited").asText());
        assertEquals(tokens(30_100), bhkr.get("held").asText());
        assertEquals(tokens(30_100), bhkr.get("expected").asText());
        assertEquals("0", bhkr.get("inFlight").asText());
        assertEquals(tokens(30_000), bhkr.get("heldBy").get("collateral").asText());
        assertEquals(tokens(60 + 20), bhkr.get("heldBy").get("accounts").asText());
        assertEquals(tokens(20), bhkr.get("heldBy").get("pools").asText());
        assertEquals("0", bhkr.get("heldBy").get("escrow").asText());
        JsonNode eth = before.get("assets").get("ETH");
        assertEquals(tokens(300), eth.get("deposited").asText());
        assertEquals(tokens(240), eth.get("heldBy").get("accounts").asText());
        assertEquals(tokens(60), eth.get("heldBy").get("pools").asText());
        assertEquals(0, before.get("transfers").get("receivedTwice").asLong());
        assertEquals(0, before.get("anomalies").size());
        assertTrue(before.get("projectedUpTo").asLong() > 0);
      }
      try (Node restarted = Node.start(options)) {
        JsonNode after = settledReport(new DevelopmentMarket(restarted.baseUrl(), null));
        assertEquals(before, after, "the projection resumes from its stored offset and counts nothing twice");
      }
    }
  }

  /** Polls (bounded) until the projection has caught up with the example: everything sent was received. */
  static JsonNode settledReport(DevelopmentMarket market) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    DevelopmentMarket.await("the ledger projection to catch up", () -> {
      JsonNode r = market.get(PATH);
      last.set(r);
      JsonNode t = r.get("transfers");
      return t.get("sent").asLong() >= 12 && t.get("inFlight").asLong() == 0;
    });
    return last.get();
  }
}
