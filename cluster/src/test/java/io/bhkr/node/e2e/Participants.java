package io.bhkr.node.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import io.bhkr.http.client.SignedClient.Response;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The development accounts of api.md driving a node through its real HTTP API, each signing with
 * its own key: 0 operator, 1–3 governors, 4–6 providers, 7 requester, 8 a stranger.
 */
final class Participants {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int OPERATOR = 0, GOVERNOR_1 = 1, GOVERNOR_2 = 2, P1 = 4, P2 = 5, P3 = 6, REQUESTER = 7, STRANGER = 8;

  private final URI base;

  Participants(String baseUrl) {
    this.base = URI.create(baseUrl);
  }

  static String address(int index) {
    return DevelopmentAccounts.address(index);
  }

  /** Whole tokens in base units (18 decimals), as the API writes amounts. */
  static String tokens(long whole) {
    return java.math.BigInteger.valueOf(whole).multiply(java.math.BigInteger.TEN.pow(18)).toString();
  }

  SignedClient as(int index) {
    return new SignedClient(base, DevelopmentAccounts.credentials(index));
  }

  SignedClient anonymous() {
    return new SignedClient(base, null);
  }

  static JsonNode body(Response r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }

  /** Asserts the status and returns the body; a failure shows what the node answered. */
  static JsonNode expect(int status, Response r) {
    assertEquals(status, r.status(), () -> "answer was " + r.status() + " " + r.body());
    return body(r);
  }

  JsonNode get(String path) {
    return expect(200, anonymous().get(path));
  }

  JsonNode balances(int account) {
    return get("/api/v1/accounts/" + address(account)).get("balances");
  }

  void deposit(int account, String asset, String amount) {
    expect(201, as(OPERATOR).post("/api/v1/dev/deposits",
        "{\"account\":\"" + address(account) + "\",\"asset\":\"" + asset + "\",\"amount\":\"" + amount + "\"}"));
  }

  /** Applies, is qualified by two of the three governors, and stakes pMin collateral. */
  void becomeActiveProvider(int provider, long maxPriceTokens) {
    expect(201, as(provider).post("/api/v1/providers", """
        {"brandName":"Provider %d","capacity":{"cpuGhz":8,"ramGb":32,"storageGb":512,"bandwidthMbps":100},
         "maxPrice":{"asset":"BHKR","amount":"%s"}}""".formatted(provider, tokens(maxPriceTokens))));
    String proposal = expect(201, as(GOVERNOR_1).post("/api/v1/governance/proposals",
        "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(provider) + "\"}")).get("proposalId").asText();
    expect(200, as(GOVERNOR_1).post("/api/v1/governance/proposals/" + proposal + "/votes", "{\"vote\":\"YES\"}"));
    JsonNode passed = expect(200, as(GOVERNOR_2).post("/api/v1/governance/proposals/" + proposal + "/votes", "{\"vote\":\"YES\"}"));
    assertEquals("PASSED", passed.get("status").asText());
    await("provider " + provider + " qualified", () ->
        get("/api/v1/providers/" + address(provider)).get("status").asText().equals("QUALIFIED"));
    deposit(provider, "BHKR", tokens(10_000));
    JsonNode staked = expect(200, as(provider).post("/api/v1/providers/" + address(provider) + "/collateral",
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(10_000) + "\"}}"));
    assertEquals("ACTIVE", staked.get("status").asText());
  }

  /** Quote for vector Q1 (4 GHz, 16 GB, 128 GB, 60 days) and a project opened from it by the requester. */
  String openQ1Project() {
    JsonNode quote = expect(201, anonymous().post("/api/v1/quotes",
        "{\"resources\":{\"cpuGhz\":4,\"ramGb\":16,\"storageGb\":128,\"bandwidthMbps\":0},\"durationDays\":60,\"kind\":\"ETH_VALIDATOR\"}"));
    assertEquals("100000000", quote.get("fpMicroUsd").asText());
    JsonNode project = expect(201, as(REQUESTER).post("/api/v1/projects", "{\"quoteId\":\"" + quote.get("quoteId").asText() + "\"}"));
    assertEquals("BIDDING", project.get("status").asText());
    return project.get("projectId").asText();
  }

  Response bid(int provider, String projectId, String amount) {
    return as(provider).post("/api/v1/projects/" + projectId + "/bids", "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + amount + "\"}}");
  }

  JsonNode awaitProjectStatus(String projectId, String status) {
    await("project " + projectId + " " + status, () -> get("/api/v1/projects/" + projectId).get("status").asText().equals(status));
    return get("/api/v1/projects/" + projectId);
  }

  /** Polls a condition of the running node (its bid window is real time) until it holds. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) fail("timed out waiting for " + what);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
