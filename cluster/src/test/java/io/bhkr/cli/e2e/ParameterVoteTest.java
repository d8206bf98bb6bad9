package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SET_PARAMETER through the API: refused when invalid, in force once n + 1 governors vote yes, and kept over a restart. */
class ParameterVoteTest {

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aParameterChangesByVote(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
        DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
        expect(400, market.as(GOVERNOR_1).post("/api/v1/governance/proposals", "{\"kind\":\"SET_PARAMETER\",\"name\":\"rpBps\",\"value\":10001}"));
        expect(400, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
            "{\"kind\":\"SET_PARAMETER\",\"name\":\"rewardSplit\",\"value\":{\"governors\":3500}}"));
        expect(403, market.as(STRANGER).post("/api/v1/governance/proposals", "{\"kind\":\"SET_PARAMETER\",\"name\":\"rpBps\",\"value\":1500}"));
        JsonNode opened = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
            "{\"kind\":\"SET_PARAMETER\",\"name\":\"rpBps\",\"value\":1500}"));
        String id = opened.get("proposalId").asText();
        expect(200, market.as(GOVERNOR_1).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
        expect(200, market.as(GOVERNOR_2).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
        JsonNode proposal = market.get("/api/v1/governance/proposals/" + id);
        assertEquals("PASSED", proposal.get("status").asText());
        assertEquals("SET_PARAMETER", proposal.get("kind").asText());
        assertEquals(2, proposal.get("yes").asInt());
        assertEquals(1500, market.get("/api/v1/governance").get("parameters").get("rpBps").asInt());
      }
      try (Node again = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
        DevelopmentMarket market = new DevelopmentMarket(again.baseUrl(), null);
        DevelopmentMarket.await("governance recovered", () -> market.anonymous().get("/health").status() == 200);
        assertEquals(1500, market.get("/api/v1/governance").get("parameters").get("rpBps").asInt(), "the change is in the journal");
      }
    }
  }
}
