package io.bhkr.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unsigned reads of a node's endpoints for status and the listings: status, body and the next page's link. */
final class NodeReader {

  /** One answer; {@code json} is null when the body is not JSON, {@code next} the Link rel="next" target. */
  record Answer(int status, String body, JsonNode json, Optional<String> next) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** GET {@code base + path}; an unreachable node is an UncheckedIOException with a plain message. */
  Answer get(URI base, String path) {
    String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
    HttpRequest request = HttpRequest.newBuilder(URI.create(root + path)).timeout(TIMEOUT).GET().build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("no answer from " + base + ": " + CallCommand.describe(new UncheckedIOException(e)), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    Optional<String> next = response.headers().firstValue("Link").map(NEXT::matcher).filter(Matcher::find).map(m -> m.group(1));
    return new Answer(response.statusCode(), response.body(), json, next);
  }
}
