package io.bhkr.node.process;

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
 * The README's hand-played session (sections "Try the market yourself" to "Governance and
 * micro-pools") run as a reader would: every code block marked {@code <!-- session -->}, in
 * order, as one bash script, with the real jar. Only the ports are changed, to free ones, so that
 * the test never meets a node a developer left running on 8080; each change is checked to have
 * happened, so a README that no longer matches fails here rather than passing untested.
 */
class ReadmeSessionIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String E18 = "000000000000000000";

  @Test
  void theReadmeSessionWorksAsWritten() throws Exception {
    Path root = NodeProcess.jar().getParent().getParent().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String script = sessionBlocks(readme);
    int http = freePort(), management = freePort();
    String api = "http://127.0.0.1:" + http;
    script = replace(script, "java -jar cluster/target/bhkr.jar run ",
        "java -jar cluster/target/bhkr.jar run --http-port " + http + " --management-port " + management + " ");
    script = replace(script, "http://127.0.0.1:8080/", api + "/");
    script = replace(script, "bhkr.jar call ", "bhkr.jar call --api " + api + " ");
    script = replace(script, "bhkr.jar audit", "bhkr.jar audit --api " + api);

    // The reader's working folder is a checkout: cluster/target/bhkr.jar relative to it.
    Path work = Files.createTempDirectory("bhkr-readme-");
    Files.createDirectories(work.resolve("cluster/target"));
    Files.createSymbolicLink(work.resolve("cluster/target/bhkr.jar"), NodeProcess.jar());
    Path log = NodeProcess.logFile("readme-session");
    Files.writeString(work.resolve("session.sh"), script);
    Process bash = new ProcessBuilder("bash", "session.sh").directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!bash.waitFor(15, TimeUnit.MINUTES)) fail("the README session did not end within 15 min; output in " + log);
    } finally {
      bash.destroyForcibly();
      stopNodeOn(http);
    }
    String output = Files.readString(log);
    List<Answer> answers = answers(output);

    String provider = DevelopmentAccounts.address(4), requester = DevelopmentAccounts.address(7);
    long refusalsDocumented = script.lines().filter(l -> l.contains("# 409")).count();
    List<Answer> refused = answers.stream().filter(a -> a.status() >= 300).toList();
    JsonNode requesterAfterS1 = first(answers, j -> requester.equals(j.path("address").asText()) && j.has("balances"), output);
    JsonNode rewardPool = first(answers, j -> "reward".equals(j.path("pool").asText()), output);
    JsonNode microPool = first(answers, j -> "COMPLETED".equals(j.path("status").asText()) && j.has("poolId"), output);
    Map<String, String> legs = new HashMap<>();
    microPool.path("settlement").forEach(l -> legs.merge(l.path("to").asText(), l.path("amount").asText(), (a, b) -> a + "+" + b));
    assertAll(
        () -> assertEquals(refusalsDocumented, refused.size(), "refusals other than the documented ones: " + refused + "\n" + output),
        () -> assertTrue(answers.size() > 40, "too few answers: the session stopped early?\n" + output),
        () -> assertTrue(output.contains("VERDICT: OK"), output),
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

  /** One printed answer of {@code call}: its status and its JSON body (null if none or not JSON). */
  record Answer(int status, JsonNode body) {}

  /** The code blocks that follow a {@code <!-- session} line, in order, joined. */
  static String sessionBlocks(String readme) {
    StringBuilder script = new StringBuilder();
    List<String> lines = readme.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("<!-- session")) continue;
      if (!lines.get(i + 1).equals("```")) fail("a session marker not followed by a code block, README line " + (i + 1));
      for (i += 2; !lines.get(i).equals("```"); i++) script.append(lines.get(i)).append('\n');
    }
    if (script.isEmpty()) fail("no <!-- session --> blocks in README.md");
    return script.toString();
  }

  private static String replace(String script, String what, String with) {
    if (!script.contains(what)) fail("README's session no longer contains '" + what + "': update ReadmeSessionIT");
    return script.replace(what, with);
  }

  /** Each "HTTP nnn" line that call prints, with the JSON that follows it. */
  static List<Answer> answers(String output) {
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

  private static JsonNode parse(String body) {
    try {
      return body.isEmpty() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static JsonNode first(List<Answer> answers, Predicate<JsonNode> which, String output) {
    return answers.stream().map(Answer::body).filter(b -> b != null && which.test(b)).findFirst()
        .orElseGet(() -> fail("no such answer in the session's output:\n" + output));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The script's node outlives bash (it was started with &): stop it by its port. */
  private static void stopNodeOn(int port) {
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("bhkr.jar run --http-port " + port + " ")).orElse(false))
        .forEach(ProcessHandle::destroyForcibly);
  }
}
