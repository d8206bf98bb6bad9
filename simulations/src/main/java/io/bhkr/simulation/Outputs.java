package io.bhkr.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes every run's CSV files and the summary and aggregate over runs, always in run order. */
final class Outputs {

  private Outputs() {}

  /** The key figures of one sweep point over its runs. */
  record Aggregate(int point, String sweepValue, String figure, double mean, double sd, double p05, double p50, double p95, double min,
      double max) {}

  static void writeRun(Path dir, RunResult r) throws IOException {
    Path d = dir.resolve("runs").resolve(r.label());
    try (Csv csv = new Csv(d.resolve("days.csv"), List.of("day", "reward_pool_before_epoch_bhkr", "reward_pool_before_epoch_eth", "insurance_pool_bhkr",
        "insurance_pool_eth", "insurance_owed_eth", "running_projects", "providers", "disqualified", "mean_score"))) {
      for (RunResult.Day x : r.days())
        csv.row(x.day(), x.rewardBhkr(), x.rewardEth(), x.insuranceBhkr(), x.insuranceEth(), x.insuranceOwedEth(), x.running(),
            x.providers(), x.disqualified(), x.meanScore());
    }
    try (Csv csv = new Csv(d.resolve("providers.csv"), List.of("provider", "strategy", "entrant", "final_score", "mean_score",
        "admissible_bids", "wins", "revenue_bhkr", "failures", "slashings"))) {
      for (RunResult.Provider x : r.providers())
        csv.row(x.id(), x.strategy(), x.entrant(), x.finalScore(), x.meanScore(), x.admissibleBids(), x.wins(), x.revenueBhkr(),
            x.failures(), x.slashings());
    }
    try (Csv csv = new Csv(d.resolve("projects.csv"), List.of("project", "kind", "arrived_day", "outcome", "winner", "fp_bhkr",
        "max_bid_bhkr", "price_paid_bhkr", "other_rule_price_bhkr", "requester_net_usd", "requester_net_over_fp"))) {
      for (RunResult.Project x : r.projects())
        csv.row(x.id(), x.kind(), x.arrivedDay(), x.outcome(), x.winner(), x.fp(), x.maxBid(), x.pricePaid(), x.otherRulePrice(),
            x.netUsd(), x.netOverFp());
    }
    try (Csv csv = new Csv(d.resolve("rewards.csv"), List.of("epoch", "group", "bhkr", "eth"))) {
      for (RunResult.Epoch x : r.rewards()) csv.row(x.epoch(), x.group(), x.bhkr(), x.eth());
    }
  }

  static List<Aggregate> writeSummary(Path dir, Scenario scenario, String sweepPath, List<RunResult> results) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("scenario.conf"), scenario.render(), StandardCharsets.UTF_8);
    List<String> figures = new ArrayList<>(results.get(0).figures().keySet());
    List<String> header = new ArrayList<>(List.of("point", "sweep_path", "sweep_value", "run", "seed"));
    for (String f : figures) header.add(f.replace(' ', '_').replace("'", ""));
    try (Csv csv = new Csv(dir.resolve("summary.csv"), header)) {
      for (RunResult r : results) {
        List<Object> row = new ArrayList<>(List.of(r.point(), sweepPath, r.sweepValue(), r.run(), r.seed()));
        for (String f : figures) row.add(r.figures().get(f));
        csv.row(row.toArray());
      }
    }
    List<Aggregate> aggregates = aggregate(results, figures);
    try (Csv csv = new Csv(dir.resolve("aggregate.csv"), List.of("point", "sweep_value", "figure", "runs", "mean", "sd", "p05", "p50",
        "p95", "min", "max"))) {
      for (Aggregate a : aggregates) {
        long runs = results.stream().filter(r -> r.point() == a.point()).count();
        csv.row(a.point(), a.sweepValue(), a.figure(), runs, a.mean(), a.sd(), a.p05(), a.p50(), a.p95(), a.min(), a.max());
      }
    }
    return aggregates;
  }

  static List<Aggregate> aggregate(List<RunResult> results, List<String> figures) {
    List<Aggregate> out = new ArrayList<>();
    int points = results.stream().mapToInt(RunResult::point).max().orElse(0) + 1;
    for (int p = 0; p < points; p++) {
      int point = p;
      List<RunResult> runs = results.stream().filter(r -> r.point() == point).toList();
      for (String f : figures) {
        double[] v = runs.stream().mapToDouble(r -> r.figures().get(f)).toArray();
        Arrays.sort(v);
        double mean = Arrays.stream(v).average().orElse(0);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / Math.max(1, v.length - 1);
        out.add(new Aggregate(point, runs.get(0).sweepValue(), f, mean, Math.sqrt(var), quantile(v, 0.05), quantile(v, 0.5),
            quantile(v, 0.95), v[0], v[v.length - 1]));
      }
    }
    return out;
  }

  /** Linear interpolation between the order statistics of sorted values. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 1) return sorted[0];
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  static double figure(List<Aggregate> aggregates, int point, String figure) {
    for (Aggregate a : aggregates) if (a.point() == point && a.figure().equals(figure)) return a.mean();
    return Double.NaN;
  }

  static Map<String, Double> noFigures() {
    return Map.of();
  }
}
