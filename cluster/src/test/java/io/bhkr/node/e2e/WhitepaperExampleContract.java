package io.bhkr.node.e2e;

import static io.bhkr.node.e2e.Participants.P1;
import static io.bhkr.node.e2e.Participants.P2;
import static io.bhkr.node.e2e.Participants.P3;
import static io.bhkr.node.e2e.Participants.REQUESTER;
import static io.bhkr.node.e2e.Participants.address;
import static io.bhkr.node.e2e.Participants.expect;
import static io.bhkr.node.e2e.Participants.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.node.Node;
import io.bhkr.node.NodeOptions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whitepaper's worked example (3.5; economics vector S1) through the real HTTP API of a real
 * node: FP 100, bids 60/70/75, profit 300 → provider 60, Reward Pool 10 BHKR + 30 ETH, Insurance
 * Pool 10 BHKR + 30 ETH, requester 20 BHKR + 240 ETH. Then the node restarts on the same journal
 * and every balance is where it was. Each journal profile runs this contract.
 */
abstract class WhitepaperExampleContract {

  /** Options for a node on a fresh journal of this profile; called again to restart on the same journal. */
  abstract NodeOptions options();

  @Test
  void theWorkedExampleSettlesToTheBaseUnitAndSurvivesARestart() {
    String projectId;
    Map<String, JsonNode> before = new HashMap<>();
    try (Node node = Node.start(options())) {
      Participants market = new Participants(node.baseUrl());
      for (int p : new int[] {P1, P2, P3}) market.becomeActiveProvider(p, 90);
      market.deposit(REQUESTER, "BHKR", tokens(100));
      market.deposit(P1, "ETH", tokens(300)); // the validator's rewards, reported at completion

      projectId = market.openQ1Project();
      assertEquals(tokens(0), market.balances(REQUESTER).get("BHKR").asText(), "FP moved into escrow");
      expect(202, market.bid(P1, projectId, tokens(60)));
      expect(202, market.bid(P2, projectId, tokens(70)));
      expect(202, market.bid(P3, projectId, tokens(75)));
      JsonNode running = market.awaitProjectStatus(projectId, "RUNNING");
      assertEquals(address(P1), running.get("winner").asText());
      assertEquals(tokens(60), running.get("price").get("amount").asText());
      assertEquals(3, running.get("auction").get("admissible").size());

      JsonNode settled = expect(200, market.as(P1).post("/api/v1/projects/" + projectId + "/completion",
          "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(300) + "\"}}"));
      assertEquals("SETTLED", settled.get("status").asText());
      assertEquals(7, settled.get("settlement").size());

      market.await("every settlement leg credited", () ->
          market.balances(REQUESTER).get("ETH").asText().equals(tokens(240))
              && market.get("/api/v1/pools/insurance").get("balances").get("ETH").asText().equals(tokens(30)));
      assertS1(market);
      before.put("project", market.get("/api/v1/projects/" + projectId));
    }

    try (Node restarted = Node.start(options())) {
      Participants market = new Participants(restarted.baseUrl());
      assertS1(market);
      assertEquals(before.get("project"), market.get("/api/v1/projects/" + projectId));
      assertEquals("ACTIVE", market.get("/api/v1/providers/" + address(P2)).get("status").asText());
    }
  }

  private static void assertS1(Participants market) {
    assertEquals(tokens(60), market.balances(P1).get("BHKR").asText(), "provider: the auction price");
    assertEquals(tokens(0), market.balances(P1).get("ETH").asText(), "provider: paid its profit into escrow");
    assertEquals(tokens(20), market.balances(REQUESTER).get("BHKR").asText(), "requester: FP less price and pools");
    assertEquals(tokens(240), market.balances(REQUESTER).get("ETH").asText(), "requester: profit less pools");
    for (String pool : new String[] {"reward", "insurance"}) {
      JsonNode balances = market.get("/api/v1/pools/" + pool).get("balances");
      assertEquals(tokens(10), balances.get("BHKR").asText(), pool + " pool: 10 % of FP");
      assertEquals(tokens(30), balances.get("ETH").asText(), pool + " pool: 10 % of the profit");
    }
  }
}
