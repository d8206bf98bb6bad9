package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: Debian's chromium driven by playwright-core (both installed by
 * {@code scripts/test}) against a real node that played the worked example. The page must show the
 * settled project and the pools' balances, update itself when a second project settles while it is
 * open, and its verify view must agree with the node's pick. Its screenshots go to
 * {@code cluster/target/screenshots}; with {@code -Dbhkr.screenshots=docs} they become the README's
 * ({@code docs/dashboard.png}, {@code docs/dashboard-verify.png}), so a test run leaves the tree clean.
 */
class DashboardBrowserTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = ROOT.resolve("cluster/src/test/js/dashboard-check.mjs");
  private static final Path SHOTS = ROOT.resolve(System.getProperty("bhkr.screenshots", "cluster/target/screenshots"));
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  @Test
  void theDashboardShowsTheMarketLiveAndItsVerifyViewAgreesWithTheNode(@TempDir Path dir) throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: scripts/test installs Debian's chromium");
    assertTrue(Files.isDirectory(ROOT.resolve("node_modules/playwright-core")), "playwright-core is missing: run npm ci (scripts/test does)");
    try (TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      Walkthrough.Outcome outcome = Walkthrough.run(node.baseUrl(), System.out);
      assertTrue(outcome.reproducedS1());

      Process browser = new ProcessBuilder("node", SCRIPT.toString(), node.baseUrl(), outcome.projectId(), SHOTS.toString())
          .directory(ROOT.toFile()).redirectErrorStream(true).start();
      List<String> output = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
          Writer in = new OutputStreamWriter(browser.getOutputStream(), StandardCharsets.UTF_8)) {
        String line = readUntil(out, output, "READY");
        assertEquals("READY", line, "the page showed the worked example: " + String.join("\n", output));

        String second = settleAnotherProject(new DevelopmentMarket(node.baseUrl(), System.out));
        in.write(second + "\n");
        in.flush();
        line = readUntil(out, output, "PASSED");
        assertEquals("PASSED", line, "the browser's checks: " + String.join("\n", output));
      } finally {
        if (!browser.waitFor(30, TimeUnit.SECONDS)) browser.destroyForcibly();
      }
      assertEquals(0, browser.exitValue(), String.join("\n", output));
      assertTrue(Files.size(SHOTS.resolve("dashboard.png")) > 10_000, "the screenshot was saved");
    }
  }

  /** Reads the script's lines (echoing them) until {@code expected} or a FAILED line or the end; returns that line. */
  private static String readUntil(BufferedReader out, List<String> output, String expected) throws Exception {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      System.out.println("[browser] " + line);
      output.add(line);
      if (line.equals(expected) || line.startsWith("FAILED")) return line;
    }
    return "the browser script ended";
  }

  /** A second Q1 project, won by P1 at 60 and completed with a 300 ETH profit: the pools double. */
  private static String settleAnotherProject(DevelopmentMarket market) {
    market.deposit(REQUESTER, "BHKR", tokens(100));
    market.deposit(P1, "ETH", tokens(300));
    String projectId = market.openQ1Project();
    DevelopmentMarket.expect(202, market.bid(P1, projectId, tokens(60)));
    market.awaitProjectStatus(projectId, "RUNNING");
    DevelopmentMarket.expect(200, market.as(P1).post("/api/v1/projects/" + projectId + "/completion",
        "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(300) + "\"}}"));
    market.awaitProjectStatus(projectId, "SETTLED");
    assertEquals(address(P1), market.get("/api/v1/projects/" + projectId).get("winner").asText());
    return projectId;
  }
}
