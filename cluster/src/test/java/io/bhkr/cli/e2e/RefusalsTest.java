package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.auth.PersonalSignature;
import io.bhkr.http.auth.RequestMessage;
import io.bhkr.http.client.SignedClient.Response;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every bad input the API must refuse, each with its status, and proof that it changed nothing:
 * the balances, pools and project read the same before and after. On each journal profile.
 */
class RefusalsTest {

  @ParameterizedTest
  // a representative set runs on Cassandra (docs/operations.md, "Cassandra"); this one on H2 and PostgreSQL
  @EnumSource(value = JournalProfile.class, names = "CASSANDRA", mode = EnumSource.Mode.EXCLUDE)
  void badRequestsAreRefusedWithTheirStatusAndChangeNothing(JournalProfile profile, @TempDir Path dir) throws Exception {
    try (TestJournal journal = TestJournal.create(profile, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      DevelopmentMarket market = new DevelopmentMarket(node.baseUrl(), null);
      market.becomeActiveProvider(P1, 90);
      expect(201, market.as(P2).post("/api/v1/providers", """
          {"brandName":"Unqualified","capacity":{"cpuGhz":8,"ramGb":32,"storageGb":512,"bandwidthMbps":100},
           "maxPrice":{"asset":"BHKR","amount":"1"}}"""));
      market.deposit(REQUESTER, "BHKR", tokens(100));
      String projectId = market.openQ1Project();

      // while bidding is open (3 s in development): the auction's own refusals
      problem(422, "bid-inadmissible", market.bid(P1, projectId, tokens(81))); // over maxBid 80
      problem(403, "provider-not-eligible", market.bid(P2, projectId, tokens(60))); // applied, not qualified
      problem(403, "not-a-provider", market.bid(STRANGER, projectId, tokens(60)));
      problem(400, "validation", market.bid(P1, projectId, "-1"));
      Map<String, String> nonce = Map.of("X-Bhkr-Nonce", "replayed-nonce-1",
          "X-Bhkr-Expires", Long.toString(System.currentTimeMillis() / 1000 + 120)); // a retry repeats every header
      expect(202, market.as(P1).send("POST", "/api/v1/projects/" + projectId + "/bids",
          "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(60) + "\"}}", nonce));
      // issue 13: the identical signed request again is a retry, answered as the first time and not applied again;
      // the same nonce on another body is refused
      expect(202, market.as(P1).send("POST", "/api/v1/projects/" + projectId + "/bids",
          "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(60) + "\"}}", nonce));
      problem(422, "nonce-reused", market.as(P1).send("POST", "/api/v1/projects/" + projectId + "/bids",
          "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(59) + "\"}}", nonce));
      JsonNode running = market.awaitProjectStatus(projectId, "RUNNING");
      assertEquals(1, running.get("auction").get("admissible").size(), "only the one good bid entered the auction");

      Map<String, JsonNode> before = snapshot(market, projectId);
      String deposit = "{\"account\":\"" + address(REQUESTER) + "\",\"asset\":\"BHKR\",\"amount\":\"%s\"}";
      String open = "{\"quoteId\":\"" + running.get("quoteId").asText() + "\"}";

      // authentication: 401
      problem(401, "unauthorized", market.as(REQUESTER).send("POST", "/api/v1/projects", open, unsigned()));
      problem(401, "unauthorized", market.as(STRANGER).send("POST", "/api/v1/projects", open,
          Map.of("X-Bhkr-Address", address(REQUESTER)))); // signed by another key
      problem(401, "unauthorized", market.as(REQUESTER).send("POST", "/api/v1/projects", open,
          Map.of("X-Bhkr-Expires", Long.toString(System.currentTimeMillis() / 1000 - 10))));
      problem(401, "unauthorized", tampered(node.baseUrl(), OPERATOR, "/api/v1/dev/deposits",
          deposit.formatted("1"), deposit.formatted(tokens(1_000_000))));

      // validation: 400
      for (String amount : List.of("-5", "1.5", "abc", "1e18", "9".repeat(61)))
        problem(400, "validation", market.as(OPERATOR).post("/api/v1/dev/deposits", deposit.formatted(amount)));
      problem(400, "validation", market.as(OPERATOR).post("/api/v1/dev/deposits",
          "{\"account\":\"" + address(REQUESTER) + "\",\"asset\":\"BHKR\",\"amount\":5}")); // a number, not a string
      problem(400, "validation", market.as(OPERATOR).post("/api/v1/dev/deposits", deposit.replace("BHKR", "DOGE").formatted("5")));
      problem(400, "malformed-json", market.as(REQUESTER).post("/api/v1/projects", "{not json"));

      // roles: 403; unknown ids: 404; state: 409
      problem(403, "not-operator", market.as(REQUESTER).post("/api/v1/dev/deposits", deposit.formatted("5")));
      problem(403, "not-the-winner", market.as(P2).post("/api/v1/projects/" + projectId + "/completion",
          "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"1\"}}"));
      problem(403, "not-the-winner", market.as(REQUESTER).post("/api/v1/projects/" + projectId + "/completion",
          "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"1\"}}"));
      problem(403, "not-a-governor", market.as(STRANGER).post("/api/v1/governance/proposals",
          "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(P2) + "\"}"));
      problem(403, "not-the-provider", market.as(STRANGER).post("/api/v1/providers/" + address(P1) + "/collateral",
          "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"1\"}}"));
      problem(404, "not-found", market.anonymous().get("/api/v1/projects/project-does-not-exist"));
      problem(404, "not-found", market.bid(P1, "project-does-not-exist", tokens(1)));
      problem(404, "not-found", market.as(REQUESTER).post("/api/v1/projects", "{\"quoteId\":\"quote-unknown\"}"));
      problem(404, "not-found", market.as(GOVERNOR_1).post("/api/v1/governance/proposals/proposal-unknown/votes", "{\"vote\":\"YES\"}"));
      problem(409, "insufficient-funds", market.as(STRANGER).post("/api/v1/projects", open));
      problem(409, "bidding-closed", market.bid(P1, projectId, tokens(50)));
      problem(409, "insufficient-funds", market.as(P1).post("/api/v1/projects/" + projectId + "/completion",
          "{\"profit\":{\"asset\":\"ETH\",\"amount\":\"" + tokens(1) + "\"}}")); // P1 holds no ETH

      // issue 16: the entities decide these, the endpoints ask (GovernanceDecisions, ProviderDecisions, QuoteDecisions)
      String proposals = "/api/v1/governance/proposals";
      problem(404, "not-found", market.as(GOVERNOR_1).post(proposals,
          "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(STRANGER) + "\"}")); // never applied
      problem(409, "already-qualified", market.as(GOVERNOR_1).post(proposals,
          "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(P1) + "\"}"));
      problem(409, "not-qualified", market.as(GOVERNOR_1).post(proposals,
          "{\"kind\":\"DISQUALIFY_PROVIDER\",\"providerId\":\"" + address(P2) + "\"}"));
      problem(404, "not-found", market.as(GOVERNOR_1).post(proposals,
          "{\"kind\":\"MIGRATE_MICROPOOL\",\"poolId\":\"mp-none\",\"toPoolId\":\"mp-none-either\"}"));
      problem(409, "not-qualified", market.as(P2).post("/api/v1/providers/" + address(P2) + "/collateral",
          "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"1\"}}"));
      problem(400, "validation", market.anonymous().post("/api/v1/quotes",
          "{\"resources\":{\"cpuGhz\":0,\"ramGb\":0,\"storageGb\":0,\"bandwidthMbps\":0},\"durationDays\":30,\"kind\":\"COMPUTE\"}"));

      assertEquals(before, snapshot(market, projectId), "no refused request changed anything");
    }
  }

  /** Balances of everyone involved, both pools and the project. */
  private static Map<String, JsonNode> snapshot(DevelopmentMarket market, String projectId) {
    Map<String, JsonNode> s = new HashMap<>();
    for (int account : new int[] {OPERATOR, P1, P2, REQUESTER, STRANGER})
      s.put("account " + account, market.get("/api/v1/accounts/" + address(account)));
    s.put("reward", market.get("/api/v1/pools/reward"));
    s.put("insurance", market.get("/api/v1/pools/insurance"));
    s.put("project", market.get("/api/v1/projects/" + projectId));
    s.put("p2", market.get("/api/v1/providers/" + address(P2)));
    return s;
  }

  private static Map<String, String> unsigned() {
    Map<String, String> none = new HashMap<>();
    for (String h : List.of("X-Bhkr-Address", "X-Bhkr-Nonce", "X-Bhkr-Expires", "X-Bhkr-Signature")) none.put(h, null);
    return none;
  }

  /** Signs one body and sends another, as a man in the middle would. */
  private static Response tampered(String baseUrl, int signer, String path, String signedBody, String sentBody) throws Exception {
    String nonce = "tampered-" + System.nanoTime();
    String expires = Long.toString(System.currentTimeMillis() / 1000 + 60);
    String message = RequestMessage.canonical("POST", path, signedBody.getBytes(StandardCharsets.UTF_8), nonce, expires);
    String signature = PersonalSignature.sign(DevelopmentAccounts.credentials(signer).getEcKeyPair(), message);
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .header("X-Bhkr-Address", address(signer))
        .header("X-Bhkr-Nonce", nonce)
        .header("X-Bhkr-Expires", expires)
        .header("X-Bhkr-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(sentBody))
        .build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  private static void problem(int status, String type, Response r) {
    assertEquals(status, r.status(), () -> "answer was " + r.status() + " " + r.body());
    JsonNode problem = DevelopmentMarket.body(r);
    assertTrue(r.contentType().startsWith("application/problem+json"), "problem+json, got " + r.contentType());
    assertEquals("https://bhkr.io/problems/" + type, problem.get("type").asText(), r.body());
    assertEquals(status, problem.get("status").asInt());
  }
}
