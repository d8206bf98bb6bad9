package io.bhkr.http;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpCharsets;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.pattern.AskTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers as RFC 7807 application/problem+json, with a stable {@code type} per kind of refusal. */
public final class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  static final String TYPE_BASE = "https://bhkr.io/problems/";
  private static final ContentType PROBLEM_JSON =
      MediaTypes.applicationWithFixedCharset("problem+json", HttpCharsets.UTF_8).toContentType();

  private Problems() {}

  public static HttpResponse of(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + e.type());
    body.put("title", e.title());
    body.put("status", e.status());
    body.put("detail", e.getMessage());
    if (!e.errors().isEmpty()) body.put("errors", e.errors());
    return HttpResponse.create().withStatus(e.status()).withEntity(PROBLEM_JSON, Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Maps any failure of a handler to its answer: refusals to 4xx, timeouts to 503, the rest to 500. */
  public static HttpResponse of(Throwable failure) {
    Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (t instanceof ApiException api) return of(api);
    if (t instanceof AskTimeoutException || t instanceof TimeoutException)
      return of(new ApiException(503, "unavailable", "The node did not answer in time", "try again shortly", java.util.List.of()));
    log.error("request failed", t);
    return of(new ApiException(500, "internal", "Internal error", "the request failed inside the node; see its log", java.util.List.of()));
  }

  static HttpResponse json(int status, Object body) {
    return HttpResponse.create().withStatus(StatusCodes.get(status)).withEntity(ContentTypes.APPLICATION_JSON, Json.write(body));
  }
}
