package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.http.client.SignedClient.Response;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 part 5 through the API: a provider's nodes stay within the capacity it declared when
 * it applied (8 GHz, 32 GB RAM, 512 GB storage, 100 Mbps in the development market). A node
 * that would take the sum beyond it, in any dimension, is refused with 409 and registers nothing.
 */
class NodeCapacityTest {

  @Test
  void nodesBeyondTheDeclaredCapacityAreRefused(@TempDir Path dir) {
    try (TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      String nodes = "/api/v1/providers/" + address(P1) + "/nodes";

      refused(market.as(P1).post(nodes, registration("n-big", 1, 9, 32)));
      expect(404, market.anonymous().get("/api/v1/nodes/n-big"));

      expect(201, market.as(P1).post(nodes, registration("n-1", 2, 4, 16)));
      // the provider learns of n-1 through its NodeDeclared dispatch, sent before the 201 above
      refused(market.as(P1).post(nodes, registration("n-2", 3, 5, 8)));
      expect(404, market.anonymous().get("/api/v1/nodes/n-2"));
      expect(201, market.as(P1).post(nodes, registration("n-3", 4, 4, 16)));
      refused(market.as(P1).post(nodes, registration("n-4", 5, 0, 1)));
    }
  }

  private static String registration(String nodeId, int sidecar, int cpu, int ram) {
    return """
        {"nodeId":"%s","endpoint":"http://127.0.0.1:8545","sidecarAddress":"%s",
         "capacity":{"cpuGhz":%d,"ramGb":%d,"storageGb":256,"bandwidthMbps":50}}""".formatted(nodeId, address(20 + sidecar), cpu, ram);
  }

  private static void refused(Response r) {
    assertEquals(409, r.status(), () -> "answer was " + r.status() + " " + r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    JsonNode problem = DevelopmentMarket.body(r);
    assertEquals("https://bhkr.io/problems/over-declared-capacity", problem.get("type").asText(), r.body());
    assertTrue(problem.get("detail").asText().contains("beyond"), r.body());
  }
}
