package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
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
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DISQUALIFY_PROVIDER and SET_PROVIDER_K through the API (economics 6, 7, 10): a disqualified
 * provider is DISQUALIFIED for disqualifyDays and its bids are refused; a governed k replaces the
 * linear k in the middle tier, and a micro-pool opened with less ETH than k is refused.
 */
class ProviderGovernanceTest {

  private static String passed(DevelopmentMarket market, String body) {
    String id = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals", body)).get("proposalId").asText();
    expect(200, market.as(GOVERNOR_1).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
    JsonNode p = expect(200, market.as(GOVERNOR_2).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
    assertEquals("PASSED", p.get("status").asText());
    return id;
  }

  private static String pool(long ethStake) {
    return """
        {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"}}"""
        .formatted(tokens(ethStake), System.currentTimeMillis() / 1000 + 3600, tokens(100));
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void governanceDisqualifiesAProviderAndSetsAnotherOnesK(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.becomeActiveProvider(P2, 90);
      String p1 = "/api/v1/providers/" + address(P1), p2 = "/api/v1/providers/" + address(P2);

      // k: 620 is the middle tier, linear k = ceil(16 × 180 / 400) = 8 ETH; a micro-pool with less is refused
      assertEquals("STANDARD", market.get(p2).get("trustTier").asText());
      assertEquals(tokens(8), market.get(p2).get("k").get("amount").asText());
      market.deposit(P2, "ETH", tokens(10));
      JsonNode below = expect(409, market.as(P2).post("/api/v1/micropools", pool(3)));
      assertTrue(below.toString().contains("stake-below-k"), below.toString());
      expect(400, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"SET_PROVIDER_K\",\"providerId\":\"" + address(P2) + "\",\"k\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(17) + "\"}}"));
      expect(400, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"SET_PROVIDER_K\",\"providerId\":\"" + address(P2) + "\",\"k\":{\"asset\":\"BHKR\",\"amount\":\"1\"}}"));
      String kProposal = passed(market, "{\"kind\":\"SET_PROVIDER_K\",\"providerId\":\"" + address(P2)
          + "\",\"k\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(3) + "\"}}");
      assertEquals(tokens(3), market.get("/api/v1/governance/proposals/" + kProposal).get("k").get("amount").asText());
      DevelopmentMarket.await("k set", () -> market.get(p2).get("k").get("amount").asText().equals(tokens(3)));
      assertEquals(tokens(3), market.get(p2).get("governedK").get("amount").asText());
      expect(201, market.as(P2).post("/api/v1/micropools", pool(3)));

      // disqualification: 404 for a stranger, then DISQUALIFIED for 30 days and its bids refused
      expect(404, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"DISQUALIFY_PROVIDER\",\"providerId\":\"0x00000000000000000000000000000000000000aa\"}"));
      long before = System.currentTimeMillis() / 1000;
      passed(market, "{\"kind\":\"DISQUALIFY_PROVIDER\",\"providerId\":\"" + address(P1) + "\"}");
      DevelopmentMarket.await("P1 disqualified", () -> market.get(p1).get("status").asText().equals("DISQUALIFIED"));
      JsonNode disqualified = market.get(p1);
      long until = disqualified.get("disqualifiedUntil").asLong();
      assertTrue(until >= before + 30 * 86_400L && until <= System.currentTimeMillis() / 1000 + 30 * 86_400L, disqualified.toString());
      assertTrue(disqualified.get("disqualification").get("reason").asText().startsWith("governance proposal"), disqualified.toString());

      market.deposit(REQUESTER, "BHKR", tokens(200));
      String project = market.openQ1Project();
      JsonNode refused = expect(403, market.bid(P1, project, tokens(80)));
      assertTrue(refused.toString().contains("disqualified"), refused.toString());
      expect(202, market.bid(P2, project, tokens(80)));
    }
  }
}
