package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * A provider whose node its auditors report down scores under disqualifyScore (economics 7, 8):
 * U = 0 leaves 1000 × (0.2 × 0.1 + 0.2) = 220 at pMin, so its bids are refused; another provider's are not.
 */
class AuditedScoreBidsTest {

  private static final long PERIOD_SECONDS = 2;

  private static Credentials sidecar(int i) {
    return Credentials.create("0x" + "9".repeat(63) + i);
  }

  @Test
  void aProviderAuditedDownCannotBid(@TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()),
            ConfigFactory.parseString("bhkr.development-audit-period-seconds = " + PERIOD_SECONDS))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      int[] providers = {P1, P2};
      SignedClient[] sidecars = new SignedClient[2];
      for (int i = 0; i < 2; i++) {
        market.becomeActiveProvider(providers[i], 90);
        expect(201, market.as(providers[i]).post("/api/v1/providers/" + address(providers[i]) + "/nodes", """
            {"nodeId":"n-%d","endpoint":"http://127.0.0.1:%d","sidecarAddress":"%s",
             "capacity":{"cpuGhz":1,"ramGb":4,"storageGb":64,"bandwidthMbps":10}}""".formatted(i, 9000 + i, sidecar(i).getAddress())));
        sidecars[i] = new SignedClient(URI.create(node.baseUrl()), sidecar(i));
      }
      // Both heartbeat until a period holds both; then n-1 reports n-0 down (and n-0 reports n-1 up) in that period.
      DevelopmentMarket.await("a period with both nodes", () -> {
        expect(200, sidecars[0].post("/api/v1/nodes/n-0/heartbeats", "{\"blockNumber\":1}"));
        JsonNode round = expect(200, sidecars[1].post("/api/v1/nodes/n-1/heartbeats", "{\"blockNumber\":1}"));
        if (!round.get("assignments").has("n-0") || !round.get("assignments").has("n-1")) return false;
        long period = round.get("period").asLong();
        return sidecars[1].post("/api/v1/audits/reports", report(period, "n-1", "n-0", 0)).status() == 200
            && sidecars[0].post("/api/v1/audits/reports", report(period, "n-0", "n-1", 10_000)).status() == 200;
      });
      DevelopmentMarket.await("the period closed", () -> {
        market.get("/api/v1/audits/current"); // the first request of the next period closes this one
        return !market.get("/api/v1/nodes/n-0").get("uptimeBps").isNull();
      });
      // the audit round tells the provider through its outbox; the provider records the score and the disqualification
      DevelopmentMarket.await("the score recorded", () -> market.get("/api/v1/providers/" + address(P1)).get("score").asInt() < 300);
      JsonNode down = market.get("/api/v1/providers/" + address(P1));
      assertEquals(0, market.get("/api/v1/nodes/n-0").get("uptimeBps").asInt());
      assertEquals("DISQUALIFIED", down.get("status").asText(), down.toString());
      assertEquals(true, down.get("disqualification").get("reason").asText().contains("disqualifyScore"), down.toString());
      assertEquals(true, down.get("scoreInputs").get("cause").asText().contains("audit period"), down.toString());
      assertEquals("UNTRUSTED", down.get("trustTier").asText());
      assertEquals(tokens(16), down.get("k").get("amount").asText());

      market.deposit(REQUESTER, "BHKR", tokens(200));
      String project = market.openQ1Project();
      JsonNode refused = expect(403, market.bid(P1, project, tokens(80)));
      assertEquals(true, refused.toString().contains("disqualified"), refused.toString());
      expect(202, market.bid(P2, project, tokens(80))); // sealed
    }
  }

  private static String report(long period, String auditor, String target, int upBps) {
    return "{\"period\":%d,\"auditorNodeId\":\"%s\",\"targetNodeId\":\"%s\",\"upBps\":%d}".formatted(period, auditor, target, upBps);
  }
}
