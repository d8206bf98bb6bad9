package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /api/v1/governance/proposals/{id}/impact}: governors see what a SET_PARAMETER proposal
 * would have done over the last days before they vote. After the worked example (S1), rpBps 2000
 * would have given the Reward Pool 20 BHKR and 60 ETH, and the requester 10 BHKR and 210 ETH.
 */
class ProposalImpactTest {

  @ParameterizedTest
  // impact replays the journal through JDBC (replay); on Cassandra the endpoint answers 404
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void aParameterProposalShowsWhatItWouldHaveDone(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      Walkthrough.run(node.baseUrl(), System.out);
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      String id = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"SET_PARAMETER\",\"name\":\"rpBps\",\"value\":2000}")).get("proposalId").asText();

      JsonNode impact = market.get("/api/v1/governance/proposals/" + id + "/impact?days=1");
      assertEquals(1, impact.get("rerun").get("settlements").asInt(), impact.toPrettyString());
      assertRow(impact, "pool:reward", "BHKR", tokens(10), tokens(20));
      assertRow(impact, "pool:reward", "ETH", tokens(30), tokens(60));
      assertRow(impact, address(REQUESTER), "BHKR", tokens(20), tokens(10));
      assertRow(impact, address(REQUESTER), "ETH", tokens(240), tokens(210));

      String other = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"DISQUALIFY_PROVIDER\",\"providerId\":\"" + address(P1) + "\"}")).get("proposalId").asText();
      assertEquals(409, market.anonymous().get("/api/v1/governance/proposals/" + other + "/impact").status());
      assertEquals(400, market.anonymous().get("/api/v1/governance/proposals/" + id + "/impact?days=0").status());
      assertEquals(404, market.anonymous().get("/api/v1/governance/proposals/proposal-none/impact").status());
    }
  }

  private static void assertRow(JsonNode impact, String party, String asset, String recorded, String whatIf) {
    for (JsonNode row : impact.get("outcomes"))
      if (row.get("party").asText().equals(party) && row.get("asset").asText().equals(asset)) {
        assertEquals(recorded, row.get("recorded").asText(), party + " " + asset);
        assertEquals(whatIf, row.get("whatIf").asText(), party + " " + asset);
        return;
      }
    assertTrue(false, "no row for " + party + " " + asset + " in " + impact.toPrettyString());
  }
}
