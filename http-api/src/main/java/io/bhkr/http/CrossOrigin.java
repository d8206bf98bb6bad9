package io.bhkr.http;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpMethods;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.typesafe.config.Config;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Cross-origin requests from browsers: off unless {@code bhkr.http.cors.allowed-origins} names the
 * origins allowed. Off, no answer carries an Access-Control header, so a browser page of another
 * origin cannot read the API's answers; a preflight is then an ordinary 405.
 */
final class CrossOrigin extends AllDirectives {

  private static final String ALLOWED_HEADERS = "Content-Type, X-Bhkr-Address, X-Bhkr-Nonce, X-Bhkr-Expires, X-Bhkr-Signature";

  private final Set<String> origins;
  private final long maxAgeSeconds;

  private CrossOrigin(Set<String> origins, long maxAgeSeconds) {
    this.origins = origins;
    this.maxAgeSeconds = maxAgeSeconds;
  }

  static CrossOrigin from(Config config) {
    return new CrossOrigin(Set.copyOf(config.getStringList("bhkr.http.cors.allowed-origins")),
        config.getDuration("bhkr.http.cors.max-age").toSeconds());
  }

  private boolean allows(String origin) {
    return origins.contains("*") || origins.contains(origin);
  }

  Route route(Supplier<Route> inner) {
    if (origins.isEmpty()) return inner.get();
    return optionalHeaderValueByName("Origin", origin -> {
      if (origin.isEmpty() || !allows(origin.get())) return inner.get();
      List<HttpHeader> allow = List.of(RawHeader.create("Access-Control-Allow-Origin", origin.get()), RawHeader.create("Vary", "Origin"));
      return respondWithHeaders(allow, () -> concat(
          method(HttpMethods.OPTIONS, () -> complete(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT).addHeaders(List.of(
              RawHeader.create("Access-Control-Allow-Methods", "GET, POST"),
              RawHeader.create("Access-Control-Allow-Headers", ALLOWED_HEADERS),
              RawHeader.create("Access-Control-Max-Age", Long.toString(maxAgeSeconds)))))),
          inner.get()));
    });
  }
}
