package io.bhkr.cli.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.http.auth.DevelopmentAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/** {@code call} against a running node: what a person typing commands would see. */
class CallCommandIT {

  @TempDir static Path workDir;
  private static NodeProcess node;

  @BeforeAll
  static void startNode() {
    node = NodeProcess.startNode("call-node", workDir, List.of("--data-dir", workDir.resolve("data").toString()));
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.stop();
      node.close();
    }
  }

  @Test
  void getHealthPrintsHttp200AndThePrettyBody() {
    NodeProcess.Finished run = call("call-health", List.of("GET", "/health"));
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("HTTP 200"), run.output());
    assertTrue(run.output().contains("\"status\" : \"UP\""), run.output());
  }

  @Test
  void aWriteSignedAsTheOperatorIsAccepted() {
    String body = "{\"account\":\"" + DevelopmentAccounts.address(6) + "\",\"asset\":\"ETH\",\"amount\":\"7\"}";
    NodeProcess.Finished run = call("call-deposit", List.of("--as", "0", "POST", "/api/v1/dev/deposits", body));
    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("HTTP 201"), run.output());
  }

  @Test
  void anUnsignedWriteIsRefusedWithExitCode1() {
    String body = "{\"account\":\"" + DevelopmentAccounts.address(6) + "\",\"asset\":\"ETH\",\"amount\":\"7\"}";
    NodeProcess.Finished run = call("call-unsigned", List.of("POST", "/api/v1/dev/deposits", body));
    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("HTTP 401"), run.output());
  }

  @Test
  void aWriteSignedByAnotherKeyIsForbidden() {
    String key = Numeric.toHexStringWithPrefixZeroPadded(DevelopmentAccounts.credentials(7).getEcKeyPair().getPrivateKey(), 64);
    String body = "{\"account\":\"" + DevelopmentAccounts.address(6) + "\",\"asset\":\"ETH\",\"amount\":\"7\"}";
    NodeProcess.Finished run = call("call-key", List.of("--key", key,
        "POST", "/api/v1/dev/deposits", body));
    assertEquals(1, run.exitCode(), run.output());
    assertTrue(run.output().contains("HTTP 403"), run.output());
  }

  private static NodeProcess.Finished call(String name, List<String> words) {
    List<String> args = new ArrayList<>(List.of("call", "--api", node.base().toString()));
    args.addAll(words);
    return NodeProcess.runToEnd(name, args);
  }
}
