package io.bhkr.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** index.html: the key figures of every sweep point and the charts on one page, with relative links only. */
final class Report {

  private Report() {}

  static final List<String> KEY_FIGURES = List.of("projects", "assigned", "settled", "failed", "unassigned", "win gini", "win hhi",
      "validator requesters ahead share", "validator mean net over FP", "price paid over maxBid", "other rule price over maxBid",
      "slashings", "slashed ETH", "shortfall", "max owed by insurance ETH", "insurance ETH at end", "insurance BHKR at end",
      "reward pool BHKR at end", "development fund BHKR", "governor slashes", "governors unseated", "micro-pools completed",
      "disqualifications", "events");

  static void write(Path dir, Scenario scenario, String sweepPath, List<SimulateCommand.Point> points, SimulateCommand.Options o,
      List<RunResult> results, List<Outputs.Aggregate> aggregates, List<String> charts) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>BHKR simulation: ").append(esc(scenario.name()))
        .append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
            + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            + "th:first-child,td:first-child{text-align:left}img{max-width:100%;border:1px solid #eee;margin:1em 0}</style></head><body>\n");
    h.append("<h1>Market simulation: ").append(esc(scenario.name())).append("</h1>\n<p>").append(esc(scenario.config().getString("description")))
        .append("</p>\n<p>").append(scenario.days()).append(" simulated days, ").append(o.runs()).append(" run(s) per point, seed ")
        .append(o.seed()).append(sweepPath.isEmpty() ? "" : ", sweep of <code>" + esc(sweepPath) + "</code>")
        .append(". Every run balanced every asset to the base unit. Files: <a href=\"summary.csv\">summary.csv</a> (one row per run, with its seed), "
            + "<a href=\"aggregate.csv\">aggregate.csv</a>, <a href=\"scenario.conf\">scenario.conf</a>, per-run CSV under <code>runs/</code>.</p>\n");
    h.append("<h2>Key figures (mean over runs, [5th–95th percentile])</h2>\n<table><tr><th>figure</th>");
    for (SimulateCommand.Point p : points) h.append("<th>").append(p.value().isEmpty() ? "all runs" : esc(sweepPath + " = " + p.value())).append("</th>");
    h.append("</tr>\n");
    for (String f : KEY_FIGURES) {
      h.append("<tr><td>").append(esc(f)).append("</td>");
      for (SimulateCommand.Point p : points) {
        Outputs.Aggregate a = aggregates.stream().filter(x -> x.point() == p.index() && x.figure().equals(f)).findFirst().orElse(null);
        h.append("<td>").append(a == null ? "" : fmt(a.mean()) + (a.p05() == a.p95() ? "" : " [" + fmt(a.p05()) + "–" + fmt(a.p95()) + "]"))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n<h2>Charts</h2>\n");
    for (String c : charts) h.append("<figure><img src=\"charts/").append(c).append("\" alt=\"").append(c).append("\"></figure>\n");
    h.append("</body></html>\n");
    Files.writeString(dir.resolve("index.html"), h.toString(), StandardCharsets.UTF_8);
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,.0f", v);
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.3f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
