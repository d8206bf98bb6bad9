package io.bhkr.cli.e2e;

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
 * Vector M1 through the real API: provider k 8 ETH, A 4, B 10, C 10 ETH at FP 100 BHKR; fees
 * 12.5 / 31.25 / 31.25 BHKR (10 % to the Reward Pool); rewards 1.6 ETH split 0.16 Insurance,
 * 0.16 Reward, A 0.16, B 0.4, C 0.4, provider 0.32. Around it: a withdrawal before activation
 * (aETH burned), a 409 after, an aETH transfer, and redemption of the principal by the holders.
 */
class MicroPoolsTest {

  private static final int A = REQUESTER, B = 9, C = 10, D = STRANGER, HOLDER = 11;

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void vectorM1ThroughTheApi(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(P1, "ETH", tokens(10));
      for (int[] who : new int[][] {{A, 4}, {B, 10}, {C, 10}, {D, 2}}) {
        market.deposit(who[0], "ETH", tokens(who[1]));
        market.deposit(who[0], "BHKR", tokens(100));
      }

      long endsAt = System.currentTimeMillis() / 1000 + 3600;
      JsonNode opened = expect(201, market.as(P1).post("/api/v1/micropools", """
          {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"}}"""
          .formatted(tokens(8), endsAt, tokens(100))));
      assertEquals("OPEN", opened.get("status").asText());
      String pool = "/api/v1/micropools/" + opened.get("poolId").asText();

      // D stakes 2 ETH (fee 6.25 BHKR) and withdraws it before activation: aETH burned, ETH back, the fee stays paid
      stake(market, pool, D, 2);
      assertEquals(tokens(2), market.balances(D).get("AETH").asText());
      expect(200, market.as(D).post(pool + "/withdrawals", eth(2)));
      DevelopmentMarket.await("D's ETH back", () -> market.balances(D).get("ETH").asText().equals(tokens(2)));
      assertEquals("0", market.balances(D).get("AETH").asText());

      stake(market, pool, A, 4);
      stake(market, pool, B, 10);
      JsonNode active = stake(market, pool, C, 10);
      assertEquals("ACTIVE", active.get("status").asText());
      assertEquals(tokens(32), active.get("total").get("amount").asText());
      Map<String, String> fees = new HashMap<>();
      for (JsonNode line : active.get("stakes")) fees.put(line.get("address").asText(), line.get("fee").get("amount").asText());
      assertEquals(Map.of(address(A), "12500000000000000000", address(B), "31250000000000000000", address(C), "31250000000000000000",
          address(D), "6250000000000000000"), fees);
      assertEquals("87500000000000000000", market.balances(A).get("BHKR").asText(), "A paid 12.5 BHKR");
      expect(409, market.as(A).post(pool + "/withdrawals", eth(1)));

      // B passes 5 aETH on; whoever holds it at completion redeems the principal
      expect(200, market.as(B).post("/api/v1/accounts/" + address(B) + "/transfers",
          "{\"to\":\"" + address(HOLDER) + "\",\"amount\":{\"asset\":\"AETH\",\"amount\":\"" + tokens(5) + "\"}}"));
      DevelopmentMarket.await("aETH transferred", () -> market.balances(HOLDER).get("AETH").asText().equals(tokens(5)));

      JsonNode done = expect(200, market.as(P1).post(pool + "/completion",
          "{\"rewards\":{\"asset\":\"ETH\",\"amount\":\"1600000000000000000\"}}"));
      assertEquals("COMPLETED", done.get("status").asText());
      Map<String, String> legs = new HashMap<>();
      for (JsonNode leg : done.get("settlement")) legs.put(leg.get("to").asText() + " " + leg.get("reason").asText(), leg.get("amount").asText());
      assertEquals(Map.of("pool:insurance insurance", "160000000000000000", "pool:reward reward", "160000000000000000",
          address(A) + " staker", "160000000000000000", address(B) + " staker", "400000000000000000",
          address(C) + " staker", "400000000000000000", address(P1) + " staker", "320000000000000000",
          address(P1) + " principal", tokens(8)), legs);

      expect(200, market.as(HOLDER).post(pool + "/withdrawals", eth(5)));
      expect(200, market.as(A).post(pool + "/withdrawals", eth(4)));
      DevelopmentMarket.await("principal redeemed", () -> market.balances(HOLDER).get("ETH").asText().equals(tokens(5))
          && market.balances(A).get("ETH").asText().equals("4160000000000000000"));
      assertEquals("0", market.balances(A).get("AETH").asText());
      DevelopmentMarket.await("pools credited", () ->
          market.get("/api/v1/pools/insurance").get("balances").get("ETH").asText().equals("160000000000000000"));
      assertEquals("160000000000000000", market.get("/api/v1/pools/reward").get("balances").get("ETH").asText());
      // fees: 10 % of 75 + 6.25 BHKR to the Reward Pool, 90 % to the provider
      assertEquals("8125000000000000000", market.get("/api/v1/pools/reward").get("balances").get("BHKR").asText());
      // 10 deposited − k 8 − rewards 1.6 + share 0.32 + k 8 back
      DevelopmentMarket.await("provider paid", () -> market.balances(P1).get("ETH").asText().equals("8720000000000000000"));
      assertEquals(new BigInteger("73125000000000000000"), new BigInteger(market.balances(P1).get("BHKR").asText()));
      assertEquals(tokens(15), market.get(pool).get("aethOutstanding").get("amount").asText(), "B 5 and C 10 still to redeem");
    }
  }

  private static String eth(long whole) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(whole) + "\"}}";
  }

  private static JsonNode stake(DevelopmentMarket market, String pool, int who, long ether) {
    return expect(200, market.as(who).post(pool + "/stakes", eth(ether)));
  }
}
