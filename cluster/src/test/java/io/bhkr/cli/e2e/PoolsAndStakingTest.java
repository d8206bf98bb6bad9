package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 3 through the real API: a project settles into the pools, an account stakes on a node's
 * sidecar and withdraws part, a governor stakes with governance, the Reward Pool distributes an
 * epoch by stake-time (the governors' share to the one governor stake), the Insurance Pool pays a slashing claim
 * and owes the rest, and a failed project refunds FP and takes the compensation from collateral.
 */
class PoolsAndStakingTest {

  private static final String STAKER_NODE = "node-4a";

  @ParameterizedTest
  @EnumSource(JournalProfile.class)
  void poolsStakesDistributionsClaimsAndFailures(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(REQUESTER, "BHKR", tokens(200));
      market.deposit(P1, "ETH", tokens(300));
      market.deposit(STRANGER, "BHKR", tokens(1000));

      String settled = runProject(market, 60);
      secondPasses();
      expect(200, market.as(P1).post("/api/v1/projects/" + settled + "/completion",
          "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(300) + "\"}}"));
      DevelopmentMarket.await("pools credited", () ->
          market.get("/api/v1/pools/reward").get("balances").get("ETH").asText().equals(tokens(30)));

      // a sidecar stake: 100 in, 30 out (forfeiting its stake-time so far), 70 staked from then on
      expect(201, market.as(P1).post("/api/v1/providers/" + address(P1) + "/nodes", """
          {"nodeId":"%s","endpoint":"http://127.0.0.1:8545","sidecarAddress":"%s",
           "capacity":{"cpuGhz":4,"ramGb":16,"storageGb":256,"bandwidthMbps":100}}""".formatted(STAKER_NODE, address(9))));
      stake(market, "stakes", 100);
      JsonNode after = stake(market, "stakes/withdrawals", 30);
      assertEquals(tokens(70), after.get("staked").get("amount").asText());
      // the staked total and the stake listing come from the listings' read side: at once on H2 and
      // PostgreSQL, within seconds on Cassandra (docs/operations.md, "Listings")
      if (profile == JournalProfile.CASSANDRA) DevelopmentMarket.await("the stake listed", () ->
          tokens(70).equals(market.get("/api/v1/accounts/" + address(STRANGER)).get("staked").get("BHKR").asText()));
      assertEquals(tokens(70), market.get("/api/v1/accounts/" + address(STRANGER)).get("staked").get("BHKR").asText());
      assertEquals(STAKER_NODE, market.get("/api/v1/accounts/" + address(STRANGER) + "/stakes").get(0).get("nodeId").asText());
      // governor 1 stakes 100 BHKR with governance: the only governor stake, so the governors' share is all its
      market.deposit(GOVERNOR_1, "BHKR", tokens(100));
      expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/candidacies",
          "{\"stake\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(100) + "\"}}"));
      secondPasses();

      // epoch 1 of 10 BHKR + 30 ETH: requester 40 %, staker 20 %, development (operator) 10 %, governor 1 30 %
      JsonNode epoch = expect(201, market.as(OPERATOR).post("/api/v1/pools/reward/distributions", "{}"));
      assertEquals(1, epoch.get("epoch").asInt());
      Map<String, String> paid = new HashMap<>();
      for (JsonNode leg : epoch.get("legs")) paid.merge(leg.get("to").asText() + " " + leg.get("asset").asText(), leg.get("amount").asText(),
          (a, b) -> new BigInteger(a).add(new BigInteger(b)).toString());
      assertEquals(Map.of(
          address(REQUESTER) + " BHKR", tokens(4), address(REQUESTER) + " ETH", tokens(12),
          address(STRANGER) + " BHKR", tokens(2), address(STRANGER) + " ETH", tokens(6),
          address(OPERATOR) + " BHKR", tokens(1), address(OPERATOR) + " ETH", tokens(3),
          address(GOVERNOR_1) + " BHKR", tokens(3), address(GOVERNOR_1) + " ETH", tokens(9)), paid);
      DevelopmentMarket.await("the pool is empty", () ->
          market.get("/api/v1/pools/reward").get("balances").get("ETH").asText().equals("0"));
      assertEquals("0", market.get("/api/v1/pools/reward").get("balances").get("BHKR").asText());
      // again: in the same second the window is already distributed (409); if a second has passed
      // (a loaded machine), the next window holds nothing to distribute
      var again = market.as(OPERATOR).post("/api/v1/pools/reward/distributions", "{}");
      if (again.status() == 201) {
        JsonNode next = DevelopmentMarket.body(again);
        assertEquals(epoch.get("windowEnd").asLong(), next.get("windowStart").asLong(), "the next window follows the last");
        assertEquals(0, next.get("legs").size(), "nothing left to distribute");
      } else {
        expect(409, again);
      }
      expect(403, market.as(STRANGER).post("/api/v1/pools/reward/distributions", "{}"));

      // a slashing claim of 40 ETH against an Insurance Pool holding 30: paid pro rata, 10 owed
      JsonNode insurance = expect(200, market.as(OPERATOR).post("/api/v1/pools/insurance/claims",
          "{\"claimId\":\"slash-1\",\"asset\":\"ETH\",\"losses\":{\"%s\":\"%s\",\"%s\":\"%s\"}}"
              .formatted(address(REQUESTER), tokens(20), address(STRANGER), tokens(20))));
      assertEquals("0", insurance.get("balances").get("ETH").asText());
      assertEquals(tokens(5), insurance.get("shortfalls").get(0).get("owed").get(address(REQUESTER)).asText());

      // a failure on day 0 of a 60-day validator: FP back, and the whole expected profit from collateral (vector P2's rule)
      String failing = runProject(market, 70);
      JsonNode failed = expect(200, market.as(OPERATOR).post("/api/v1/projects/" + failing + "/failure", "{\"reason\":\"node down\"}"));
      assertEquals("FAILED", failed.get("status").asText());
      String compensation = failed.get("failure").get("compensation").get("amount").asText();
      assertEquals("210410000000000000", compensation, "32 ETH × 4 % × 60/365 at 1 USD, rounded down to the micro-USD");
      // 200 deposited − 100 FP + 20 settled + 4 reward − 100 FP + 100 refunded, plus the compensation
      String expected = new BigInteger(tokens(124)).add(new BigInteger(compensation)).toString();
      DevelopmentMarket.await("refund and compensation arrive", () -> market.balances(REQUESTER).get("BHKR").asText().equals(expected));
      assertEquals("QUALIFIED", market.get("/api/v1/providers/" + address(P1)).get("status").asText(), "collateral now below pMin");
    }
  }

  /** A Q1 project with a single bid by P1, awaited until it runs. */
  private static String runProject(DevelopmentMarket market, long price) {
    String projectId = market.openQ1Project();
    expect(202, market.bid(P1, projectId, tokens(price)));
    market.awaitProjectStatus(projectId, "RUNNING");
    return projectId;
  }

  private static JsonNode stake(DevelopmentMarket market, String path, long tokens) {
    return expect(200, market.as(STRANGER).post("/api/v1/nodes/" + STAKER_NODE + "/" + path,
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(tokens) + "\"}}"));
  }

  /** Stake-time is counted in whole seconds: let one pass so it is not zero. */
  private static void secondPasses() {
    long now = System.currentTimeMillis() / 1000;
    DevelopmentMarket.await("the next second", () -> System.currentTimeMillis() / 1000 > now);
  }
}
