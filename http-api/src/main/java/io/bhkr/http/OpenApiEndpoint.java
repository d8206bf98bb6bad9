package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the API's OpenAPI document at {@code GET /api/v1/openapi.json}. The document is read from
 * the classpath once, when the endpoint is made; a missing or unparsable document stops the node
 * from starting rather than answering 404 later.
 */
public final class OpenApiEndpoint extends AllDirectives {

  /** Where the document lives on the classpath. */
  public static final String RESOURCE = "openapi.json";

  private final HttpEntity.Strict document;

  public OpenApiEndpoint() {
    this(RESOURCE);
  }

  OpenApiEndpoint(String resource) {
    byte[] bytes = load(resource);
    JsonNode parsed;
    try {
      parsed = Json.tree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the OpenAPI document " + resource + " is not JSON", e);
    }
    if (!parsed.path("openapi").isTextual())
      throw new IllegalStateException("the OpenAPI document " + resource + " has no 'openapi' version");
    this.document = HttpEntities.create(ContentTypes.APPLICATION_JSON, bytes);
  }

  private static byte[] load(String resource) {
    try (InputStream in = OpenApiEndpoint.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("the OpenAPI document " + resource + " is not on the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI document " + resource, e);
    }
  }

  /** {@code GET /api/v1/openapi.json}; rejects everything else, so it can sit in any {@code concat}. */
  public Route route() {
    return path(segment("api").slash("v1").slash("openapi.json"), () ->
        get(() -> complete(HttpResponse.create().withEntity(document))));
  }
}
