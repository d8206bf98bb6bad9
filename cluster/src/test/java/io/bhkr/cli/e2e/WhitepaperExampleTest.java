package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P3;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import java.util.LinkedHashMap;
import java.util.Map;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whitepaper's worked example (3.5; economics vector S1) through the real HTTP API of a real
 * node, played by the README's walkthrough: FP 100, bids 60/70/75, profit 300 → provider 60,
 * Reward Pool 10 BHKR + 30 ETH, Insurance Pool 10 BHKR + 30 ETH, requester 20 BHKR + 240 ETH.
 * Then the node restarts on the same journal and every balance and the project read as before.
 * Each journal profile runs every test.
 */
class WhitepaperExampleTest {

  private static NodeOptions options(TestJournal journal) {
    return NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings());
  }

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void theWorkedExampleSettlesToTheBaseUnitAndSurvivesARestart(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      theWorkedExampleSettlesToTheBaseUnitAndSurvivesARestart(options(journal));
    }
  }

  private static void theWorkedExampleSettlesToTheBaseUnitAndSurvivesARestart(NodeOptions options) {
    Map<String, JsonNode> before;
    try (Node node = Node.start(options)) {
      Walkthrough.Outcome outcome = Walkthrough.run(node.baseUrl(), System.out);
      assertTrue(outcome.reproducedS1(), "the walkthrough reports S1");
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      assertS1(market);
      JsonNode project = market.get("/api/v1/projects/" + outcome.projectId());
      assertEquals("SETTLED", project.get("status").asText());
      assertEquals(address(P1), project.get("winner").asText());
      assertEquals(3, project.get("auction").get("admissible").size());
      assertEquals(7, project.get("settlement").size());
      before = everything(market, outcome.projectId());
    }
    try (Node restarted = Node.start(options)) {
      DevelopmentMarket market = new DevelopmentMarket(restarted.baseUrl(), null);
      assertS1(market);
      assertEquals(before, everything(market, before.get("project").get("projectId").asText()));
    }
  }

  /**
   * A project whose node stops while it is bidding closes by itself after the restart, although
   * nobody asks it anything: sharding remembers it, and it re-arms its close timer on recovery.
   * Only the provider is read, which learns of the award from the project.
   */
  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void anAuctionClosesByItselfAfterTheNodeRestartsDuringBidding(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir)) {
      anAuctionClosesByItselfAfterTheNodeRestartsDuringBidding(options(journal));
    }
  }

  private static void anAuctionClosesByItselfAfterTheNodeRestartsDuringBidding(NodeOptions options) {
    Config tenSecondWindow = ConfigFactory.parseString("bhkr.development-bid-window-seconds = 10");
    String projectId;
    try (Node node = Node.start(options, tenSecondWindow)) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(REQUESTER, "BHKR", tokens(100));
      projectId = market.openQ1Project();
      DevelopmentMarket.expect(202, market.bid(P1, projectId, tokens(60)));
      assertEquals(0, market.get("/api/v1/providers/" + address(P1)).get("runningProjects").size());
    }
    try (Node restarted = Node.start(options, tenSecondWindow)) {
      DevelopmentMarket market = new DevelopmentMarket(restarted.baseUrl(), null);
      DevelopmentMarket.await("the award reaches the provider", () ->
          market.get("/api/v1/providers/" + address(P1)).get("runningProjects").toString().contains(projectId));
      assertEquals("RUNNING", market.get("/api/v1/projects/" + projectId).get("status").asText());
    }
  }

  /** Checked here independently of the walkthrough's own check. */
  private static void assertS1(DevelopmentMarket market) {
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

  private static Map<String, JsonNode> everything(DevelopmentMarket market, String projectId) {
    Map<String, JsonNode> all = new LinkedHashMap<>();
    for (int account : new int[] {OPERATOR, P1, P2, P3, REQUESTER})
      all.put("account " + account, market.get("/api/v1/accounts/" + address(account)));
    // the three providers, once the listing has them all (at once on H2 and PostgreSQL, within seconds on Cassandra)
    DevelopmentMarket.await("the providers listed", () -> market.get("/api/v1/providers").size() == 3);
    all.put("providers", market.get("/api/v1/providers"));
    all.put("reward", market.get("/api/v1/pools/reward"));
    all.put("insurance", market.get("/api/v1/pools/insurance"));
    all.put("project", market.get("/api/v1/projects/" + projectId));
    return all;
  }
}
