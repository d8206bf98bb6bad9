package io.bhkr.simulation;

import io.bhkr.money.Asset;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG charts of a simulation (XChart). Time series are means over the runs of the first sweep
 * point; the insurance chart has one x per sweep point. File names are fixed, so the report can
 * link to them.
 */
final class Charts {

  private static final int WIDTH = 900, HEIGHT = 520;

  private Charts() {}

  static List<String> write(Path dir, List<SimulateCommand.Point> points, List<RunResult> results, List<Outputs.Aggregate> aggregates,
      String sweepPath) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<RunResult> first = results.stream().filter(r -> r.point() == 0).toList();
    Scenario s0 = points.get(0).scenario();
    double bhkrUsd = usd(s0, "parameters.bhkr-price-usd"), ethUsd = usd(s0, "parameters.eth-price-usd");
    List<String> files = new ArrayList<>();
    files.add(save(dir, "pool-balances", poolBalances(first, bhkrUsd, ethUsd)));
    files.add(save(dir, "win-share-vs-score", winShare(first, aggregates)));
    files.add(save(dir, "requester-returns", requesterReturns(first)));
    files.add(save(dir, "insurance-solvency", insurance(points, results, aggregates, sweepPath)));
    files.add(save(dir, "reward-per-group", rewardPerGroup(first)));
    files.add(save(dir, "price-first-vs-second", prices(first, s0)));
    return files;
  }

  private static double usd(Scenario s, String path) {
    return s.config().getDouble(path);
  }

  private static String save(Path dir, String name, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) throws IOException {
    BitmapEncoder.saveBitmap(chart, dir.resolve(name + ".png").toString(), BitmapFormat.PNG);
    return name + ".png";
  }

  private static double tokens(BigInteger units) {
    return new BigDecimal(units).movePointLeft(Asset.DECIMALS).doubleValue();
  }

  /** Reward Pool and Insurance Pool, valued in USD at the scenario's prices, day by day (mean over runs). */
  private static XYChart poolBalances(List<RunResult> runs, double bhkrUsd, double ethUsd) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Pool balances over time (mean of " + runs.size() + " runs)")
        .xAxisTitle("day").yAxisTitle("USD at the scenario's prices").build();
    style(chart);
    int n = runs.get(0).days().size();
    if (n == 0) return chart;
    double[] x = new double[n], reward = new double[n], insurance = new double[n], owed = new double[n];
    for (RunResult r : runs)
      for (int i = 0; i < n; i++) {
        RunResult.Day d = r.days().get(i);
        x[i] = d.day();
        reward[i] += (tokens(d.rewardBhkr()) * bhkrUsd + tokens(d.rewardEth()) * ethUsd) / runs.size();
        insurance[i] += (tokens(d.insuranceBhkr()) * bhkrUsd + tokens(d.insuranceEth()) * ethUsd) / runs.size();
        owed[i] += tokens(d.insuranceOwedEth()) * ethUsd / runs.size();
      }
    line(chart, "Reward Pool (before each epoch's distribution)", x, reward);
    line(chart, "Insurance Pool", x, insurance);
    line(chart, "owed by the Insurance Pool (shortfall)", x, owed);
    return chart;
  }

  /** Each provider's win share against its mean score, by strategy; concentration in the title. */
  private static XYChart winShare(List<RunResult> runs, List<Outputs.Aggregate> aggregates) {
    RunResult r = runs.get(0);
    double gini = Outputs.figure(aggregates, 0, "win gini"), hhi = Outputs.figure(aggregates, 0, "win hhi");
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(String.format(Locale.ROOT, "Win share vs score (run 0); Gini %.3f, HHI %.4f (mean of runs)", gini, hhi))
        .xAxisTitle("mean reputation score over the run").yAxisTitle("share of all projects won (%)").build();
    style(chart);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(5);
    long totalWins = r.providers().stream().mapToLong(RunResult.Provider::wins).sum();
    Map<String, List<double[]>> byStrategy = new TreeMap<>();
    for (RunResult.Provider p : r.providers())
      byStrategy.computeIfAbsent(p.strategy().toLowerCase(Locale.ROOT) + (p.entrant() ? " (entrant)" : ""), k -> new ArrayList<>())
          .add(new double[] {p.meanScore(), totalWins == 0 ? 0 : 100.0 * p.wins() / totalWins});
    byStrategy.forEach((name, pts) -> chart.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
        pts.stream().mapToDouble(p -> p[1]).toArray()));
    if (byStrategy.isEmpty()) chart.addSeries("no provider", new double[] {0}, new double[] {0});
    return chart;
  }

  /** Histogram of requester net return over FP for ended projects, validator and compute apart (all runs). */
  private static CategoryChart requesterReturns(List<RunResult> runs) {
    List<Double> validator = new ArrayList<>(), compute = new ArrayList<>();
    for (RunResult r : runs)
      for (RunResult.Project p : r.projects()) {
        if (Double.isNaN(p.netOverFp()) || p.outcome().equals("UNASSIGNED")) continue;
        (p.kind().equals("VALIDATOR") ? validator : compute).add(p.netOverFp());
      }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Requester returns: net value received over FP paid (" + runs.size() + " runs)")
        .xAxisTitle("net return / FP (0 = break even)").yAxisTitle("projects").build();
    style(chart);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(45);
    List<Double> all = new ArrayList<>(validator);
    all.addAll(compute);
    double lo = all.stream().mapToDouble(d -> d).min().orElse(-1), hi = all.stream().mapToDouble(d -> d).max().orElse(1);
    histogram(chart, "validator projects", validator, lo, hi, 24);
    histogram(chart, "compute projects", compute, lo, hi, 24);
    return chart;
  }

  /**
   * Shortfall probability (share of runs in which the Insurance Pool ever owed a claim it could not
   * pay) and the share of requesters' slashing losses still unpaid at the end, per sweep point,
   * against the slashing rate.
   */
  private static XYChart insurance(List<SimulateCommand.Point> points, List<RunResult> results, List<Outputs.Aggregate> aggregates,
      String sweepPath) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Insurance Pool solvency against the slashing rate" + (sweepPath.isEmpty() ? " (no sweep: one point)" : ""))
        .xAxisTitle("slashing events per validator-year").yAxisTitle("share (0..1)").build();
    style(chart);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    int n = points.size();
    double[] x = new double[n], shortfall = new double[n], unpaid = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = points.get(i).scenario().config().getDouble("slashing.rate-per-validator-year");
      shortfall[i] = Outputs.figure(aggregates, i, "shortfall");
      double loss = Outputs.figure(aggregates, i, "requesters' slashing loss ETH");
      unpaid[i] = loss <= 0 ? 0 : Outputs.figure(aggregates, i, "owed by insurance at end ETH") / loss;
    }
    // rates span orders of magnitude: a log axis, when every rate is positive
    if (java.util.Arrays.stream(x).allMatch(v -> v > 0) && n > 1) chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    line(chart, "shortfall probability", x, shortfall).setMarker(SeriesMarkers.CIRCLE);
    line(chart, "requesters' slashing losses unpaid at the end", x, unpaid).setMarker(SeriesMarkers.DIAMOND);
    return chart;
  }

  /** What each group received per epoch, in BHKR, mean over runs. */
  private static XYChart rewardPerGroup(List<RunResult> runs) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Reward Pool: BHKR paid per group per epoch (mean of " + runs.size() + " runs)")
        .xAxisTitle("epoch").yAxisTitle("BHKR").build();
    style(chart);
    Map<String, double[]> byGroup = new TreeMap<>();
    int epochs = runs.get(0).rewards().stream().mapToInt(RunResult.Epoch::epoch).max().orElse(-1) + 1;
    if (epochs == 0) {
      chart.addSeries("no epoch ended", new double[] {0}, new double[] {0});
      return chart;
    }
    for (RunResult r : runs)
      for (RunResult.Epoch e : r.rewards())
        if (e.epoch() < epochs) byGroup.computeIfAbsent(e.group(), k -> new double[epochs])[e.epoch()] += tokens(e.bhkr()) / runs.size();
    double[] x = new double[epochs];
    for (int i = 0; i < epochs; i++) x[i] = i;
    byGroup.forEach((group, y) -> line(chart, group.toLowerCase(Locale.ROOT).replace('_', ' '), x, y));
    return chart;
  }

  /** The price paid as a share of maxBid, under the rule in force and under the other rule on the same bids. */
  private static CategoryChart prices(List<RunResult> runs, Scenario s) {
    String rule = s.config().getString("parameters.auction-pricing");
    String other = rule.equals("FIRST_PRICE") ? "SECOND_PRICE" : "FIRST_PRICE";
    List<Double> paid = new ArrayList<>(), counter = new ArrayList<>();
    for (RunResult r : runs)
      for (RunResult.Project p : r.projects()) {
        if (p.maxBid().signum() == 0 || p.winner().isEmpty()) continue;
        paid.add(p.pricePaid().doubleValue() / p.maxBid().doubleValue());
        counter.add(p.otherRulePrice().doubleValue() / p.maxBid().doubleValue());
      }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Price paid: " + rule + " (in force) vs " + other + " on the same bids")
        .xAxisTitle("price paid / maxBid").yAxisTitle("auctions").build();
    style(chart);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setXAxisLabelRotation(45);
    histogram(chart, rule.toLowerCase(Locale.ROOT).replace('_', ' ') + " (paid)", paid, 0, 1, 20);
    histogram(chart, other.toLowerCase(Locale.ROOT).replace('_', ' ') + " (same bids)", counter, 0, 1, 20);
    return chart;
  }

  private static void histogram(CategoryChart chart, String name, List<Double> values, double lo, double hi, int bins) {
    if (hi <= lo) hi = lo + 1;
    double width = (hi - lo) / bins;
    List<String> labels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    int[] c = new int[bins];
    for (double v : values) c[Math.min(bins - 1, Math.max(0, (int) ((v - lo) / width)))]++;
    for (int i = 0; i < bins; i++) {
      labels.add(String.format(Locale.ROOT, "%.2f", lo + (i + 0.5) * width));
      counts.add(c[i]);
    }
    chart.addSeries(name + " (n=" + values.size() + ")", labels, counts);
  }

  private static XYSeries line(XYChart chart, String name, double[] x, double[] y) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    return s;
  }

  private static void style(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    Styler st = chart.getStyler();
    st.setLegendPosition(Styler.LegendPosition.InsideNW);
    st.setChartBackgroundColor(java.awt.Color.WHITE);
    st.setAntiAlias(true);
  }
}
