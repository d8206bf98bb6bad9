package io.bhkr.http;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.persistence.metrics.NodeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every HTTP answer counted and timed by route template and status ({@code http.server.requests},
 * with a latency histogram), and {@code GET /metrics}: the node's meters in the Prometheus text
 * format. The route templates are the OpenAPI document's paths, so a label is {@code
 * /api/v1/projects/{id}}, never one per project; anything else is {@code other}.
 */
final class HttpMetrics extends AllDirectives {

  /** Prometheus' text exposition format. */
  private static final akka.http.javadsl.model.ContentType PROMETHEUS_TEXT =
      akka.http.javadsl.model.ContentTypes.parse("text/plain; version=0.0.4; charset=utf-8");
  /** Routes outside the API document. */
  private static final List<String> OTHER_ROUTES = List.of("/", "/metrics", "/dashboard", "/dashboard/", "/dashboard/{file}");

  private final NodeMetrics metrics;
  private final List<Template> templates;

  private record Template(String route, Pattern pattern) {}

  HttpMetrics(NodeMetrics metrics) {
    this.metrics = metrics;
    this.templates = templates();
  }

  /** {@code GET /metrics}. */
  Route scrape() {
    return path("metrics", () -> get(() -> complete(HttpResponse.create().withEntity(PROMETHEUS_TEXT,
        metrics.scrape().getBytes(StandardCharsets.UTF_8)))));
  }

  /** Times {@code inner} from the request's arrival to its response's start (for a stream, its first byte). */
  Route timed(Supplier<Route> inner) {
    MeterRegistry registry = metrics.registry();
    return extractRequest(request -> {
      long started = System.nanoTime();
      String route = template(request.getUri().path());
      String method = request.method().value();
      return mapResponse(response -> {
        Timer.builder("http.server.requests").description("HTTP requests by route template, method and status")
            .tag("route", route).tag("method", method).tag("status", Integer.toString(response.status().intValue()))
            .publishPercentileHistogram()
            .minimumExpectedValue(java.time.Duration.ofMillis(1)).maximumExpectedValue(java.time.Duration.ofSeconds(10)).register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return response;
      }, inner);
    });
  }

  String template(String path) {
    for (Template t : templates) if (t.pattern.matcher(path).matches()) return t.route;
    return "other";
  }

  private static List<Template> templates() {
    List<String> routes = new ArrayList<>(OTHER_ROUTES);
    try (InputStream in = HttpMetrics.class.getClassLoader().getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
      if (in == null) throw new IllegalStateException("the OpenAPI document is not on the classpath");
      JsonNode paths = Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8)).path("paths");
      paths.fieldNames().forEachRemaining(routes::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // a literal segment beats a parameter: /pools/reward/distributions before /pools/{pool}/...
    routes.sort(java.util.Comparator.comparingLong((String r) -> r.chars().filter(c -> c == '{').count()));
    List<Template> out = new ArrayList<>();
    for (String r : routes)
      out.add(new Template(r, Pattern.compile(Pattern.quote(r).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"))));
    return out;
  }
}
