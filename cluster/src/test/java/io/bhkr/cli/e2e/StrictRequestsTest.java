package io.bhkr.cli.e2e;

import static io.bhkr.cli.walkthrough.DevelopmentMarket.GOVERNOR_1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.OPERATOR;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P1;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.P2;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.REQUESTER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.STRANGER;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.address;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.body;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.expect;
import static io.bhkr.cli.walkthrough.DevelopmentMarket.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.auth.PersonalSignature;
import io.bhkr.http.auth.RequestMessage;
import io.bhkr.http.client.SignedClient.Response;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Sign;

/**
 * Issue 13, tested as classes of defect against one development node: every write operation of
 * the OpenAPI document refuses every malformed body shape; Akka HTTP's own refusals are
 * problem+json; the signature covers the whole request target and only its canonical form; a
 * retried signed request gets its first answer; ids, texts and URLs are checked at once;
 * GET /api/v1/health; and the governance details.
 */
class StrictRequestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path dir;
  private static TestJournal journal;
  private static Node node;
  private static DevelopmentMarket market;

  @BeforeAll
  static void start() {
    journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
    node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()));
    market = new DevelopmentMarket(node.baseUrl(), null);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
    if (journal != null) journal.close();
  }

  // ---- 1. strict JSON on every write operation

  /** One malformed body and the field its refusal must name. */
  record Malformed(String shape, String body, String field) {}

  @Test
  void everyWriteOperationRefusesEveryMalformedBodyAndChangesNothing() throws Exception {
    JsonNode doc = JSON.readTree(market.anonymous().get("/api/v1/openapi.json").body());
    Map<String, JsonNode> before = snapshot();
    // One nonce for every malformed request: a body refused before the signature is checked spends nothing.
    String nonce = "malformed-" + System.nanoTime();
    int operations = 0, nested = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : List.of("post", "put", "patch", "delete")) {
        JsonNode operation = path.getValue().path(method);
        if (operation.isMissingNode()) continue;
        operations++;
        String target = path.getKey().replace("{address}", address(OPERATOR)).replace("{id}", "some-id").replace("{nodeId}", "some-node");
        JsonNode schema = resolve(doc, operation.path("requestBody")).path("content").path("application/json").path("schema");
        List<Malformed> shapes = malformed(doc, resolve(doc, schema));
        if (shapes.stream().anyMatch(m -> m.shape().equals("nested duplicate"))) nested++;
        for (Malformed m : shapes) {
          Response r = market.as(OPERATOR).send(method.toUpperCase(), target, m.body(), Map.of("X-Bhkr-Nonce", nonce));
          String what = method.toUpperCase() + " " + target + " with " + m.shape() + " " + m.body();
          assertEquals(400, r.status(), what + ": " + r.body());
          assertTrue(r.contentType().startsWith("application/problem+json"), what + ": " + r.contentType());
          JsonNode problem = body(r);
          assertEquals(m.field(), problem.path("errors").path(0).path("field").asText(), what + ": " + r.body());
        }
      }
    }
    assertTrue(operations >= 29, "the document lists the write operations: " + operations);
    assertTrue(nested >= 15, "nested duplicates were tried where a body has an object field: " + nested);
    assertEquals(before, snapshot(), "no malformed request changed anything");
    // ... and the nonce is still unspent: the same nonce on a good request acts.
    expect(201, market.as(OPERATOR).send("POST", "/api/v1/dev/deposits",
        "{\"account\":\"" + address(STRANGER) + "\",\"asset\":\"ETH\",\"amount\":\"1\"}", Map.of("X-Bhkr-Nonce", nonce)));
  }

  /** Each malformed shape of issue 13 for a body of {@code schema}, with the field the refusal names. */
  private static List<Malformed> malformed(JsonNode doc, JsonNode schema) {
    List<Malformed> out = new ArrayList<>();
    out.add(new Malformed("trailing data", "{}]", "body"));
    out.add(new Malformed("a second value", "{} {}", "body"));
    out.add(new Malformed("a byte-order mark", "\uFEFF{}", "body"));
    out.add(new Malformed("an unknown field", "{\"surplusField\":1}", "surplusField"));
    Optional<Map.Entry<String, String>> field = firstSampled(doc, schema);
    if (field.isPresent()) {
      String name = field.get().getKey(), value = field.get().getValue();
      out.add(new Malformed("a duplicate key", "{\"" + name + "\":" + value + ",\"" + name + "\":" + value + "}", name));
    } else {
      // a body of no fields: any key is unknown, and a repeated one is still refused
      out.add(new Malformed("a duplicate key", "{\"twice\":1,\"twice\":1}", "twice"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
      Map.Entry<String, JsonNode> p = props.next();
      JsonNode inner = resolve(doc, p.getValue());
      Optional<Map.Entry<String, String>> innerField = firstSampled(doc, inner);
      if (!inner.has("properties") || innerField.isEmpty()) continue;
      String name = innerField.get().getKey(), value = innerField.get().getValue();
      out.add(new Malformed("nested duplicate", "{\"" + p.getKey() + "\":{\"" + name + "\":" + value + ",\"" + name + "\":" + value + "}}",
          p.getKey() + "." + name));
      break;
    }
    return out;
  }

  /** The first property of {@code schema} with a plain type, and a value of that type. */
  private static Optional<Map.Entry<String, String>> firstSampled(JsonNode doc, JsonNode schema) {
    for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
      Map.Entry<String, JsonNode> p = props.next();
      String sample = switch (resolve(doc, p.getValue()).path("type").asText()) {
        case "string" -> "\"x\"";
        case "integer" -> "1";
        case "object" -> "{}";
        default -> null;
      };
      if (sample != null) return Optional.of(Map.entry(p.getKey(), sample));
    }
    return Optional.empty();
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    while (node.has("$ref")) node = doc.at(node.get("$ref").asText().substring(1));
    return node;
  }

  private static Map<String, JsonNode> snapshot() {
    Map<String, JsonNode> s = new LinkedHashMap<>();
    for (int account : new int[] {OPERATOR, GOVERNOR_1, P1, P2, REQUESTER, STRANGER})
      s.put("account " + account, market.get("/api/v1/accounts/" + address(account)));
    s.put("reward", market.get("/api/v1/pools/reward"));
    s.put("insurance", market.get("/api/v1/pools/insurance"));
    s.put("providers", market.get("/api/v1/providers"));
    JsonNode governance = market.get("/api/v1/governance");
    s.put("governance", governance);
    return s;
  }

  // ---- 2. every refusal is problem+json, Akka HTTP's own included

  @Test
  void akkaHttpsOwnRefusalsAreProblemJsonInOurWordsWithNosniff() throws Exception {
    String base = node.baseUrl();
    refusal(413, "payload-too-large", HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(70_000) + "\"}")));
    refusal(414, "uri-too-long", HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts/" + "a".repeat(3_000))).GET());
    // Akka HTTP answers an over-long header 400 and too many headers 431; either way in our words.
    headerRefusal(HttpRequest.newBuilder(URI.create(base + "/api/v1/governance")).header("X-Long", "a".repeat(9_000)).GET());
    HttpRequest.Builder many = HttpRequest.newBuilder(URI.create(base + "/api/v1/governance")).GET();
    for (int i = 0; i < 70; i++) many.header("X-Many-" + i, "1");
    headerRefusal(many);
    refusal(415, "unsupported-media-type", HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
    HttpResponse<String> wrongMethod = refusal(405, "method-not-allowed",
        HttpRequest.newBuilder(URI.create(base + "/api/v1/projects")).DELETE());
    assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"), "Allow names the method: " + wrongMethod.headers());
    refusal(405, "method-not-allowed", HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes")).GET());
    refusal(404, "not-found", HttpRequest.newBuilder(URI.create(base + "/no/such/path")).GET());
    refusal(404, "not-found", HttpRequest.newBuilder(URI.create(base + "/api/v1/no-such-thing")).GET());

    HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/governance"))
        .header("Origin", "https://elsewhere.example").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ok.statusCode());
    assertEquals("nosniff", ok.headers().firstValue("X-Content-Type-Options").orElse(null), "answers carry nosniff");
    assertTrue(ok.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "CORS is off unless configured");
    assertTrue(ok.headers().firstValue("Server").isEmpty(), "no server name or version: " + ok.headers().firstValue("Server"));
    HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects"))
        .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(405, preflight.statusCode(), "no preflight answer without CORS configured");
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  private static void headerRefusal(HttpRequest.Builder request) throws Exception {
    int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    assertTrue(status == 400 || status == 431, "a header refusal: " + status);
    refusal(status, status == 400 ? "bad-request" : "headers-too-large", request);
  }

  private static HttpResponse<String> refusal(int status, String type, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String what = request.build().method() + " " + request.build().uri().getPath();
    assertEquals(status, r.statusCode(), what + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.headers());
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    JsonNode problem = JSON.readTree(r.body());
    assertEquals("https://bhkr.io/problems/" + type, problem.path("type").asText(), what + ": " + r.body());
    assertEquals(status, problem.path("status").asInt());
    for (String leak : List.of("akka", "Exception", "scala", "max-content-length", "parsing.", "config"))
      assertFalse(r.body().toLowerCase().contains(leak.toLowerCase()), what + " leaks '" + leak + "': " + r.body());
    return r;
  }

  // ---- 3. what the signature covers

  @Test
  void aSignedRequestWithAQueryOrAMalleatedSignatureIsRefused() throws Exception {
    String path = "/api/v1/dev/deposits";
    String deposit = "{\"account\":\"" + address(STRANGER) + "\",\"asset\":\"BHKR\",\"amount\":\"5\"}";
    JsonNode before = market.balances(STRANGER);
    // The client signs the path without the query; the server must not act on a query the signature does not cover.
    Response withQuery = market.as(OPERATOR).post(path + "?account=" + address(REQUESTER), deposit);
    assertEquals(401, withQuery.status(), withQuery.body());
    assertTrue(withQuery.body().contains("query"), withQuery.body());

    String nonce = "malleated-" + System.nanoTime();
    String expires = Long.toString(System.currentTimeMillis() / 1000 + 60);
    String good = PersonalSignature.sign(DevelopmentAccounts.credentials(OPERATOR).getEcKeyPair(),
        RequestMessage.canonical("POST", path, deposit.getBytes(StandardCharsets.UTF_8), nonce, expires));
    BigInteger s = new BigInteger(good.substring(66, 130), 16);
    int v = Integer.parseInt(good.substring(130), 16);
    String highS = "0x" + good.substring(2, 66) + String.format("%064x", Sign.CURVE_PARAMS.getN().subtract(s))
        + String.format("%02x", v == 27 ? 28 : 27);
    for (String malleated : List.of(highS, good.substring(0, 130) + String.format("%02x", v - 27), good.substring(2), good + "00")) {
      Response r = rawSigned(path, deposit, nonce, expires, malleated);
      assertEquals(401, r.status(), malleated + ": " + r.body());
    }
    assertEquals(before, market.balances(STRANGER), "nothing was credited");
    assertEquals(201, rawSigned(path, deposit, nonce, expires, good).status(), "the canonical signature with the same nonce acts");
  }

  private static Response rawSigned(String path, String body, String nonce, String expires, String signature) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
        .header("Content-Type", "application/json").header("X-Bhkr-Address", address(OPERATOR)).header("X-Bhkr-Nonce", nonce)
        .header("X-Bhkr-Expires", expires).header("X-Bhkr-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
  }

  // ---- 4. safe retries

  @Test
  void theIdenticalSignedRequestRetriedGetsItsFirstAnswerAndActsOnce() {
    market.deposit(REQUESTER, "BHKR", tokens(10));
    BigInteger before = new BigInteger(market.balances(STRANGER).get("BHKR").asText());
    String transfer = "{\"to\":\"" + address(STRANGER) + "\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(1) + "\"}}";
    Map<String, String> key = Map.of("X-Bhkr-Nonce", "retry-" + System.nanoTime(), "X-Bhkr-Expires",
        Long.toString(System.currentTimeMillis() / 1000 + 120));
    String path = "/api/v1/accounts/" + address(REQUESTER) + "/transfers";
    Response first = market.as(REQUESTER).send("POST", path, transfer, key);
    assertEquals(200, first.status(), first.body());
    for (int i = 0; i < 3; i++) {
      Response again = market.as(REQUESTER).send("POST", path, transfer, key);
      assertEquals(first.status(), again.status());
      assertEquals(first.body(), again.body(), "the same answer, byte for byte");
      assertEquals(first.contentType(), again.contentType());
    }
    DevelopmentMarket.await("the transfer arrives", () ->
        new BigInteger(market.balances(STRANGER).get("BHKR").asText()).equals(before.add(new BigInteger(tokens(1)))));
    Response otherBody = market.as(REQUESTER).send("POST", path, transfer.replace(tokens(1), tokens(2)), key);
    assertEquals(422, otherBody.status(), otherBody.body());
    assertEquals("https://bhkr.io/problems/nonce-reused", body(otherBody).path("type").asText());
    assertEquals(before.add(new BigInteger(tokens(1))), new BigInteger(market.balances(STRANGER).get("BHKR").asText()),
        "applied once, however often it was sent");
  }

  @Test
  void aNonceAnOlderBuildSpentInTheNonceBookAloneIsRefusedAndMovesNothing() throws Exception {
    market.deposit(REQUESTER, "BHKR", tokens(10));
    BigInteger before = new BigInteger(market.balances(REQUESTER).get("BHKR").asText());
    long expires = System.currentTimeMillis() / 1000 + 120;
    String nonce = "older-build-" + System.nanoTime();
    // what a node of a build before the answer book did: claim the nonce in the nonce book only
    var book = akka.cluster.sharding.typed.javadsl.ClusterSharding.get(node.system())
        .entityRefFor(io.bhkr.http.auth.NonceBook.TYPE_KEY, address(REQUESTER).toLowerCase());
    var claimed = book.<io.bhkr.http.auth.NonceBook.ClaimResult>ask(r -> new io.bhkr.http.auth.NonceBook.Claim(nonce, expires,
        System.currentTimeMillis() / 1000, r), Duration.ofSeconds(10)).toCompletableFuture().get();
    assertTrue(claimed.accepted());

    String transfer = "{\"to\":\"" + address(STRANGER) + "\",\"amount\":{\"asset\":\"BHKR\",\"amount\":\"" + tokens(1) + "\"}}";
    String path = "/api/v1/accounts/" + address(REQUESTER) + "/transfers";
    Map<String, String> key = Map.of("X-Bhkr-Nonce", nonce, "X-Bhkr-Expires", Long.toString(expires));
    Response refused = market.as(REQUESTER).send("POST", path, transfer, key);
    assertEquals(401, refused.status(), refused.body());
    assertTrue(refused.body().contains("already used"), refused.body());
    Response again = market.as(REQUESTER).send("POST", path, transfer, key);
    assertEquals(401, again.status(), "the refusal is the recorded answer: " + again.body());
    // a transfer debits its sender before it answers: an unchanged balance means none was made
    assertEquals(before, new BigInteger(market.balances(REQUESTER).get("BHKR").asText()), "nothing moved");
  }

  // ---- 5. ids, text, URLs

  @Test
  void malformedIdsAreA400AtOnceAndTextsAreCheckedByCodePoint() {
    long started = System.nanoTime();
    for (String quoteId : List.of("", "x".repeat(81), "quote/../x", "quote id", "quote-\u00e9"))
      assertField(400, "quoteId", market.as(REQUESTER).post("/api/v1/projects", JSON.valueToTree(Map.of("quoteId", quoteId)).toString()));
    assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3_000, "refused at once, not after a timeout");
    assertField(400, "projectId", market.anonymous().get("/api/v1/projects/" + "p".repeat(81)));
    assertField(400, "nodeId", market.anonymous().get("/api/v1/nodes/node%20one"));

    String application = """
        {"brandName":%s,"capacity":{"cpuGhz":8,"ramGb":32,"storageGb":512,"bandwidthMbps":100},
         "maxPrice":{"asset":"BHKR","amount":"1"}}""";
    for (String bad : List.of("Bell\u0007", "Line\nbreak", "Null\u0000", "  ", "x".repeat(101)))
      assertField(400, "brandName", market.as(STRANGER).post("/api/v1/providers", application.formatted(JSON.valueToTree(bad))));
    // a lone surrogate can only arrive as a JSON escape (UTF-8 cannot carry one)
    assertField(400, "brandName", market.as(STRANGER).post("/api/v1/providers", application.formatted("\"Half \\ud83d moon\"")));
    // 100 emoji are 100 characters (200 UTF-16 units)
    expect(201, market.as(STRANGER).post("/api/v1/providers", application.formatted(JSON.valueToTree("\uD83D\uDE80".repeat(100)))));
  }

  @Test
  void nodeEndpointsAreBoundedHttpUrlsAndASidecarBelongsToOneNode() {
    market.becomeActiveProvider(P1, 90);
    // two nodes of half the provider's declared capacity each: within it (issue 16's node cap)
    String node = """
        {"nodeId":"%s","endpoint":"%s","sidecarAddress":"%s","capacity":{"cpuGhz":4,"ramGb":16,"storageGb":256,"bandwidthMbps":50}}""";
    String nodes = "/api/v1/providers/" + address(P1) + "/nodes";
    for (String endpoint : List.of("ftp://node.example:8545", "file:///etc/passwd", "http://user:pw@node.example:8545",
        "http://node.example/" + "a".repeat(260), "http://node .example", "javascript:alert(1)"))
      assertField(400, "endpoint", market.as(P1).post(nodes, node.formatted("n-bad", endpoint, address(9))));
    expect(201, market.as(P1).post(nodes, node.formatted("n-first", "http://127.0.0.1:8545", address(9))));
    Response second = market.as(P1).post(nodes, node.formatted("n-second", "http://127.0.0.1:8546", address(9)));
    assertEquals(409, second.status(), second.body());
    assertEquals("https://bhkr.io/problems/sidecar-taken", body(second).path("type").asText());
    expect(201, market.as(P1).post(nodes, node.formatted("n-second", "http://127.0.0.1:8546", address(10))));
  }

  private static void assertField(int status, String field, Response r) {
    assertEquals(status, r.status(), r.body());
    assertEquals(field, body(r).path("errors").path(0).path("field").asText(), r.body());
  }

  // ---- 7. the contract's paths; 8. governance

  @Test
  void healthAnswersUnderTheApiPathAndAtTheRoot() {
    for (String path : List.of("/api/v1/health", "/health")) {
      JsonNode health = market.get(path);
      assertEquals("UP", health.get("status").asText(), path);
    }
  }

  @Test
  void aSecondVoteOnAnOpenProposalIsAlreadyVoted() {
    expect(201, market.as(P2).post("/api/v1/providers", """
        {"brandName":"Second","capacity":{"cpuGhz":8,"ramGb":32,"storageGb":512,"bandwidthMbps":100},
         "maxPrice":{"asset":"BHKR","amount":"1"}}"""));
    String proposal = expect(201, market.as(GOVERNOR_1).post("/api/v1/governance/proposals",
        "{\"kind\":\"QUALIFY_PROVIDER\",\"providerId\":\"" + address(P2) + "\"}")).get("proposalId").asText();
    String votes = "/api/v1/governance/proposals/" + proposal + "/votes";
    assertEquals("OPEN", expect(200, market.as(GOVERNOR_1).post(votes, "{\"vote\":\"YES\"}")).get("status").asText());
    Response again = market.as(GOVERNOR_1).post(votes, "{\"vote\":\"NO\"}");
    assertEquals(409, again.status(), again.body());
    assertEquals("https://bhkr.io/problems/already-voted", body(again).path("type").asText());
    assertNotNull(market.get("/api/v1/governance/proposals/" + proposal));
    assertEquals("OPEN", market.get("/api/v1/governance/proposals/" + proposal).get("status").asText(), "the second vote changed nothing");
  }
}
