package io.bhkr.cli.process;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P3;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.JournalSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * Issue 4 for real: four anvil chains are four providers' nodes, four {@code bhkr.jar sidecar}
 * processes audit each other through a BHKR node. P1 wins a project, which runs on its only node;
 * that node's anvil is stopped, and its audited uptime, its provider's recorded score and the
 * project's service failure (economics 7, vector P2: FP refunded, compensation from collateral) follow.
 */
class SidecarAuditIT {

  private static final long PERIOD_SECONDS = 4;
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int[] PROVIDERS = {P1, P2, P3, P3};

  private static String sidecarKey(int i) {
    return "0x" + "5".repeat(63) + i;
  }

  @Test
  void aStoppedNodeIsAuditedDownAndItsProviderScoresLess(@TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY + " (npm package @foundry-rs/anvil-linux-amd64@1.7.1)");
    List<Anvil> anvils = new ArrayList<>();
    List<Process> sidecars = new ArrayList<>();
    try (Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(JournalProfile.EMBEDDED, JournalSettings.defaults(dir)),
        ConfigFactory.parseString("bhkr.development-audit-period-seconds = " + PERIOD_SECONDS))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      market.becomeActiveProvider(P2, 90);
      market.becomeActiveProvider(P3, 90);
      // provider 3 runs two of the four nodes: each takes half its declared capacity (the node cap)
      for (int i = 0; i < 4; i++) {
        Anvil anvil = Anvil.start();
        anvils.add(anvil);
        String sidecar = Credentials.create(sidecarKey(i)).getAddress();
        expect(201, market.as(PROVIDERS[i]).post("/api/v1/providers/" + address(PROVIDERS[i]) + "/nodes", """
            {"nodeId":"n-%d","endpoint":"%s","sidecarAddress":"%s",
             "capacity":{"cpuGhz":4,"ramGb":16,"storageGb":256,"bandwidthMbps":10}}""".formatted(i, anvil.url(), sidecar)));
      }
      for (int i = 0; i < 4; i++)
        sidecars.add(NodeProcess.launch(List.of("sidecar", "--node-id", "n-" + i, "--key", sidecarKey(i), "--api", node.baseUrl(),
            "--interval-ms", "400", "--stall-seconds", "3", "--allow-private-targets"), dir, NodeProcess.logFile("sidecar-n-" + i)));

      await("every node audited up", () -> {
        for (int i = 0; i < 4; i++) {
          JsonNode n = market.get("/api/v1/nodes/n-" + i);
          if (n.get("uptimeBps").isNull() || n.get("uptimeBps").asInt() < 9_500) return false;
        }
        return true;
      });
      JsonNode running = market.get("/api/v1/nodes/n-0");
      assertEquals("RUNNING", running.get("status").asText());
      assertEquals(3, running.get("auditors").size(), "k = 3 auditors among 4 nodes");
      JsonNode round = market.get("/api/v1/audits/current");
      round.get("assignments").fields().forEachRemaining(e -> assertFalse(
          e.getValue().toString().contains("\"" + e.getKey() + "\""), "nobody audits itself"));

      // P1 wins a project; it runs on P1's only running node, n-0
      market.deposit(REQUESTER, "BHKR", tokens(200));
      String project = market.openQ1Project();
      expect(202, market.bid(P1, project, tokens(80)));
      market.awaitProjectStatus(project, "RUNNING");
      await("the project placed on n-0", () -> project.equals(market.get("/api/v1/nodes/n-0").path("project").asText()));
      assertEquals(tokens(100), market.balances(REQUESTER).get("BHKR").asText(), "FP 100 BHKR is in escrow");

      anvils.get(0).close(); // P1's only node stops serving

      await("n-0 audited down", () -> {
        JsonNode n = market.get("/api/v1/nodes/n-0");
        return !n.get("uptimeBps").isNull() && n.get("uptimeBps").asInt() < 9_500;
      });
      await("n-0 stopped", () -> market.get("/api/v1/nodes/n-0").get("status").asText().equals("STOPPED"));
      await("the project failed by its audits", () -> market.get("/api/v1/projects/" + project).get("status").asText().equals("FAILED"));
      JsonNode failed = market.get("/api/v1/projects/" + project);
      assertTrue(failed.get("failure").get("reason").asText().contains("below slaUptimeBps 9500"), failed.toString());
      BigInteger compensation = new BigInteger(failed.get("failure").get("compensation").get("amount").asText());
      assertTrue(compensation.signum() > 0, failed.toString());
      BigInteger fp = new BigInteger(tokens(100));
      await("FP refunded and the compensation paid", () ->
          new BigInteger(market.balances(REQUESTER).get("BHKR").asText()).equals(fp.add(fp).add(compensation)));
      await("the failure recorded on P1", () ->
          market.get("/api/v1/providers/" + address(P1)).get("scoreInputs").get("failures").asInt() == 1);
      JsonNode p1 = market.get("/api/v1/providers/" + address(P1));
      JsonNode p2 = market.get("/api/v1/providers/" + address(P2));
      assertEquals(new BigInteger(tokens(10_000)).subtract(compensation).toString(), p1.get("collateral").get("amount").asText(),
          "the compensation came out of P1's collateral");
      assertEquals(100, p1.get("scoreInputs").get("penalties").asInt(), p1.toString());
      assertEquals(project, p1.get("scoreInputs").get("failedProjects").get(0).get("projectId").asText());
      assertEquals(project, market.get("/api/v1/nodes/n-0").get("lastProject").asText());
      assertFalse(market.get("/api/v1/nodes/n-0").get("projectFinishedAt").isNull(), "the node knows the project is over");
      assertTrue(new BigDecimal(p1.get("scoreInputs").get("uptime").asText()).compareTo(BigDecimal.ONE) < 0, p1.toString());
      assertFalse(p1.get("scoreInputs").get("auditedPeriods").isEmpty());
      assertTrue(p1.get("score").asLong() < p2.get("score").asLong(), "P1 " + p1.get("score") + " < P2 " + p2.get("score"));
      assertEquals("1.000000", p2.get("scoreInputs").get("uptime").asText(), p2.toString());
    } finally {
      for (Process p : sidecars) {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
      }
      anvils.forEach(Anvil::close);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      try {
        Thread.sleep(200); // the pause of a poll bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
