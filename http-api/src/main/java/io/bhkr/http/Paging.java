package io.bhkr.http;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.headers.RawHeader;
import io.bhkr.persistence.listings.Listings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A listing's {@code ?limit=&after=}: pages are ordered by id, {@code after} is the last id of the
 * page before, and a page with more after it says so in a {@code Link: <…>; rel="next"} header
 * (RFC 8288), so the body stays the plain JSON array api.md promises.
 */
record Paging(int limit, String after) {

  static Paging of(Optional<String> limit, Optional<String> after, Listings listings) {
    int n = listings.defaultLimit();
    if (limit.isPresent()) {
      try {
        n = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + listings.maxLimit());
      }
      if (n < 1 || n > listings.maxLimit()) throw ApiException.invalid("limit", "must be from 1 to " + listings.maxLimit());
    }
    String from = after.map(a -> Wire.text(a, "after", 255)).orElse(null);
    return new Paging(n, from);
  }

  /** The page's body with, when a next page exists, its link (the same path and filters, {@code after} moved on). */
  HttpResponse respond(HttpResponse page, String path, Map<String, String> filters, String next) {
    if (next == null) return page;
    Map<String, String> query = new LinkedHashMap<>(filters);
    query.put("limit", Integer.toString(limit));
    query.put("after", next);
    StringBuilder link = new StringBuilder("<").append(path);
    char sep = '?';
    for (var q : query.entrySet()) {
      if (q.getValue() == null) continue;
      link.append(sep).append(q.getKey()).append('=').append(URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return page.addHeader(RawHeader.create("Link", link.append(">; rel=\"next\"").toString()));
  }
}
