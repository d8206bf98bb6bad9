package io.bhkr.http;

import static akka.http.javadsl.server.Directives.complete;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.scaladsl.model.EntityStreamSizeException;
import akka.http.scaladsl.model.IllegalRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refusals Akka HTTP makes by itself (no route matched, wrong method, body too large or of the
 * wrong media type, a request it cannot parse), answered as problem+json like every refusal of the
 * API. The texts are ours, chosen by status alone: Akka's own texts name its classes and
 * configuration keys, which a client has no use for and a prober would.
 */
final class Refusals {

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  /** Every answer carries it, so no browser guesses a JSON answer is HTML. */
  static final HttpHeader NOSNIFF = RawHeader.create("X-Content-Type-Options", "nosniff");

  private record Kind(String type, String title, String detail) {}

  private static final Map<Integer, Kind> BY_STATUS = Map.ofEntries(
      Map.entry(400, new Kind("bad-request", "Bad request", "the request is malformed")),
      Map.entry(401, new Kind("unauthorized", "The request is not signed by the address it acts for", "the request is not authenticated")),
      Map.entry(404, new Kind("not-found", "Not found", "no endpoint at this path")),
      Map.entry(405, new Kind("method-not-allowed", "Method not allowed", "this path does not take this method; see the Allow header")),
      Map.entry(406, new Kind("not-acceptable", "Not acceptable", "the API answers application/json and application/problem+json only")),
      Map.entry(408, new Kind("request-timeout", "Request timeout", "the request did not arrive in time")),
      Map.entry(411, new Kind("length-required", "Length required", "the request needs a Content-Length")),
      Map.entry(413, new Kind("payload-too-large", "Payload too large", "the request body is over the API's limit")),
      Map.entry(414, new Kind("uri-too-long", "URI too long", "the request target is over the API's limit")),
      Map.entry(415, new Kind("unsupported-media-type", "Unsupported media type", "send the body as application/json")),
      Map.entry(417, new Kind("expectation-failed", "Expectation failed", "the Expect header is not supported")),
      Map.entry(431, new Kind("headers-too-large", "Request header fields too large", "a header is too long, or there are too many")),
      Map.entry(503, new Kind("unavailable", "The node did not answer in time", "try again shortly")),
      Map.entry(501, new Kind("not-implemented", "Not implemented", "the server does not support this request")),
      Map.entry(505, new Kind("http-version-not-supported", "HTTP version not supported", "send HTTP/1.1")));

  private Refusals() {}

  /** A problem+json answer for {@code status}, in our words; 500 for anything unforeseen. */
  static HttpResponse forStatus(int status) {
    Kind kind = BY_STATUS.get(status);
    if (kind == null) {
      kind = status >= 500
          ? new Kind("internal", "Internal error", "the request failed inside the node; see its log")
          : new Kind("bad-request", "Bad request", "the request is refused");
    }
    return Problems.of(new ApiException(status, kind.type(), kind.title(), kind.detail(), List.of())).addHeader(NOSNIFF);
  }

  /** Akka's own rejections, with its status kept (and Allow for a 405) but its words replaced. */
  static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler().mapRejectionResponse(response -> {
      List<HttpHeader> kept = new ArrayList<>();
      for (HttpHeader h : response.getHeaders()) if (h.is("allow")) kept.add(h);
      return forStatus(response.status().intValue()).addHeaders(kept);
    });
  }

  /** Failures that escape a route: a body over the limit is the client's 413; anything else is our 500. */
  static ExceptionHandler exceptions() {
    return ExceptionHandler.newBuilder()
        .match(EntityStreamSizeException.class, e -> complete(forStatus(413)))
        .match(IllegalRequestException.class, e -> complete(forStatus(e.status().intValue())))
        .match(ApiException.class, e -> complete(Problems.of(e)))
        .matchAny(e -> {
          log.error("request failed outside its handler", e);
          return complete(forStatus(500));
        })
        .build();
  }
}
