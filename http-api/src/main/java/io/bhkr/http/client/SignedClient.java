package io.bhkr.http.client;

import io.bhkr.http.auth.PersonalSignature;
import io.bhkr.http.auth.RequestMessage;
import io.bhkr.http.auth.SignatureHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.web3j.crypto.Credentials;

/**
 * A small client of a BHKR node that signs its writes as the spec's "Authentication of writes"
 * asks, for end-to-end tests and the command line.
 */
public final class SignedClient {

  /** What the node answered; {@code contentType} is null if the node sent none. */
  public record Response(int status, String body, String contentType) {}

  /** How long a request stays valid: long enough for clock skew, well under the 300 s limit. */
  public static final long LIFETIME_SECONDS = 120;

  private static final char[] NONCE_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();
  private static final int NONCE_LENGTH = 16;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  private final String baseUrl;
  private final Credentials key;
  private final HttpClient http;
  private final SecureRandom random = new SecureRandom();
  private final Duration patience;

  /**
   * @param baseUrl the node, with or without a path prefix (e.g. {@code http://host:8080/api/v1})
   * @param key the signer, or null for a client that sends unsigned requests only
   */
  public SignedClient(URI baseUrl, Credentials key) {
    this(baseUrl, key, Duration.ZERO);
  }

  private SignedClient(URI baseUrl, Credentials key, Duration patience) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.key = key;
    this.patience = patience;
    // HTTP/1.1: no h2c upgrade dance, and what is sent is what a server log shows.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * The same client, for at most {@code patience} sending a request again while the node cannot
   * be reached (refused connections: nothing was sent), and a read again while the node answers
   * 503 (a cluster moving a killed node's entities). A write that got a 503 is not sent again:
   * whether it took effect is unknown, and the identical request would only get 409
   * request-in-progress (api.md); its caller reads the resource.
   */
  public SignedClient patient(Duration patience) {
    return new SignedClient(URI.create(baseUrl), key, patience);
  }

  /** An unsigned read. */
  public Response get(String path) {
    return exchange("GET", path, null, false, Map.of());
  }

  /** A write with a JSON body, signed if this client has a key. */
  public Response post(String path, String jsonBody) {
    return send("POST", path, jsonBody, Map.of());
  }

  /**
   * Any request, signed if this client has a key, for tests that need odd ones. Overrides of
   * {@code X-Bhkr-Nonce} and {@code X-Bhkr-Expires} are signed, so a replayed or expired
   * request still carries a valid signature; any other override replaces its header after
   * signing (a tampered request), and a null value leaves the header out.
   *
   * @param body sent as UTF-8 JSON; null sends no body
   */
  public Response send(String method, String path, String body, Map<String, String> headerOverrides) {
    return exchange(method, path, body, key != null, headerOverrides);
  }

  /**
   * A signed request built now and sent later (a load generator signs before it measures): valid
   * for {@link #LIFETIME_SECONDS} and once, like any signed request.
   */
  public HttpRequest presigned(String method, String path, String jsonBody) {
    if (key == null) throw new IllegalStateException("this client has no key");
    URI target = URI.create(baseUrl + path);
    byte[] bytes = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
        .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
    if (bytes != null) request.header("Content-Type", "application/json");
    signatureHeaders(method, target.getRawPath(), bytes, Map.of()).forEach(request::header);
    return request.build();
  }

  private Response exchange(
      String method, String path, String body, boolean signed, Map<String, String> overrides) {
    if (!path.startsWith("/")) throw new IllegalArgumentException("path must start with /: " + path);
    URI target = URI.create(baseUrl + path);
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);

    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (bytes != null) headers.put("Content-Type", "application/json");
    if (signed) headers.putAll(signatureHeaders(method, target.getRawPath(), bytes, overrides));
    overrides.forEach((name, value) -> {
      if (value == null) headers.remove(name);
      else headers.put(name, value);
    });

    HttpRequest.Builder request = HttpRequest.newBuilder(target)
        .timeout(TIMEOUT)
        .method(method, bytes == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes));
    headers.forEach(request::header);
    HttpRequest built = request.build();
    long deadline = System.nanoTime() + patience.toNanos();
    try {
      while (true) {
        HttpResponse<String> response;
        try {
          response = http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          if (refused(e) && System.nanoTime() < deadline) {
            Thread.sleep(RETRY_PAUSE.toMillis());
            continue;
          }
          throw new UncheckedIOException(method + " " + target + " failed", e);
        }
        if (response.statusCode() == 503 && method.equals("GET") && System.nanoTime() < deadline) {
          Thread.sleep(RETRY_PAUSE.toMillis());
          continue;
        }
        return new Response(
            response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      var interrupted = new InterruptedIOException(method + " " + target + " interrupted");
      interrupted.initCause(e);
      throw new UncheckedIOException(interrupted);
    }
  }

  private static boolean refused(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof java.net.ConnectException) return true;
    return false;
  }

  private Map<String, String> signatureHeaders(
      String method, String rawPath, byte[] body, Map<String, String> overrides) {
    String nonce = overridden(overrides, SignatureHeaders.NONCE, freshNonce());
    String expires = overridden(
        overrides, SignatureHeaders.EXPIRES, Long.toString(Instant.now().getEpochSecond() + LIFETIME_SECONDS));
    String message = RequestMessage.canonical(method, rawPath, body, nonce, expires);
    return Map.of(
        SignatureHeaders.ADDRESS, key.getAddress().toLowerCase(Locale.ROOT),
        SignatureHeaders.NONCE, nonce,
        SignatureHeaders.EXPIRES, expires,
        SignatureHeaders.SIGNATURE, PersonalSignature.sign(key.getEcKeyPair(), message));
  }

  private static String overridden(Map<String, String> overrides, String header, String fallback) {
    return overrides.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(header) && entry.getValue() != null)
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(fallback);
  }

  private String freshNonce() {
    char[] nonce = new char[NONCE_LENGTH];
    for (int i = 0; i < nonce.length; i++) nonce[i] = NONCE_ALPHABET[random.nextInt(NONCE_ALPHABET.length)];
    return new String(nonce);
  }
}
