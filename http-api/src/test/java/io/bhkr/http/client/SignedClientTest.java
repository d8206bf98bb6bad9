package io.bhkr.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.http.auth.PersonalSignature;
import io.bhkr.http.auth.RequestCheck;
import io.bhkr.http.auth.SignatureHeaders;
import io.bhkr.http.auth.SignedRequest;
import io.bhkr.http.auth.Verdict;
import io.bhkr.http.client.SignedClient.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * The client against a stand-in node that judges each write with {@link RequestCheck}: proves
 * that what the client signs is what the verifier checks.
 */
class SignedClientTest {

  private static final Credentials DEV_1 = DevelopmentAccounts.credentials(1);
  private static final String BODY = "{\"quoteId\":\"q-1\"}";

  private static HttpServer server;
  private static URI base;
  private static final AtomicReference<Seen> lastSeen = new AtomicReference<>();
  // The stand-in's replay memory; the real node asks the NonceBook.
  private static final Set<String> usedNonces = ConcurrentHashMap.newKeySet();

  /** What the stand-in node received. */
  record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {}

  @BeforeAll
  static void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", SignedClientTest::handle);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  @BeforeEach
  void forget() {
    lastSeen.set(null);
  }

  @Test
  void signsAPostThatTheVerifierAccepts() {
    long before = Instant.now().getEpochSecond();

    Response response = new SignedClient(base, DEV_1).post("/api/v1/projects", BODY);

    assertEquals(200, response.status(), response.body());
    assertEquals("application/json", response.contentType());
    assertTrue(response.body().contains("\"address\":\"" + DevelopmentAccounts.address(1) + "\""), response.body());
    Seen seen = lastSeen.get();
    assertEquals(BODY, seen.body());
    assertEquals("application/json", seen.headers().get("content-type"));
    assertTrue(seen.headers().get("x-bhkr-nonce").matches("[A-Za-z0-9_-]{16}"), seen.headers().toString());
    long expires = Long.parseLong(seen.headers().get("x-bhkr-expires"));
    assertTrue(expires >= before + 119 && expires <= Instant.now().getEpochSecond() + 121, "expires " + expires);
  }

  @Test
  void usesAFreshNonceForEachRequest() {
    var client = new SignedClient(base, DEV_1);

    assertEquals(200, client.post("/api/v1/projects", BODY).status());
    String first = lastSeen.get().headers().get("x-bhkr-nonce");
    assertEquals(200, client.post("/api/v1/projects", BODY).status());
    assertNotEquals(first, lastSeen.get().headers().get("x-bhkr-nonce"));
  }

  @Test
  void signsThePathAsSentBelowABasePrefixAndWithoutItsQuery() {
    var client = new SignedClient(URI.create(base + "/api/v1/"), DEV_1);

    assertEquals(200, client.post("/providers/a%20b/collateral?dryRun=true", BODY).status());
    assertEquals("/api/v1/providers/a%20b/collateral", lastSeen.get().rawPath());
    assertEquals("dryRun=true", lastSeen.get().rawQuery());
  }

  @Test
  void signsARequestWithoutBody() {
    Response response = new SignedClient(base, DEV_1).send("POST", "/api/v1/governance/candidacies", null, Map.of());

    assertEquals(200, response.status(), response.body());
    assertEquals("", lastSeen.get().body());
    assertNull(lastSeen.get().headers().get("content-type"));
  }

  @Test
  void readsWithoutSignature() {
    Response response = new SignedClient(base, null).get("/api/v1/providers?status=ACTIVE");

    assertEquals(200, response.status());
    assertEquals("GET", lastSeen.get().method());
    assertEquals("status=ACTIVE", lastSeen.get().rawQuery());
    assertFalse(lastSeen.get().headers().keySet().stream().anyMatch(name -> name.startsWith("x-bhkr-")));
  }

  @Test
  void aClientWithoutKeySendsUnsignedWrites() {
    Response response = new SignedClient(base, null).post("/api/v1/projects", BODY);

    assertEquals(401, response.status());
    assertEquals("application/problem+json", response.contentType());
    assertTrue(response.body().contains("missing header X-Bhkr-Address"), response.body());
  }

  @Test
  void aReplayedRequestIsStillValidlySignedAndRefusedForItsNonce() {
    var client = new SignedClient(base, DEV_1);
    Map<String, String> sameNonce = Map.of(SignatureHeaders.NONCE, "replayed-nonce-1");

    assertEquals(200, client.send("POST", "/api/v1/projects", BODY, sameNonce).status());
    Response replay = client.send("POST", "/api/v1/projects", BODY, sameNonce);
    assertEquals(401, replay.status());
    assertTrue(replay.body().contains("nonce already used"), replay.body());
  }

  @Test
  void anExpiredOrFarFutureRequestIsRefused() {
    var client = new SignedClient(base, DEV_1);
    long now = Instant.now().getEpochSecond();

    Response expired = client.send("POST", "/api/v1/projects", BODY, Map.of(SignatureHeaders.EXPIRES, Long.toString(now - 10)));
    assertEquals(401, expired.status());
    assertTrue(expired.body().contains("request has expired"), expired.body());

    Response tooFar = client.send("POST", "/api/v1/projects", BODY, Map.of(SignatureHeaders.EXPIRES, Long.toString(now + 3600)));
    assertEquals(401, tooFar.status());
    assertTrue(tooFar.body().contains("at most 300 s"), tooFar.body());
  }

  @Test
  void aTamperedRequestIsRefused() {
    var client = new SignedClient(base, DEV_1);
    String otherSignature = PersonalSignature.sign(DEV_1.getEcKeyPair(), "another message");

    Response forged = client.send("POST", "/api/v1/projects", BODY, Map.of(SignatureHeaders.SIGNATURE, otherSignature));
    assertEquals(401, forged.status());
    assertTrue(forged.body().contains("signature is not by"), forged.body());

    Response impersonating = client.send(
        "POST", "/api/v1/projects", BODY, Map.of(SignatureHeaders.ADDRESS, DevelopmentAccounts.address(0)));
    assertEquals(401, impersonating.status());
  }

  @Test
  void aNullOverrideLeavesTheHeaderOut() {
    Map<String, String> noSignature = new HashMap<>();
    noSignature.put(SignatureHeaders.SIGNATURE, null);

    Response response = new SignedClient(base, DEV_1).send("POST", "/api/v1/projects", BODY, noSignature);

    assertEquals(401, response.status());
    assertTrue(response.body().contains("missing header X-Bhkr-Signature"), response.body());
  }

  @Test
  void refusesAPathWithoutLeadingSlash() {
    assertThrows(IllegalArgumentException.class, () -> new SignedClient(base, DEV_1).get("api/v1/providers"));
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      String method = exchange.getRequestMethod();
      String rawPath = exchange.getRequestURI().getRawPath();
      lastSeen.set(new Seen(method, rawPath, exchange.getRequestURI().getRawQuery(), headers,
          new String(body, StandardCharsets.UTF_8)));

      if (method.equals("GET")) {
        respond(exchange, 200, "application/json", "{\"ok\":true}");
        return;
      }
      Verdict verdict = RequestCheck.verify(
          new SignedRequest(method, rawPath, body,
              headers.get("x-bhkr-address"), headers.get("x-bhkr-nonce"),
              headers.get("x-bhkr-expires"), headers.get("x-bhkr-signature")),
          Instant.now().getEpochSecond());
      if (verdict instanceof Verdict.Authentic authentic
          && !usedNonces.add(authentic.address() + "/" + authentic.nonce())) {
        verdict = new Verdict.Refused("nonce already used");
      }
      if (verdict instanceof Verdict.Authentic authentic) {
        respond(exchange, 200, "application/json", "{\"address\":\"" + authentic.address() + "\"}");
      } else {
        String reason = ((Verdict.Refused) verdict).reason().replace("\"", "'");
        respond(exchange, 401, "application/problem+json",
            "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"" + reason + "\"}");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
