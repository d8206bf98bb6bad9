package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
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
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Vector P1 through the real API: the Insurance Pool is funded by a first micro-pool's completion
 * (its 10 % of 240 ETH rewards), then a pool with k 8 and A 4, B 10, C 10 ETH is slashed 32 ETH.
 * The provider's k is lost, the Insurance Pool pays the stakers' 24 ETH into the pool, the
 * provider's score takes the slashing penalty, and after completion the stakers redeem their
 * principal 1:1. The conservation audit counts the 32 ETH as burned and stays ok.
 */
class MicroPoolSlashingTest {

  private static final int A = REQUESTER, B = 9, C = 10;

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void vectorP1ThroughTheApi(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(P1, "ETH", tokens(300));
      for (int[] who : new int[][] {{A, 4}, {B, 10}, {C, 10}}) {
        market.deposit(who[0], "ETH", tokens(who[1]));
        market.deposit(who[0], "BHKR", tokens(100));
      }

      // funding the Insurance Pool: a pool of the provider's own 32 ETH completes with 240 ETH rewards, 10 % to Insurance
      String funding = open(market, 32);
      expect(200, market.as(P1).post(funding + "/completion", "{\"rewards\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(240) + "\"}}"));
      DevelopmentMarket.await("Insurance funded", () -> insuranceEth(market).equals(tokens(24)));

      String pool = open(market, 8);
      for (int[] who : new int[][] {{A, 4}, {B, 10}, {C, 10}}) expect(200, market.as(who[0]).post(pool + "/stakes", eth("amount", who[1])));
      assertEquals("ACTIVE", market.get(pool).get("status").asText());
      long scoreBefore = market.get("/api/v1/providers/" + address(P1)).get("scoreInputs").get("penalties").asLong();

      // refusals change nothing: not the operator, more than the validator holds, not ETH
      expect(403, market.as(P1).post(pool + "/slashings", eth("loss", 32)));
      expect(400, market.as(OPERATOR).post(pool + "/slashings", eth("loss", 33)));
      expect(400, market.as(OPERATOR).post(pool + "/slashings", "{\"loss\":{\"asset\":\"BHKR\",\"amount\":\"1\"}}"));
      expect(400, market.as(OPERATOR).post(pool + "/slashings", "{\"loss\":{\"asset\":\"ETH\",\"amount\":\"0\"}}"));
      assertEquals(0, market.get(pool).get("slashings").size());

      JsonNode slashed = expect(200, market.as(OPERATOR).post(pool + "/slashings", eth("loss", 32)));
      JsonNode slashing = slashed.get("slashings").get(0);
      assertEquals(tokens(8), slashing.get("providerLoss").get("amount").asText(), "the provider loses its k 8");
      assertEquals(tokens(24), slashing.get("stakersLoss").get("amount").asText(), "the stakers lose 24");
      assertEquals("0", slashed.get("providerStake").get("amount").asText());
      assertEquals("0", slashed.get("validatorBalance").get("amount").asText());

      DevelopmentMarket.await("Insurance pays 24 into the pool", () -> market.get(pool).get("refunded").get("amount").asText().equals(tokens(24)));
      assertEquals("0", insuranceEth(market));
      assertEquals(0, market.get("/api/v1/pools/insurance").get("shortfalls").size());
      DevelopmentMarket.await("the provider's score takes the slashing", () ->
          market.get("/api/v1/providers/" + address(P1)).get("scoreInputs").get("slashings").asInt() == 1);
      assertEquals(scoreBefore + 300, market.get("/api/v1/providers/" + address(P1)).get("scoreInputs").get("penalties").asLong());

      expect(409, market.as(A).post(pool + "/withdrawals", eth("amount", 4)));
      JsonNode done = expect(200, market.as(P1).post(pool + "/completion", "{\"rewards\":{\"asset\":\"ETH\",\"amount\":\"2400000000000000000\"}}"));
      assertEquals("COMPLETED", done.get("status").asText());
      expect(409, market.as(OPERATOR).post(pool + "/slashings", eth("loss", 1)));
      for (int[] who : new int[][] {{A, 4}, {B, 10}, {C, 10}}) expect(200, market.as(who[0]).post(pool + "/withdrawals", eth("amount", who[1])));
      // C: 10 staked back and 0.8 of the stakers' 1.92 ETH (the provider's k, lost, has no share)
      DevelopmentMarket.await("principal redeemed 1:1", () -> market.balances(C).get("ETH").asText().equals("10800000000000000000"));
      assertEquals("0", market.get(pool).get("aethOutstanding").get("amount").asText());

      JsonNode report = settled(market);
      assertTrue(report.get("ok").asBoolean(), report::toPrettyString);
      assertEquals(tokens(32), report.get("assets").get("ETH").get("burned").asText(), "the slashed ETH left the market");
      assertEquals(tokens(300 + 24), report.get("assets").get("ETH").get("deposited").asText());
    }
  }

  private static String open(DevelopmentMarket market, long k) {
    JsonNode opened = expect(201, market.as(P1).post("/api/v1/micropools", """
        {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"}}"""
        .formatted(tokens(k), System.currentTimeMillis() / 1000 + 3600, tokens(100))));
    return "/api/v1/micropools/" + opened.get("poolId").asText();
  }

  private static String insuranceEth(DevelopmentMarket market) {
    JsonNode eth = market.get("/api/v1/pools/insurance").get("balances").get("ETH");
    return eth == null ? "0" : eth.asText();
  }

  private static String eth(String field, long whole) {
    return "{\"" + field + "\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(whole) + "\"}}";
  }

  /** The conservation report once the projection has caught up: nothing in flight. */
  private static JsonNode settled(DevelopmentMarket market) {
    java.util.concurrent.atomic.AtomicReference<JsonNode> last = new java.util.concurrent.atomic.AtomicReference<>();
    DevelopmentMarket.await("the ledger projection to catch up", () -> {
      JsonNode r = market.get("/api/v1/audit/conservation");
      last.set(r);
      return r.get("transfers").get("inFlight").asLong() == 0 && r.get("assets").has("ETH")
          && r.get("assets").get("ETH").get("burned").asText().equals(tokens(32));
    });
    return last.get();
  }
}
