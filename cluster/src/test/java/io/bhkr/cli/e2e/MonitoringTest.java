package io.bhkr.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.cli.Node;
import io.bhkr.cli.NodeOptions;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import io.bhkr.cli.walkthrough.Walkthrough;
import io.bhkr.persistence.JournalProfile;
import io.bhkr.persistence.testing.TestJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator watches, on a real node playing the worked example: {@code GET /metrics} names
 * every documented meter and its counters move with the market, and {@code GET /api/v1/events}
 * streams the auction with its verification data and the settlement, and resumes after a cursor
 * without repeating or skipping a fact.
 */
class MonitoringTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The meters docs/monitoring.md lists (Prometheus names, without the histogram/counter suffixes). */
  static final List<String> DOCUMENTED = List.of(
      "http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
      "bhkr_journal_persist_seconds_bucket", "bhkr_journal_events_written_total",
      "bhkr_entities_live", "bhkr_auctions_closed_total", "bhkr_auctions_unassigned_total", "bhkr_projects_settled_total",
      "bhkr_projects_failed_total", "bhkr_distributions_total", "bhkr_transfers_in_flight", "bhkr_projection_lag",
      "bhkr_projection_offset", "bhkr_conservation_ok",
      "jvm_memory_used_bytes", "jvm_gc_pause_seconds_count", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");

  @Test
  void metricsMoveWithTheMarketAndTheEventStreamCarriesItsFacts(@TempDir Path dir) throws Exception {
    try (TestJournal journal = TestJournal.create(JournalProfile.EMBEDDED, dir);
        Node node = Node.start(NodeOptions.defaults().withHttpPort(0).withProfile(journal.profile(), journal.settings()))) {
      String base = node.baseUrl();
      DevelopmentMarket.await("the metrics' first reading", () -> metrics(base).containsKey("bhkr_conservation_ok{asset=\"all\"}"));
      assertEquals(0.0, metrics(base).get("bhkr_auctions_closed_total"), "no auction before the market moves");
      assertEquals(0.0, metrics(base).get("bhkr_projects_settled_total"));

      Walkthrough.Outcome outcome = Walkthrough.run(base, System.out);
      assertTrue(outcome.reproducedS1());

      System.gc(); // the GC meters appear with the first collection this JVM reports; make sure there is one
      DevelopmentMarket.await("the counters follow the journal", () -> metrics(base).getOrDefault("bhkr_projects_settled_total", 0.0) >= 1);
      Map<String, Double> m = metrics(base);
      for (String name : DOCUMENTED)
        assertTrue(m.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{")), "GET /metrics has " + name);
      for (String name : grafanaMetrics())
        assertTrue(name.startsWith("bhkr_chain_") || m.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{")),
            "docs/grafana-dashboard.json uses " + name + ", which GET /metrics has (chain mode's aside)");
      assertEquals(1.0, m.get("bhkr_auctions_closed_total"));
      assertEquals(1.0, m.get("bhkr_projects_settled_total"));
      assertEquals(0.0, m.get("bhkr_projects_failed_total"));
      assertTrue(m.get("bhkr_journal_events_written_total{entity=\"Project\"}") >= 3, "the project's events were written");
      assertTrue(m.get("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/projects/{id}/bids\",status=\"202\"}") >= 3,
          "three bids, by their route template");
      DevelopmentMarket.await("the audit's reading after the settlement", () ->
          metrics(base).getOrDefault("bhkr_projection_offset{projection=\"ledger\"}", 0.0) > 0
              && metrics(base).getOrDefault("bhkr_conservation_ok{asset=\"BHKR\"}", 0.0) == 1.0);

      // the event stream: the auction with its verification data, then the settlement
      JsonNode project = new DevelopmentMarket(base, null).get("/api/v1/projects/" + outcome.projectId());
      // the four tags' queries interleave: wait for both the settlement and a governance decision
      List<Sse> events = read(base + "/api/v1/events", null,
          all -> all.stream().anyMatch(e -> e.kind.equals("project-settled")) && all.stream().anyMatch(e -> e.kind.equals("proposal-decided")));
      Sse auction = events.stream().filter(e -> e.kind.equals("auction-closed")).findFirst().orElseThrow();
      assertEquals(outcome.projectId(), auction.data.get("projectId").asText());
      assertEquals(project.get("auction").get("seed").asText(), auction.data.get("seed").asText());
      assertEquals(project.get("auction").get("candidates"), auction.data.get("candidates"));
      assertEquals(project.get("winner").asText(), auction.data.get("winner").asText());
      assertFalse(events.stream().anyMatch(e -> e.data.toString().contains("standing")), "no sealed bid is ever shown");
      assertTrue(events.stream().anyMatch(e -> e.kind.equals("proposal-decided")), "governance decisions are there");

      // resuming after the auction gives everything that followed it (the read times out otherwise), not the auction again
      List<Long> after = events.subList(events.indexOf(auction) + 1, events.size()).stream().map(e -> e.data.get("offset").asLong()).toList();
      assertTrue(after.size() > 0, "facts followed the auction");
      List<Sse> resumed = read(base + "/api/v1/events", auction.id,
          all -> all.stream().map(e -> e.data.get("offset").asLong()).toList().containsAll(after));
      assertFalse(resumed.stream().anyMatch(e -> e.kind.equals("auction-closed")), "the auction is not sent twice");
      assertNotEquals("", auction.id);

      HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?after=yesterday")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(400, bad.statusCode(), bad.body());
    }
  }

  /** The sample names the Grafana dashboard's queries use. */
  private static List<String> grafanaMetrics() throws Exception {
    JsonNode dashboard = JSON.readTree(Path.of("..", "docs", "grafana-dashboard.json").toFile());
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\\b((?:bhkr|http_server|jvm)_[a-z_]+)").matcher(dashboard.findValues("expr").toString());
    while (m.find()) if (!names.contains(m.group(1))) names.add(m.group(1));
    assertTrue(names.size() > 10, "the dashboard's queries: " + names);
    return names;
  }

  record Sse(String kind, String id, JsonNode data) {}

  /** Reads the stream until the events read satisfy {@code done} (at most 20 s), and closes it. */
  private static List<Sse> read(String url, String lastEventId, java.util.function.Predicate<List<Sse>> done) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    HttpResponse<java.io.InputStream> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    List<Sse> events = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String kind = null, id = null, data = null;
      for (String line = in.readLine(); line != null && System.nanoTime() < deadline; line = in.readLine()) {
        if (line.startsWith("event:")) kind = line.substring(6);
        else if (line.startsWith("id:")) id = line.substring(3);
        else if (line.startsWith("data:")) data = line.substring(5);
        else if (line.isEmpty() && data != null) {
          Sse e = new Sse(kind, id, JSON.readTree(data));
          events.add(e);
          kind = id = data = null;
          if (done.test(events)) return events;
        }
      }
    }
    throw new AssertionError("the stream ended before the expected event; got " + events.stream().map(Sse::kind).toList());
  }

  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(\\{(?:[^\"}]|\"[^\"]*\")*})?) (\\S+)$");

  /** GET /metrics as sample name (with labels) → value. */
  static Map<String, Double> metrics(String base) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      Map<String, Double> samples = new TreeMap<>();
      for (String line : r.body().split("\n")) {
        Matcher m = SAMPLE.matcher(line);
        if (!line.startsWith("#") && m.matches()) samples.put(m.group(1), Double.parseDouble(m.group(3)));
      }
      return samples;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
