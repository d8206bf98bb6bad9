package io.bhkr.cli.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.client.SignedClient;
import io.bhkr.http.client.SignedClient.Response;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The development accounts of api.md driving a node through its HTTP API, each signing with its
 * own key: 0 operator, 1–3 governors, 4–6 providers, 7 requester, 8 a stranger. Used by the
 * {@code walkthrough} command and by the end-to-end tests.
 */
public final class DevelopmentMarket {

  public static final int OPERATOR = 0, GOVERNOR_1 = 1, GOVERNOR_2 = 2, P1 = 4, P2 = 5, P3 = 6, REQUESTER = 7, STRANGER = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How an account gets funds from outside the market. */
  public interface Deposits {
    void deposit(int account, String asset, String amount);
  }

  private final URI base;
  private final PrintStream log;
  private final Deposits deposits;
  private final Duration patience;

  /** @param log where each step is told, or null to stay quiet */
  public DevelopmentMarket(String baseUrl, PrintStream log) {
    this(URI.create(baseUrl), log, null, Duration.ZERO);
  }

  private DevelopmentMarket(URI base, PrintStream log, Deposits deposits, Duration patience) {
    this.base = base;
    this.log = log;
    this.deposits = deposits;
    this.patience = patience;
  }

  /** The same market, whose clients send a request again while the node answers 503 ({@link SignedClient#patient}). */
  public DevelopmentMarket patient(Duration patience) {
    return new DevelopmentMarket(base, log, deposits, patience);
  }

  /**
   * The same market, funding accounts with {@code deposits} instead of the operator's development
   * endpoint: a chain-mode node has no such endpoint, every deposit comes from the chain.
   */
  public DevelopmentMarket withDeposits(Deposits deposits) {
    return new DevelopmentMarket(base, log, deposits, patience);
  }

  public static String address(int index) {
    return DevelopmentAccounts.address(index);
  }

  /** Whole tokens in base units (18 decimals), as the API writes amounts. */
  public static String tokens(long whole) {
    return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(18)).toString();
  }

  public SignedClient as(int index) {
    return new SignedClient(base, DevelopmentAccounts.credentials(index)).patient(patience);
  }

  public SignedClient anonymous() {
    return new SignedClient(base, null).patient(patience);
  }

  public static JsonNode body(Response r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("the node did not answer JSON: " + r.body(), e);
    }
  }

  /** The body of an answer with the expected status; anything else stops with what the node said. */
  public static JsonNode expect(int status, Response r) {
    if (r.status() != status) throw new IllegalStateException("expected HTTP " + status + " but got " + r.status() + ": " + r.body());
    return body(r);
  }

  private void step(String what) {
    if (log != null) log.println("  " + what);
  }

  public JsonNode get(String path) {
    return expect(200, anonymous().get(path));
  }

  public JsonNode balances(int account) {
    return get("/api/v1/accounts/" + address(account)).get("balances");
  }

  public void deposit(int account, String asset, String amount) {
    if (deposits != null) {
      step("account " + account + " (" + address(account) + ") deposits " + amount + " base units of " + asset + " on chain");
      deposits.deposit(account, asset, amount);
      return;
    }
    step("operator deposits " + amount + " base units of " + asset + " for account " + account + " (" + address(account) + ")");
    expect(201, as(OPERATOR).post("/api/v1/dev/deposits",
        "{\"account\":\"" + address(account) + "\",\"asset\":\"" + asset + "\",\"amount\":\"" + amount + "\"}"));
  }

  /** Applies, is qualified by two of the three governors, and stakes pMin (10,000 BHKR) collateral. */
  public void becomeActiveProvider(int provider, long maxPriceTokens) {
    becomeActiveProvider(provider, maxPriceTokens, 2);
  }

  /** As {@link #becomeActiveProvider(int, long)}, declaring the capacity to run {@code q1Projects} Q1 projects at once. */
  public void becomeActiveProvider(int provider, long maxPriceTokens, int q1Projects) {
    step("account " + provider + " applies as a provider");
    expect(201, as(provider).post("/api/v1/providers", """
        {"brandName":"Provider %d","capacity":{"cpuGhz":%d,"ramGb":%d,"storageGb":%d,"bandwidthMbps":100},
         "maxPrice":{"asset":"BHKR","amount":"%s"}}""".formatted(provider, 4 * q1Projects, 16 * q1Projects, 256 * q1Projects,
        tokens(maxPriceTokens))));
    String proposal = expect(201, as(GOVERNOR_1).post("/api/v1/governance/proposals",
        "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(provider) + "\"}")).get("proposalId").asText();
    step("governor 1 proposes to qualify it (" + proposal + "); governors 1 and 2 vote YES");
    expect(200, as(GOVERNOR_1).post("/api/v1/governance/proposals/" + proposal + "/votes", "{\"vote\":\"YES\"}"));
    JsonNode passed = expect(200, as(GOVERNOR_2).post("/api/v1/governance/proposals/" + proposal + "/votes", "{\"vote\":\"YES\"}"));
    if (!passed.get("status").asText().equals("PASSED")) throw new IllegalStateException("the proposal did not pass: " + passed);
    await("provider " + provider + " qualified", () ->
        get("/api/v1/providers/" + address(provider)).get("status").asText().equals("QUALIFIED"));
    deposit(provider, "BHKR", tokens(10_000));
    step("account " + provider + " stakes 10000 BHKR collateral");
    JsonNode staked = expect(200, as(provider).post("/api/v1/providers/" + address(provider) + "/collateral",
        "{\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(10_000) + "\"}}"));
    if (!staked.get("status").asText().equals("ACTIVE")) throw new IllegalStateException("not ACTIVE: " + staked);
  }

  /** A quote for vector Q1 (4 GHz, 16 GB, 128 GB, 60 days: FP 100 USD) and a project the requester opens from it. */
  public String openQ1Project() {
    JsonNode quote = expect(201, anonymous().post("/api/v1/quotes",
        "{\"resources\":{\"cpuGhz\":4,\"ramGb\":16,\"storageGb\":128,\"bandwidthMbps\":0},\"durationDays\":60,\"kind\":\"ETH_VALIDATOR\"}"));
    step("quote " + quote.get("quoteId").asText() + ": FP " + quote.get("fpMicroUsd").asText() + " micro-USD = "
        + quote.get("fp").get("amount").asText() + " BHKR base units, maxBid " + quote.get("maxBid").get("amount").asText());
    JsonNode project = expect(201, as(REQUESTER).post("/api/v1/projects", "{\"quoteId\":\"" + quote.get("quoteId").asText() + "\"}"));
    step("the requester opens project " + project.get("projectId").asText() + " and pays FP into escrow: "
        + project.get("status").asText());
    return project.get("projectId").asText();
  }

  public Response bid(int provider, String projectId, String amount) {
    step("account " + provider + " bids " + amount + " (sealed)");
    return as(provider).post("/api/v1/projects/" + projectId + "/bids", "{\"price\":{\"asset\":\"BHKR\",\"amount\":\"" + amount + "\"}}");
  }

  /** Waits until the project has the status, for at most 20 s after its bid window closes (closesAt, Unix seconds). */
  public JsonNode awaitProjectStatus(String projectId, String status) {
    long untilClosed = get("/api/v1/projects/" + projectId).get("closesAt").asLong() - System.currentTimeMillis() / 1000;
    await("project " + projectId + " " + status, Duration.ofSeconds(20 + Math.max(0, untilClosed)),
        () -> get("/api/v1/projects/" + projectId).get("status").asText().equals(status));
    return get("/api/v1/projects/" + projectId);
  }

  /** Polls a condition of the running node (its bid window runs in real time) until it holds, for at most 20 s. */
  public static void await(String what, BooleanSupplier condition) {
    await(what, Duration.ofSeconds(20), condition);
  }

  private static void await(String what, Duration atMost, BooleanSupplier condition) {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
