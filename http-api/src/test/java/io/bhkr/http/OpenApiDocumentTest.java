package io.bhkr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.http.auth.SignatureHeaders;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the routes the code serves: every route documented and nothing
 * else, successes and refusals declared, references resolvable, and the document served.
 */
class OpenApiDocumentTest {

  /** A route the API serves, and whether it needs the four signature headers. */
  record Served(String method, String path, boolean signed) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  /**
   * Every route of ApiServer and its *Endpoints classes. Keep in step with the code. The dashboard's
   * page and files ({@code /}, {@code /dashboard/...}) are a web page, not the API, and stay out.
   */
  static final List<Served> SERVED = List.of(
      new Served("get", "/health", false),
      new Served("get", "/metrics", false),
      new Served("get", "/api/v1/events", false),
      new Served("get", "/api/v1/health", false),
      new Served("get", "/api/v1/openapi.json", false),
      new Served("get", "/api/v1/chain", false),
      new Served("post", "/api/v1/dev/deposits", true),
      new Served("get", "/api/v1/accounts/{address}", false),
      new Served("get", "/api/v1/providers", false),
      new Served("post", "/api/v1/providers", true),
      new Served("get", "/api/v1/providers/{id}", false),
      new Served("post", "/api/v1/providers/{id}/collateral", true),
      new Served("get", "/api/v1/governance", false),
      new Served("post", "/api/v1/governance/proposals", true),
      new Served("get", "/api/v1/governance/proposals/{id}", false),
      new Served("get", "/api/v1/governance/proposals/{id}/impact", false),
      new Served("post", "/api/v1/governance/proposals/{id}/votes", true),
      new Served("post", "/api/v1/governance/candidacies", true),
      new Served("post", "/api/v1/governance/election-votes", true),
      new Served("post", "/api/v1/governance/elections", true),
      new Served("post", "/api/v1/quotes", false),
      new Served("get", "/api/v1/projects", false),
      new Served("post", "/api/v1/projects", true),
      new Served("get", "/api/v1/projects/{id}", false),
      new Served("post", "/api/v1/projects/{id}/bids", true),
      new Served("post", "/api/v1/projects/{id}/completion", true),
      new Served("get", "/api/v1/pools/{pool}", false),
      new Served("post", "/api/v1/providers/{id}/nodes", true),
      new Served("get", "/api/v1/nodes", false),
      new Served("get", "/api/v1/nodes/{nodeId}", false),
      new Served("post", "/api/v1/nodes/{nodeId}/stakes", true),
      new Served("post", "/api/v1/nodes/{nodeId}/stakes/withdrawals", true),
      new Served("get", "/api/v1/accounts/{address}/stakes", false),
      new Served("post", "/api/v1/pools/reward/distributions", true),
      new Served("post", "/api/v1/pools/insurance/claims", true),
      new Served("post", "/api/v1/projects/{id}/failure", true),
      new Served("get", "/api/v1/audits/current", false),
      new Served("post", "/api/v1/nodes/{nodeId}/heartbeats", true),
      new Served("post", "/api/v1/audits/reports", true),
      new Served("post", "/api/v1/accounts/{address}/transfers", true),
      new Served("post", "/api/v1/accounts/{address}/vault-withdrawals", true),
      new Served("post", "/api/v1/accounts/{address}/payouts", true),
      new Served("get", "/api/v1/accounts/{address}/claims", false),
      new Served("post", "/api/v1/micropools", true),
      new Served("get", "/api/v1/micropools/{id}", false),
      new Served("post", "/api/v1/micropools/{id}/stakes", true),
      new Served("post", "/api/v1/micropools/{id}/withdrawals", true),
      new Served("post", "/api/v1/micropools/{id}/completion", true),
      new Served("post", "/api/v1/micropools/{id}/closure", true),
      new Served("post", "/api/v1/micropools/{id}/slashings", true),
      new Served("get", "/api/v1/audit/conservation", false));

  /** The routes whose success is not JSON, and what it is instead. */
  private static final Map<String, String> NOT_JSON = Map.of("GET /metrics", "text/plain", "GET /api/v1/events", "text/event-stream");

  private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final List<String> SIGNATURE_SCHEMES = List.of("bhkrAddress", "bhkrNonce", "bhkrExpires", "bhkrSignature");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode doc;

  @BeforeAll
  static void readDocument() throws Exception {
    try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
      assertTrue(in != null, "openapi.json is on the classpath");
      doc = JSON.readTree(in);
    }
  }

  private static JsonNode operation(Served s) {
    return doc.path("paths").path(s.path()).path(s.method());
  }

  /** A response, or what its $ref points to. */
  private static JsonNode resolved(JsonNode node) {
    return node.has("$ref") ? doc.at(node.get("$ref").asText().substring(1)) : node;
  }

  @Test
  void isOpenApi30() {
    assertTrue(doc.path("openapi").asText().matches("3\\.0\\.\\d+"), "openapi: " + doc.path("openapi"));
    assertFalse(doc.path("info").path("title").asText().isBlank());
    assertFalse(doc.path("info").path("version").asText().isBlank());
    String description = doc.path("info").path("description").asText();
    for (String mustMention : List.of("BHKR API request", "body-sha256", "base units", "development", "embedded",
        SignatureHeaders.ADDRESS, SignatureHeaders.NONCE, SignatureHeaders.EXPIRES, SignatureHeaders.SIGNATURE))
      assertTrue(description.contains(mustMention), "info.description mentions " + mustMention);
  }

  @Test
  void everyServedRouteIsDocumented() {
    List<String> missing = SERVED.stream().filter(s -> operation(s).isMissingNode()).map(Served::toString).toList();
    assertEquals(List.of(), missing, "served but not documented");
  }

  @Test
  void nothingIsDocumentedThatIsNotServed() {
    Set<String> served = new TreeSet<>(SERVED.stream().map(Served::toString).toList());
    Set<String> documented = new TreeSet<>();
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (HTTP_METHODS.contains(method)) documented.add(method.toUpperCase() + " " + path.getKey());
    }));
    assertEquals(served, documented);
  }

  @Test
  void operationIdsAreUnique() {
    List<String> ids = SERVED.stream().map(s -> operation(s).path("operationId").asText()).toList();
    assertFalse(ids.contains(""), "every operation has an operationId");
    assertEquals(ids.size(), new TreeSet<>(ids).size(), "operationIds are unique: " + ids);
  }

  @Test
  void everyOperationDocumentsASuccess() {
    for (Served s : SERVED) {
      List<String> success = new ArrayList<>();
      operation(s).path("responses").fieldNames().forEachRemaining(code -> {
        if (code.startsWith("2")) success.add(code);
      });
      assertFalse(success.isEmpty(), s + " documents a 2xx");
      String type = NOT_JSON.getOrDefault(s.toString(), "application/json");
      for (String code : success)
        assertTrue(resolved(operation(s).path("responses").path(code)).path("content").has(type), s + " " + code + " answers " + type);
    }
  }

  @Test
  void signedWritesRequireAllFourHeadersAndDocument401And400() {
    for (Served s : SERVED) {
      JsonNode op = operation(s);
      JsonNode security = op.path("security");
      assertTrue(security.isArray(), s + " states its security explicitly");
      if (s.signed()) {
        assertEquals(1, security.size(), s + ": one requirement, all four headers together");
        Set<String> schemes = new TreeSet<>();
        security.get(0).fieldNames().forEachRemaining(schemes::add);
        assertEquals(new TreeSet<>(SIGNATURE_SCHEMES), schemes, s.toString());
        assertTrue(op.path("responses").has("401"), s + " documents 401");
        assertTrue(op.path("responses").has("400"), s + " documents 400");
        assertTrue(op.path("requestBody").path("content").has("application/json"), s + " documents its body");
      } else {
        assertEquals(0, security.size(), s + " needs no signature");
        assertFalse(op.path("responses").has("401"), s + " is not signed, so cannot answer 401");
      }
    }
  }

  @Test
  void theSignatureSchemesNameTheFourHeaders() {
    JsonNode schemes = doc.path("components").path("securitySchemes");
    Map<String, String> headers = Map.of("bhkrAddress", SignatureHeaders.ADDRESS, "bhkrNonce", SignatureHeaders.NONCE,
        "bhkrExpires", SignatureHeaders.EXPIRES, "bhkrSignature", SignatureHeaders.SIGNATURE);
    assertEquals(new TreeSet<>(headers.keySet()), fieldNames(schemes));
    headers.forEach((scheme, header) -> {
      assertEquals("apiKey", schemes.path(scheme).path("type").asText(), scheme);
      assertEquals("header", schemes.path(scheme).path("in").asText(), scheme);
      assertEquals(header, schemes.path(scheme).path("name").asText(), scheme);
    });
    assertTrue(schemes.path("bhkrSignature").path("description").asText().contains("body-sha256"),
        "the signature scheme describes the canonical message");
  }

  @Test
  void refusalsAreProblemJson() {
    for (Served s : SERVED) {
      if (s.path().endsWith("/health")) continue; // its 503 is the same JSON as its 200
      operation(s).path("responses").fields().forEachRemaining(e -> {
        if (e.getKey().startsWith("2")) return;
        JsonNode content = resolved(e.getValue()).path("content");
        assertEquals(Set.of("application/problem+json"), fieldNames(content), s + " " + e.getKey());
        assertEquals("#/components/schemas/Problem",
            content.path("application/problem+json").path("schema").path("$ref").asText(), s + " " + e.getKey());
      });
    }
  }

  @Test
  void entityBackedEndpointsDocumentTimeouts() {
    for (Served s : SERVED) {
      if (s.path().equals("/api/v1/openapi.json")) continue; // served from memory
      assertTrue(operation(s).path("responses").has("503"), s + " documents 503");
    }
  }

  @Test
  void theProblemSchemaHasTheContractFields() {
    JsonNode problem = doc.path("components").path("schemas").path("Problem");
    assertEquals(Set.of("type", "title", "status", "detail", "errors"), fieldNames(problem.path("properties")));
    assertEquals("#/components/schemas/FieldError", problem.path("properties").path("errors").path("items").path("$ref").asText());
    JsonNode fieldError = doc.path("components").path("schemas").path("FieldError");
    assertEquals(Set.of("field", "message"), fieldNames(fieldError.path("properties")));
  }

  @Test
  void amountsAreDecimalStringsAndBalancesCoverEveryAsset() {
    JsonNode schemas = doc.path("components").path("schemas");
    assertEquals("string", schemas.path("BaseUnits").path("type").asText());
    assertEquals(Set.of("asset", "amount"), fieldNames(schemas.path("Amount").path("properties")));
    assertEquals(Set.of("BHKR", "ETH", "AETH"), fieldNames(schemas.path("Balances").path("properties")));
    List<String> assets = new ArrayList<>();
    schemas.path("Asset").path("enum").forEach(a -> assets.add(a.asText()));
    assertEquals(List.of("BHKR", "ETH", "AETH"), assets);
  }

  @Test
  void pathParametersAreDeclared() {
    Pattern template = Pattern.compile("\\{([^}]+)}");
    for (Served s : SERVED) {
      Set<String> inPath = new TreeSet<>();
      Matcher m = template.matcher(s.path());
      while (m.find()) inPath.add(m.group(1));
      Set<String> declared = new TreeSet<>();
      operation(s).path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("path")) {
          assertTrue(p.path("required").asBoolean(), s + " " + p.path("name"));
          declared.add(p.path("name").asText());
        }
      });
      assertEquals(inPath, declared, s.toString());
    }
  }

  @Test
  void everyRefResolvesInsideTheDocument() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertTrue(refs.size() > 50, "the document uses references: " + refs.size());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), "local reference: " + ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "resolves: " + ref);
    }
  }

  @Test
  void everyComponentIsUsed() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    for (String kind : List.of("schemas", "responses")) {
      for (String name : fieldNames(doc.path("components").path(kind)))
        assertTrue(refs.contains("#/components/" + kind + "/" + name), "components/" + kind + "/" + name + " is referenced");
    }
  }

  @Test
  void aMissingDocumentStopsTheEndpointFromBeingMade() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new OpenApiEndpoint("no-such-openapi.json"));
    assertTrue(e.getMessage().contains("no-such-openapi.json"), e.getMessage());
  }

  @Test
  void theRouteServesTheDocument() throws Exception {
    ActorTestKit testKit = ActorTestKit.create("OpenApiDocumentTest");
    try {
      ServerBinding binding = Http.get(testKit.system()).newServerAt("127.0.0.1", 0).bind(new OpenApiEndpoint().route())
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
      int port = binding.localAddress().getPort();
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/openapi.json")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
          "content type " + r.headers().firstValue("Content-Type"));
      JsonNode served = JSON.readTree(r.body());
      assertTrue(served.path("openapi").isTextual(), "has openapi");
      assertEquals(doc, served, "the document on the classpath, unchanged");
      binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } finally {
      testKit.shutdownTestKit();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        if (e.getKey().equals("$ref") && e.getValue().isTextual()) refs.add(e.getValue().asText());
        else collectRefs(e.getValue(), refs);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
