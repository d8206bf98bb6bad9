package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * Issue 13, chain mode in the packaged node: stopping it (SIGTERM) logs no persist failure, the
 * bridge having stopped before the journal closes; and started again against a chain reset to
 * block 0, it reports {@code halted} with a reason within a bridge round and its health is DOWN.
 */
class ChainStopIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;
  @TempDir Path dataDir;

  @Test
  void stopsCleanlyAndHaltsVisiblyOnAResetChain() throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (Anvil anvil = Anvil.start(); EthereumNode eth = EthereumNode.connect(anvil.url())) {
      Credentials bridge = DevelopmentAccounts.credentials(0);
      String key = bridge.getAddress().toLowerCase();
      Path contracts = workDir.resolve("contracts.json");
      Files.writeString(contracts, JSON.writeValueAsString(Deployment.deploy(eth, bridge, key, key)));
      List<String> options = List.of("--profile", "embedded", "--data-dir", dataDir.toString(), "--chain-rpc", anvil.url(),
          "--chain-contracts", contracts.toString(), "--chain-dev-account", "0", "--chain-confirmations", "1");

      try (NodeProcess node = NodeProcess.startNode("chain-stop-first", workDir, options)) {
        await("the bridge reads blocks", () -> cursor(node) >= 4);
        String log = node.stop();
        assertTrue(log.contains("Chain bridge stops"), "the bridge stopped in Coordinated Shutdown:\n" + log);
        for (String line : log.split("\n")) {
          // Akka's own words for a write or replay that failed; not any line naming a persistence
          // actor (a read journal's slow query under load says "akka-persistence-jdbc" and "failure")
          String l = line.toLowerCase();
          assertFalse(l.contains("failed to persist") || l.contains("rejected event") || l.contains("rejected to persist")
              || l.contains("recovery failure"), "no persist failure on stop: " + line);
        }
      }

      rpc(anvil.url(), "anvil_reset"); // the chain starts again at block 0; the journal's cursor is ahead of it
      try (NodeProcess node = NodeProcess.startListening("chain-stop-second", workDir, options)) {
        long started = System.nanoTime();
        await("the bridge halts", () -> !chain(node).path("halted").isNull());
        // a round every 2 s (the default), after the node has started
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 60, "halted within the first rounds");
        String halted = chain(node).path("halted").asText();
        assertTrue(halted.contains("behind the bridge's cursor") || halted.contains("reset") || halted.contains("re-orged"), halted);
        Response health = node.client().get("/api/v1/health");
        assertEquals(503, health.status(), health.body());
        assertEquals("DOWN", NodeProcess.json(health.body()).path("status").asText());
        assertTrue(node.output().contains("Chain bridge halted"), "a log error says so");
        node.stop();
      }
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode chain(NodeProcess node) {
    return NodeProcess.json(node.client().get("/api/v1/chain").body());
  }

  private static long cursor(NodeProcess node) {
    return chain(node).path("cursor").path("block").asLong(-1);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private static void rpc(String url, String method) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(r.body().contains("\"error\""), r.body());
  }
}
