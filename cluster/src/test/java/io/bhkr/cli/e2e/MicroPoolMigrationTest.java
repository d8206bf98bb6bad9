package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_2;
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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MIGRATE_MICROPOOL through the API: the stakers of one pool move to another by vote, losing nothing. */
class MicroPoolMigrationTest {

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void stakersMoveToAnotherPoolByVote(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(P1, "ETH", tokens(10));
      for (int who : new int[] {REQUESTER, STRANGER}) {
        market.deposit(who, "ETH", tokens(10));
        market.deposit(who, "BHKR", tokens(100));
      }
      // at 620 P1's linear k is 8 ETH (economics 6); governance sets it to 2 ETH so both pools can open
      String k = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals", """
          {"kind":"SET_PROVIDER_K","providerId":"%s","k":{"asset":"ETH","amount":"%s"}}""".formatted(address(P1), tokens(2))))
          .get("proposalId").asText();
      expect(200, market.as(GOVERNOR_1).post("/api/v1/governance/proposals/" + k + "/votes", "{\"vote\":\"YES\"}"));
      expect(200, market.as(GOVERNOR_2).post("/api/v1/governance/proposals/" + k + "/votes", "{\"vote\":\"YES\"}"));
      DevelopmentMarket.await("k set", () -> market.get("/api/v1/providers/" + address(P1)).get("k").get("amount").asText().equals(tokens(2)));
      String old = open(market, 4), next = open(market, 2);
      expect(200, market.as(REQUESTER).post(old + "/stakes", eth(4)));
      expect(200, market.as(STRANGER).post(next + "/stakes", eth(3)));

      String id = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
          "{\"kind\":\"MIGRATE_MICROPOOL\",\"poolId\":\"" + old.substring(old.lastIndexOf('/') + 1) + "\",\"toPoolId\":\""
              + next.substring(next.lastIndexOf('/') + 1) + "\"}")).get("proposalId").asText();
      expect(200, market.as(GOVERNOR_1).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));
      expect(200, market.as(GOVERNOR_2).post("/api/v1/governance/proposals/" + id + "/votes", "{\"vote\":\"YES\"}"));

      DevelopmentMarket.await("stakers moved", () -> market.get(next).get("aethOutstanding").get("amount").asText().equals(tokens(7)));
      assertEquals("MIGRATED", market.get(old).get("status").asText());
      JsonNode target = market.get(next);
      Map<String, String> stakes = new HashMap<>();
      for (JsonNode line : target.get("stakes")) stakes.put(line.get("address").asText(), line.get("amount").get("amount").asText());
      assertEquals(Map.of(address(REQUESTER), tokens(4), address(STRANGER), tokens(3)), stakes);
      assertEquals(tokens(9), target.get("total").get("amount").asText(), "k 2 and the 7 ETH of both pools' users");
      assertEquals(tokens(4), market.balances(REQUESTER).get("AETH").asText(), "the aETH stays with its holder");
      DevelopmentMarket.await("old k back", () -> market.balances(P1).get("ETH").asText().equals(tokens(8)));
    }
  }

  private static String open(DevelopmentMarket market, long k) {
    JsonNode opened = expect(201, market.as(P1).post("/api/v1/micropools", """
        {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"}}"""
        .formatted(tokens(k), System.currentTimeMillis() / 1000 + 3600, tokens(100))));
    return "/api/v1/micropools/" + opened.get("poolId").asText();
  }

  private static String eth(long whole) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(whole) + "\"}}";
  }
}
