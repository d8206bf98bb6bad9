package io.bhkr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code status}: one node as an operator sees it, from its existing endpoints: {@code /health}
 * (status, journal profile), the management port's {@code /ready} and {@code /cluster/members},
 * {@code /metrics} (projections' lag), {@code /api/v1/chain} (the bridge) and the conservation
 * audit's verdict. Exit 0 when the node is UP, ready and its audit OK; 1 otherwise.
 */
@Command(name = "status", description = {"show a node at a glance: members, readiness, journal, lag, bridge, audit",
    "cluster members, readiness, journal profile, projections' lag, chain bridge state and audit verdict;",
    "exit 0 when the node is up, ready and its audit is OK"})
final class StatusCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  static final String DEFAULT_MANAGEMENT = "http://127.0.0.1:8558";
  private static final Pattern LAG = Pattern.compile("^bhkr_projection_(lag|offset)\\{projection=\"([^\"]+)\".*}\\s+([0-9.eE+-]+)$");

  @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = ToolCommands.API_HELP)
  URI api = URI.create(CallCommand.DEFAULT_API);
  @Option(names = "--management", paramLabel = "URL", converter = Management.class,
      description = "the node's management endpoint (default " + DEFAULT_MANAGEMENT + ")")
  URI management = URI.create(DEFAULT_MANAGEMENT);

  @Override
  public Integer call() {
    return status(api, management, new NodeReader(), spec.commandLine().getOut());
  }

  /** --management: an http(s) URL, like the API's. */
  static final class Management implements picocli.CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        return new Converters.Api().convert(value);
      } catch (picocli.CommandLine.TypeConversionException e) {
        throw new picocli.CommandLine.TypeConversionException("must be a URL like " + DEFAULT_MANAGEMENT + ", not '" + value + "'");
      }
    }
  }

  static int status(URI api, URI management, NodeReader reader, PrintWriter out) {
    try {
      return report(api, management, reader, out);
    } finally {
      out.flush();
    }
  }

  private static int report(URI api, URI management, NodeReader reader, PrintWriter out) {
    boolean good = true;
    NodeReader.Answer health = read(reader, api, "/health");
    if (health == null || health.json() == null) {
      out.println("Node " + api + ": no answer" + (health == null ? " (is a node running there?)" : ": HTTP " + health.status()));
      return 1;
    }
    JsonNode h = health.json();
    good &= "UP".equals(h.path("status").asText());
    out.printf("Node %s: %s, journal profile %s%s%s%n", api, h.path("status").asText(), h.path("profile").asText("?"),
        h.path("development").asBoolean(false) ? ", development genesis" : "", h.has("reason") ? " (" + h.path("reason").asText() + ")" : "");

    NodeReader.Answer ready = read(reader, management, "/ready");
    if (ready == null) {
      out.println("Readiness: no answer from " + management + " (a node started with --management-port elsewhere? use --management URL)");
      good = false;
    } else {
      good &= ready.ok();
      out.println("Readiness: " + (ready.ok() ? "ready" : "NOT ready (HTTP " + ready.status() + ": " + ready.body().strip() + ")"));
    }
    NodeReader.Answer members = read(reader, management, "/cluster/members");
    if (members != null && members.ok() && members.json() != null) out.print(members(members.json()));
    else out.println("Cluster members: unknown (" + (members == null ? "no answer" : "HTTP " + members.status()) + " from " + management + "/cluster/members)");

    NodeReader.Answer metrics = read(reader, api, "/metrics");
    out.println("Projections: " + (metrics != null && metrics.ok() ? projections(metrics.body()) : "unknown (no /metrics)"));

    NodeReader.Answer chain = read(reader, api, "/api/v1/chain");
    out.println("Chain bridge: " + (chain == null ? "unknown" : chain.ok() && chain.json() != null ? bridge(chain.json()) : "none (a chain-less node)"));
    if (chain != null && chain.ok() && chain.json() != null && chain.json().hasNonNull("halted")) good = false;

    NodeReader.Answer audit = read(reader, api, AuditCommand.PATH);
    if (audit == null || !audit.ok() || audit.json() == null) {
      out.println("Conservation audit: unknown" + (audit == null ? "" : " (HTTP " + audit.status() + ")"));
      good = false;
    } else {
      boolean ok = audit.json().path("ok").asBoolean(false);
      good &= ok;
      List<String> broken = new ArrayList<>();
      audit.json().path("assets").fields().forEachRemaining(e -> {
        if (!e.getValue().path("ok").asBoolean(false)) broken.add(e.getKey());
      });
      out.println("Conservation audit: " + (ok ? "OK" : "NOT OK" + (broken.isEmpty() ? "" : " (" + String.join(", ", broken) + "; bhkr audit says more)"))
          + ", " + audit.json().path("events").asLong() + " ledger events");
    }
    return good ? 0 : 1;
  }

  private static NodeReader.Answer read(NodeReader reader, URI base, String path) {
    try {
      return reader.get(base, path);
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  static String members(JsonNode m) {
    StringBuilder s = new StringBuilder("Cluster members (leader " + m.path("leader").asText("none") + "):\n");
    for (JsonNode member : m.path("members")) {
      List<String> roles = new ArrayList<>();
      member.path("roles").forEach(r -> roles.add(r.asText()));
      boolean self = member.path("node").asText().equals(m.path("selfNode").asText());
      s.append(String.format("  %-40s %-8s %s%s%n", member.path("node").asText(), member.path("status").asText(), String.join(",", roles),
          self ? "  (this node)" : ""));
    }
    for (JsonNode u : m.path("unreachable")) s.append("  unreachable: ").append(u.path("node").asText(u.asText())).append('\n');
    return s.toString();
  }

  /** The lag and offset of each projection /metrics reports, e.g. "ledger lag 0 (offset 41)". */
  static String projections(String metrics) {
    Map<String, Map<String, Long>> byProjection = new TreeMap<>();
    for (String line : metrics.split("\n")) {
      Matcher m = LAG.matcher(line.strip());
      if (m.matches()) byProjection.computeIfAbsent(m.group(2), k -> new TreeMap<>()).put(m.group(1), (long) Double.parseDouble(m.group(3)));
    }
    if (byProjection.isEmpty()) return "no lag measured yet (the first audit poll has not run, or the journal cannot tell its head)";
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, Map<String, Long>>> it = byProjection.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Map<String, Long>> e = it.next();
      Long lag = e.getValue().get("lag");
      Long offset = e.getValue().get("offset");
      parts.add(e.getKey() + " lag " + (lag == null ? "not measured" : lag) + (offset == null ? "" : " (offset " + offset + ")"));
    }
    return String.join("; ", parts);
  }

  static String bridge(JsonNode c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.hasNonNull("halted") ? "HALTED: " + c.path("halted").asText() : "following");
    JsonNode cursor = c.path("cursor");
    if (cursor.has("block")) parts.add("cursor block " + cursor.path("block").asText());
    if (c.has("confirmations")) parts.add(c.path("confirmations").asText() + " confirmations");
    JsonNode outbox = c.path("outbox");
    if (outbox.isObject()) parts.add("outbox " + (outbox.path("queued").size() + (outbox.hasNonNull("inFlight") ? 1 : 0)) + " transactions");
    if (c.path("deposits").has("pendingCredits")) parts.add(c.path("deposits").path("pendingCredits").asText() + " deposits pending");
    return String.join(", ", parts);
  }
}
