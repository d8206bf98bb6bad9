package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Sessions of the docs run as a reader would: the code blocks marked {@code <!-- session}, in
 * order, as one bash script in a folder laid out like a checkout, with the real jar. Only the
 * node's ports are changed, to free ones, so that a test never meets a node a developer left
 * running on 8080; each change is checked to have happened, so a page that no longer matches fails
 * here rather than passing untested.
 */
class DocSessionsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String E18 = "000000000000000000";

  /** README, "Try the market yourself" to "Governance and micro-pools": vectors S1 and M1 by hand. */
  @Test
  void theReadmeSessionWorksAsWritten() throws Exception {
    Session run = Session.of("README.md", "call", "audit");
    List<Answer> answers = run.answers();
    String provider = DevelopmentAccounts.address(4), requester = DevelopmentAccounts.address(7);
    long refusalsDocumented = run.script().lines().filter(l -> l.contains("# 409")).count();
    List<Answer> refused = answers.stream().filter(a -> a.status() >= 300).toList();
    JsonNode requesterAfterS1 = run.first(j -> requester.equals(j.path("address").asText()) && j.has("balances"));
    JsonNode rewardPool = run.first(j -> "reward".equals(j.path("pool").asText()));
    JsonNode microPool = run.first(j -> "COMPLETED".equals(j.path("status").asText()) && j.has("poolId"));
    Map<String, String> legs = new HashMap<>();
    microPool.path("settlement").forEach(l -> legs.merge(l.path("to").asText(), l.path("amount").asText(), (a, b) -> a + "+" + b));
    assertAll(
        () -> assertEquals(refusalsDocumented, refused.size(), "refusals other than the documented ones: " + refused + "\n" + run.output()),
        () -> assertTrue(answers.size() > 40, "too few answers: the session stopped early?\n" + run.output()),
        () -> assertTrue(run.output().contains("VERDICT: OK"), run.output()),
        // vector S1: the requester keeps 20 BHKR of FP and 240 ETH of the profit; the Reward Pool gets 10 BHKR and 30 ETH
        () -> assertEquals("20" + E18, requesterAfterS1.path("balances").path("BHKR").asText()),
        () -> assertEquals("240" + E18, requesterAfterS1.path("balances").path("ETH").asText()),
        () -> assertEquals("10" + E18, rewardPool.path("balances").path("BHKR").asText()),
        () -> assertEquals("30" + E18, rewardPool.path("balances").path("ETH").asText()),
        // vector M1: 1.6 ETH of rewards
        () -> assertEquals("160000000000000000", legs.get("pool:insurance")),
        () -> assertEquals("160000000000000000", legs.get("pool:reward")),
        () -> assertEquals("160000000000000000", legs.get(requester)),
        () -> assertEquals("400000000000000000", legs.get(DevelopmentAccounts.address(8))),
        () -> assertEquals("400000000000000000", legs.get(DevelopmentAccounts.address(9))),
        () -> assertTrue(String.valueOf(legs.get(provider)).contains("320000000000000000"), legs.toString()));
  }

  /** docs/sidecars.md, "A real audit on one machine": four anvils, four sidecars, one chain stopped. */
  @Test
  void theSidecarAuditWorksAsWritten() throws Exception {
    assertTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY + ": npm ci");
    Session run = Session.of("docs/sidecars.md", "call", "walkthrough");
    List<JsonNode> nodeThree = run.answers().stream().map(Answer::body)
        .filter(b -> b != null && "node-3".equals(b.path("nodeId").asText()) && b.has("uptimeBps")).toList();
    JsonNode provider = run.first(j -> DevelopmentAccounts.address(6).equals(j.path("providerId").asText()) && j.has("scoreInputs"));
    assertAll(
        () -> assertTrue(run.answers().stream().allMatch(a -> a.status() < 300), "a refusal:\n" + run.output()),
        () -> assertEquals(2, nodeThree.size(), run.output()),
        () -> assertEquals(10_000, nodeThree.get(0).path("uptimeBps").asInt(), "audited up while its chain runs"),
        () -> assertEquals(0, nodeThree.get(1).path("uptimeBps").asInt(), "audited down once its chain stopped"),
        // a period's audit of provider 6 may name both its nodes or, arriving in two parts, one of them
        () -> assertTrue(provider.path("scoreInputs").path("cause").asText().matches(AUDIT_CAUSE), provider.toString()),
        () -> assertTrue(Double.parseDouble(provider.path("scoreInputs").path("uptime").asText()) < 1.0, provider.toString()));
  }

  /** The cause of a score recorded after an audit of provider 6's nodes, node-2 and node-3. */
  static final String AUDIT_CAUSE = "audit period \\d+ closed: node-[23] \\d+ bp(, node-[23] \\d+ bp)?";

  /** One printed answer of {@code call}: its status and its JSON body (null if none or not JSON). */
  record Answer(int status, JsonNode body) {}

  /** A page's session, run: the script as it ran and everything it printed. */
  record Session(String script, String output) {

    /**
     * Runs the marked blocks of {@code page}, with the node on free ports and {@code --api} given
     * to the client commands named, in their own process group, which is killed afterwards: the
     * script starts the node, chains and sidecars with {@code &}, and they would outlive bash.
     */
    static Session of(String page, String... clients) throws Exception {
      Path jar = NodeProcess.jar();
      Path root = jar.getParent().getParent().getParent();
      String script = sessionBlocks(Files.readString(root.resolve(page)), page);
      int http = freePort(), management = freePort();
      String api = "http://127.0.0.1:" + http;
      script = replace(script, "127.0.0.1:8080", "127.0.0.1:" + http);
      script = replace(script, "bhkr.jar run ", "bhkr.jar run --http-port " + http + " --management-port " + management + " ");
      for (String client : clients) script = replace(script, "bhkr.jar " + client, "bhkr.jar " + client + " --api " + api);

      Path work = Files.createTempDirectory("bhkr-doc-session-");
      Files.createDirectories(work.resolve("cluster/target"));
      Files.createSymbolicLink(work.resolve("cluster/target/bhkr.jar"), jar);
      Files.createDirectories(work.resolve("node_modules/@foundry-rs"));
      Files.createSymbolicLink(work.resolve("node_modules/@foundry-rs/anvil-linux-amd64"),
          root.resolve("node_modules/@foundry-rs/anvil-linux-amd64"));
      Files.writeString(work.resolve("session.sh"), script);
      Path log = NodeProcess.logFile("doc-session-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
      // setsid: bash leads a process group of its own, and everything it starts stays in it
      Process bash = new ProcessBuilder("setsid", "bash", "session.sh").directory(work.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        if (!bash.waitFor(15, TimeUnit.MINUTES)) fail(page + "'s session did not end within 15 min; output in " + log);
      } finally {
        new ProcessBuilder("kill", "-KILL", "--", "-" + bash.pid()).start().waitFor(10, TimeUnit.SECONDS);
      }
      return new Session(script, Files.readString(log));
    }

    List<Answer> answers() {
      List<Answer> answers = new ArrayList<>();
      List<String> lines = output.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).matches("HTTP \\d{3}.*")) continue;
        int status = Integer.parseInt(lines.get(i).substring(5, 8));
        StringBuilder body = new StringBuilder();
        int j = i + 1;
        if (j < lines.size() && (lines.get(j).startsWith("{") || lines.get(j).startsWith("["))) {
          String close = lines.get(j).startsWith("{") ? "}" : "]";
          for (; j < lines.size(); j++) {
            body.append(lines.get(j)).append('\n');
            if (lines.get(j).equals(close)) break;
          }
        }
        answers.add(new Answer(status, parse(body.toString())));
      }
      return answers;
    }

    JsonNode first(Predicate<JsonNode> which) {
      return answers().stream().map(Answer::body).filter(b -> b != null && which.test(b)).findFirst()
          .orElseGet(() -> fail("no such answer in the session's output:\n" + output));
    }
  }

  /** The code blocks that follow a {@code <!-- session} line, in order, joined. */
  static String sessionBlocks(String page, String name) {
    StringBuilder script = new StringBuilder();
    List<String> lines = page.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("<!-- session")) continue;
      if (!lines.get(i + 1).equals("```")) fail("a session marker not followed by a code block, " + name + " line " + (i + 1));
      for (i += 2; !lines.get(i).equals("```"); i++) script.append(lines.get(i)).append('\n');
    }
    if (script.isEmpty()) fail("no <!-- session --> blocks in " + name);
    return script.toString();
  }

  private static String replace(String script, String what, String with) {
    if (!script.contains(what)) fail("the session no longer contains '" + what + "': update DocSessionsIT");
    return script.replace(what, with);
  }

  private static JsonNode parse(String body) {
    try {
      return body.isEmpty() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
