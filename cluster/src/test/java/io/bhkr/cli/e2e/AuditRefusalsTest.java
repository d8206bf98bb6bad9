package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.http.client.SignedClient;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/** The audit endpoints through the real API: who may heartbeat and report, and what is refused (api.md "Audits"). */
class AuditRefusalsTest {

  private static Credentials sidecar(int i) {
    return Credentials.create("0x" + "7".repeat(63) + i);
  }

  private static String report(long period, String auditor, String target, int upBps) {
    return "{\"period\":%d,\"auditorNodeId\":\"%s\",\"targetNodeId\":\"%s\",\"upBps\":%d}".formatted(period, auditor, target, upBps);
  }

  @Test
  void onlyAssignedSidecarsReportOnTheCurrentPeriod(@TempDir Path dir) {
    try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.EMBEDDED, JournalSettings.defaults(dir)))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      SignedClient[] sidecars = new SignedClient[3];
      for (int i = 0; i < 3; i++) {
        expect(201, market.as(P1).post("/api/v1/providers/" + address(P1) + "/nodes", """
            {"nodeId":"n-%d","endpoint":"http://127.0.0.1:%d","sidecarAddress":"%s",
             "capacity":{"cpuGhz":1,"ramGb":4,"storageGb":64,"bandwidthMbps":10}}""".formatted(i, 9000 + i, sidecar(i).getAddress())));
        sidecars[i] = new SignedClient(URI.create(node.baseUrl()), sidecar(i));
      }
      assertEquals("INSTALLING", market.get("/api/v1/nodes/n-0").get("status").asText());
      assertEquals(-1, market.get("/api/v1/audits/current").get("period").asLong(), "no period before two nodes heartbeat");

      expect(403, market.as(P1).post("/api/v1/nodes/n-0/heartbeats", "{\"blockNumber\":1}")); // the provider is not the sidecar
      expect(404, sidecars[0].post("/api/v1/nodes/nobody/heartbeats", "{\"blockNumber\":1}"));
      expect(400, sidecars[0].post("/api/v1/nodes/n-0/heartbeats", "{}"));
      expect(200, sidecars[0].post("/api/v1/nodes/n-0/heartbeats", "{\"blockNumber\":1}"));
      JsonNode round = expect(200, sidecars[1].post("/api/v1/nodes/n-1/heartbeats", "{\"blockNumber\":1}"));
      long period = round.get("period").asLong();
      assertEquals("[\"n-1\"]", round.get("assignments").get("n-0").toString(), "two nodes audit each other");
      assertEquals(round.get("seed"), market.get("/api/v1/audits/current").get("seed"));

      expect(200, sidecars[0].post("/api/v1/audits/reports", report(period, "n-0", "n-1", 10_000)));
      expect(403, sidecars[0].post("/api/v1/audits/reports", report(period, "n-0", "n-2", 10_000))); // not its target
      expect(403, sidecars[0].post("/api/v1/audits/reports", report(period + 1, "n-0", "n-1", 10_000))); // another period
      expect(403, sidecars[0].post("/api/v1/audits/reports", report(period - 1, "n-0", "n-1", 10_000)));
      expect(403, sidecars[1].post("/api/v1/audits/reports", report(period, "n-0", "n-1", 10_000))); // signs for another node
      expect(400, sidecars[0].post("/api/v1/audits/reports", report(period, "n-0", "n-1", 10_001)));

      JsonNode n0 = market.get("/api/v1/nodes/n-0");
      assertEquals("RUNNING", n0.get("status").asText());
      assertEquals("[\"n-1\"]", n0.get("auditors").toString());
      assertEquals("[\"n-1\"]", n0.get("auditTargets").toString());
      assertEquals(true, n0.get("uptimeBps").isNull(), "no period closed yet");
      JsonNode provider = market.get("/api/v1/providers/" + address(P1));
      assertEquals(620, provider.get("score").asInt());
      assertEquals("STANDARD", provider.get("trustTier").asText());
      assertEquals(DevelopmentMarket.tokens(8), provider.get("k").get("amount").asText()); // 16 × (800 − 620) / 400 = 7.2 → 8 ETH
    }
  }
}
