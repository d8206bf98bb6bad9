package io.bhkr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code projects} and {@code providers}: a page of {@code GET /api/v1/projects} or
 * {@code /api/v1/providers} as an aligned table, and when the node has more, the command that
 * shows the next page.
 */
final class ListingCommands {

  private ListingCommands() {}

  /** A column: its heading and how a row's JSON becomes its cell. */
  record Column(String heading, Function<JsonNode, String> cell) {}

  @Command(name = "projects", description = "the node's projects as a table (GET /api/v1/projects, a page at a time)")
  static final class Projects implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = ToolCommands.API_HELP)
    URI api = URI.create(CallCommand.DEFAULT_API);
    @Option(names = "--status", paramLabel = "S", description = "only projects in this status (BIDDING, RUNNING, SETTLED, FAILED, …)") String status;
    @Option(names = "--requester", paramLabel = "0xADDR", description = "only this requester's") String requester;
    @Option(names = "--provider", paramLabel = "0xADDR", description = "only those this provider won") String provider;
    @Option(names = "--limit", paramLabel = "N", description = "rows per page (default the node's)") Integer limit;
    @Option(names = "--after", paramLabel = "ID", description = "the page after this project id (the hint under a full page)") String after;

    @Override
    public Integer call() {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("status", status);
      query.put("requester", requester);
      query.put("provider", provider);
      List<Column> columns = List.of(
          new Column("PROJECT", p -> p.path("projectId").asText()),
          new Column("STATUS", p -> p.path("status").asText()),
          new Column("REQUESTER", p -> p.path("requester").asText()),
          new Column("FP", p -> amount(p.path("fp"))),
          new Column("MAX BID", p -> amount(p.path("maxBid"))),
          new Column("WINNER", p -> text(p.path("winner"))),
          new Column("PRICE", p -> amount(p.path("price"))));
      return list(api, "/api/v1/projects", query, limit, after, columns, "projects", "projectId", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  @Command(name = "providers", description = "the node's providers as a table (GET /api/v1/providers, a page at a time)")
  static final class Providers implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = ToolCommands.API_HELP)
    URI api = URI.create(CallCommand.DEFAULT_API);
    @Option(names = "--limit", paramLabel = "N", description = "rows per page (default the node's)") Integer limit;
    @Option(names = "--after", paramLabel = "ID", description = "the page after this provider id (the hint under a full page)") String after;

    @Override
    public Integer call() {
      List<Column> columns = List.of(
          new Column("PROVIDER", p -> p.path("providerId").asText()),
          new Column("BRAND", p -> text(p.path("brandName"))),
          new Column("STATUS", p -> p.path("status").asText()),
          new Column("SCORE", p -> text(p.path("score"))),
          new Column("COLLATERAL", p -> amount(p.path("collateral"))),
          new Column("MAX PRICE", p -> amount(p.path("maxPrice"))),
          new Column("RUNNING", p -> Integer.toString(p.path("runningProjects").size())));
      return list(api, "/api/v1/providers", Map.of(), limit, after, columns, "providers", "providerId", spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  static int list(URI api, String path, Map<String, String> filters, Integer limit, String after, List<Column> columns, String command,
      String idField, PrintWriter out, PrintWriter err) {
    if (limit != null && limit < 1) throw new UsageError("--limit must be at least 1");
    Map<String, String> query = new LinkedHashMap<>(filters);
    if (limit != null) query.put("limit", limit.toString());
    query.put("after", after);
    NodeReader.Answer answer;
    try {
      answer = new NodeReader().get(api, path + query(query));
    } catch (UncheckedIOException e) {
      err.println(e.getCause().getMessage());
      err.flush();
      return 1;
    }
    if (!answer.ok() || answer.json() == null || !answer.json().isArray()) {
      err.println("the node answered HTTP " + answer.status() + " to GET " + path + ": " + answer.body());
      err.flush();
      return 1;
    }
    List<JsonNode> rows = new ArrayList<>();
    answer.json().forEach(rows::add);
    out.print(table(columns, rows));
    if (answer.next().isPresent() && !rows.isEmpty()) {
      String last = rows.get(rows.size() - 1).path(idField).asText();
      out.println("More on the next page: java -jar bhkr.jar " + command + " --after " + last + " (plus the same options)");
    } else {
      out.println(rows.size() + " " + (rows.size() == 1 ? command.substring(0, command.length() - 1) : command) + ".");
    }
    out.flush();
    return 0;
  }

  /** Columns as wide as their widest cell, separated by two spaces; "-" for an empty cell. */
  static String table(List<Column> columns, List<JsonNode> rows) {
    List<List<String>> cells = new ArrayList<>();
    cells.add(columns.stream().map(Column::heading).toList());
    for (JsonNode row : rows) cells.add(columns.stream().map(c -> c.cell().apply(row)).map(v -> v == null || v.isEmpty() ? "-" : v).toList());
    int[] width = new int[columns.size()];
    for (List<String> line : cells) for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], line.get(i).length());
    StringBuilder s = new StringBuilder();
    for (List<String> line : cells) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        l.append(line.get(i));
        if (i < width.length - 1) l.append(" ".repeat(width[i] - line.get(i).length() + 2));
      }
      s.append(l.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private static String query(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((k, v) -> {
      if (v != null) parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static String text(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? "" : n.asText();
  }

  /** {"asset":"BHKR","amount":"…base units"} as tokens: "12.5 BHKR". */
  static String amount(JsonNode n) {
    if (n.isNull() || n.isMissingNode()) return "";
    if (!n.has("amount")) return n.asText();
    return new BigDecimal(n.path("amount").asText("0")).movePointLeft(18).stripTrailingZeros().toPlainString() + " " + n.path("asset").asText();
  }
}
