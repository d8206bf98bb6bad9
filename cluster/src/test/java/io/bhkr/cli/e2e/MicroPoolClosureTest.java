package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A micro-pool that never reaches 32 ETH by its endsAt: no more stakes, its provider closes it and everyone takes its ETH back. */
class MicroPoolClosureTest {

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void anOpenPoolPastItsEndTimeClosesAndEveryoneTakesItsEthBack(JournalProfile profile, @TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(P1, "ETH", tokens(8));
      for (int who : new int[] {REQUESTER, STRANGER}) {
        market.deposit(who, "ETH", tokens(4));
        market.deposit(who, "BHKR", tokens(100));
      }
      long endsAt = System.currentTimeMillis() / 1000 + 8; // time to stake before it, not so long the test waits
      JsonNode opened = expect(201, market.as(P1).post("/api/v1/micropools", """
          {"stake":{"asset":"ETH","amount":"%s"},"endsAt":%d,"fp":{"asset":"BHKR","amount":"%s"}}"""
          .formatted(tokens(8), endsAt, tokens(100))));
      String pool = "/api/v1/micropools/" + opened.get("poolId").asText();
      expect(200, market.as(REQUESTER).post(pool + "/stakes", eth(4)));
      expect(409, market.as(P1).post(pool + "/closure", "{}")); // pool-not-ended
      DevelopmentMarket.await("the pool's end time", () -> System.currentTimeMillis() / 1000 >= endsAt);

      expect(409, market.as(STRANGER).post(pool + "/stakes", eth(4))); // pool-ended
      expect(403, market.as(STRANGER).post(pool + "/closure", "{}"));
      JsonNode closed = expect(200, market.as(P1).post(pool + "/closure", "{}"));
      assertEquals("CLOSED", closed.get("status").asText());
      DevelopmentMarket.await("the provider's k back", () -> market.balances(P1).get("ETH").asText().equals(tokens(8)));
      expect(200, market.as(REQUESTER).post(pool + "/withdrawals", eth(4)));
      DevelopmentMarket.await("the staker's ETH back", () -> market.balances(REQUESTER).get("ETH").asText().equals(tokens(4)));
      assertEquals("0", market.balances(REQUESTER).get("AETH").asText());
      assertEquals(tokens(4), market.balances(STRANGER).get("ETH").asText(), "the late stake was never taken");
      expect(409, market.as(P1).post(pool + "/closure", "{}")); // pool-not-open: closed already
    }
  }

  private static String eth(long whole) {
    return "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(whole) + "\"}}";
  }
}
