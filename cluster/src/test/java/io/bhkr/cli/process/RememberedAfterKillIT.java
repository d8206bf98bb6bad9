package io.bhkr.cli.process;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.cli.walkthrough.DevelopmentMarket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged node keeps what sharding must restart in the journal: a project killed (SIGKILL)
 * while bidding closes by itself after the restart, on another cluster port, although nobody asks
 * it anything; only its provider is read. And the node leaves no LMDB folder in its working
 * directory. (In the fat jar, a library's reference.conf can override a module's; this catches it.)
 */
class RememberedAfterKillIT {

  @TempDir Path workDir;
  @TempDir Path dataDir;

  @Test
  void aProjectKilledWhileBiddingClosesByItselfAfterTheRestart() throws Exception {
    List<String> options = List.of("--profile", "embedded", "--data-dir", dataDir.toString());
    String projectId;
    try (NodeProcess first = NodeProcess.startNode("remembered-first", workDir, options)) {
      DevelopmentMarket market = new DevelopmentMarket(first.base().toString(), null);
      market.becomeActiveProvider(P1, 90);
      market.deposit(REQUESTER, "BHKR", tokens(100));
      projectId = market.openQ1Project();
      expect(202, market.bid(P1, projectId, tokens(60)));
      first.kill(); // well inside the 3 s bid window
    }
    try (NodeProcess second = NodeProcess.startNode("remembered-second", workDir, options)) {
      DevelopmentMarket market = new DevelopmentMarket(second.base().toString(), null);
      DevelopmentMarket.await("the award reaches the provider", () ->
          market.get("/api/v1/providers/" + address(P1)).get("runningProjects").toString().contains(projectId));
      assertEquals("RUNNING", market.get("/api/v1/projects/" + projectId).get("status").asText());
    }
    try (Stream<Path> files = Files.list(workDir)) {
      assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("ddata")).toList(),
          "no LMDB folder in the working directory");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
