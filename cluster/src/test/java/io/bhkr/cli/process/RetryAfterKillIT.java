package io.bhkr.cli.process;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.http.client.SignedClient.Response;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's safe retry for real: a client sends a signed transfer and loses the answer; the node
 * is SIGKILLed and restarted; the client sends the identical signed request again and gets the
 * first answer, and the transfer is applied once.
 */
class RetryAfterKillIT {

  @TempDir Path workDir;
  @TempDir Path dataDir;

  @Test
  void theIdenticalRequestAfterAKillAndRestartGetsTheFirstAnswerAndActsOnce() throws Exception {
    List<String> options = List.of("--profile", "embedded", "--data-dir", dataDir.toString());
    String path = "/api/v1/accounts/" + address(REQUESTER) + "/transfers";
    String transfer = "{\"to\":\"" + address(STRANGER) + "\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(3) + "\"}}";
    // what the client keeps to retry: the body and every signed header
    Map<String, String> request = Map.of("X-Bhkr-Nonce", "transfer-" + System.nanoTime(),
        "X-Bhkr-Expires", Long.toString(System.currentTimeMillis() / 1000 + 240));
    Response first;
    try (NodeProcess node = NodeProcess.startNode("retry-first", workDir, options)) {
      DevelopmentMarket market = new DevelopmentMarket(node.base().toString(), null);
      market.deposit(REQUESTER, "BHKR", tokens(10));
      first = market.as(REQUESTER).send("POST", path, transfer, request);
      assertEquals(200, first.status(), first.body());
      node.kill(); // the answer "was lost"; the node dies at once
    }
    try (NodeProcess node = NodeProcess.startNode("retry-second", workDir, options)) {
      DevelopmentMarket market = new DevelopmentMarket(node.base().toString(), null);
      Response again = market.as(REQUESTER).send("POST", path, transfer, request);
      assertEquals(first.status(), again.status(), again.body());
      assertEquals(first.body(), again.body(), "the first answer, byte for byte");
      DevelopmentMarket.await("the transfer arrives", () -> market.balances(STRANGER).get("BHKR").asText().equals(tokens(3)));
      Response third = market.as(REQUESTER).send("POST", path, transfer, request);
      assertEquals(first.body(), third.body());
      assertEquals(tokens(3), market.balances(STRANGER).get("BHKR").asText(), "applied once");
      assertEquals(tokens(7), market.balances(REQUESTER).get("BHKR").asText(), "debited once");
    }
  }
}
