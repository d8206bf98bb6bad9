package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.body;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bhkr.chain.Deployment;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient.Response;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 in chain mode: no development deposits (every deposit comes from the chain); a vault
 * withdrawal and a payout retried with the same signed request get their first answer and reserve
 * once; and a chain reset under the bridge halts it visibly within a round: {@code halted} with
 * the reason in GET /api/v1/chain, and /api/v1/health DOWN.
 */
class ChainModeTruthTest {

  @Test
  void chainModeHasNoDevDepositsRetriesOnceAndHaltsOnAChainReset(@TempDir Path dir) throws Exception {
    assumeTrue(Anvil.installed(), "anvil is not installed at " + Anvil.BINARY);
    try (ChainNode chain = new ChainNode(dir); TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()), chain.config)) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      String account = address(REQUESTER);

      Response dev = market.as(OPERATOR).post("/api/v1/dev/deposits", "{\"account\":\"" + account + "\",\"asset\":\"ETH\",\"amount\":\"1\"}");
      assertEquals(404, dev.status(), "no development deposits in chain mode: " + dev.body());
      assertTrue(dev.contentType().startsWith("application/problem+json"));

      var key = DevelopmentAccounts.credentials(REQUESTER);
      CustodyVault vault = CustodyVault.load(chain.deployment.contracts().vault(), chain.eth.web3j(),
          Deployment.transactions(chain.eth, key, chain.eth.chainId()), Deployment.gas(chain.eth, chain.eth.chainId()));
      vault.depositEth(account, new BigInteger(tokens(3))).send();
      ChainNode.await("the deposit credited", () -> eth(market, "balances").equals(tokens(3)));

      // the same signed withdrawal twice: one reserve, one vault nonce, the same platform signature
      Map<String, String> once = sameRequest("withdrawal");
      String withdrawal = "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(1) + "\"}}";
      Response first = market.as(REQUESTER).send("POST", "/api/v1/accounts/" + account + "/vault-withdrawals", withdrawal, once);
      assertEquals(201, first.status(), first.body());
      Response retried = market.as(REQUESTER).send("POST", "/api/v1/accounts/" + account + "/vault-withdrawals", withdrawal, once);
      assertEquals(first.status(), retried.status());
      assertEquals(first.body(), retried.body());
      assertEquals(tokens(1), eth(market, "withdrawing"), "reserved once");

      // the same signed payout twice: one payout, counted once
      Map<String, String> payoutOnce = sameRequest("payout");
      String payout = "{\"amount\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(1) + "\"}}";
      Response paid = market.as(REQUESTER).send("POST", "/api/v1/accounts/" + account + "/payouts", payout, payoutOnce);
      assertEquals(201, paid.status(), paid.body());
      Response paidAgain = market.as(REQUESTER).send("POST", "/api/v1/accounts/" + account + "/payouts", payout, payoutOnce);
      assertEquals(paid.body(), paidAgain.body());
      assertEquals(tokens(1), eth(market, "payingOut"), "one payout, however often it was asked for");
      assertEquals(tokens(1), eth(market, "balances"));

      // the chain is reset under the bridge: its cursor is now ahead of the chain
      ChainNode.await("the bridge read a few blocks", () -> market.get("/api/v1/chain").get("cursor").get("block").asLong() >= 3);
      rpc(chain.anvil.url(), "anvil_reset");
      long reset = System.nanoTime();
      ChainNode.await("the bridge halts", () -> !market.get("/api/v1/chain").get("halted").isNull());
      assertTrue(Duration.ofNanos(System.nanoTime() - reset).toMillis() < 5_000, "halted within a round or two (200 ms each)");
      String halted = market.get("/api/v1/chain").get("halted").asText();
      assertTrue(halted.contains("reset") || halted.contains("re-orged"), halted);
      Response health = market.anonymous().get("/api/v1/health");
      assertEquals(503, health.status(), health.body());
      assertEquals("DOWN", body(health).get("status").asText());
      assertTrue(body(health).get("reason").asText().contains("halted"), health.body());
    }
  }

  /** A nonce and an expiry fixed for every send: each send is then the identical signed request. */
  private static Map<String, String> sameRequest(String what) {
    return Map.of("X-Bhkr-Nonce", what + "-" + System.nanoTime(), "X-Bhkr-Expires", Long.toString(System.currentTimeMillis() / 1000 + 120));
  }

  private static String eth(DevelopmentMarket market, String field) {
    return market.get("/api/v1/accounts/" + address(REQUESTER)).get(field).get("ETH").asText();
  }

  private static void rpc(String url, String method) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":[]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(!r.body().contains("\"error\""), r.body());
  }
}
