package io.bhkr.simulation;

import java.util.Arrays;

/** How concentrated wins are among providers: Gini coefficient and Herfindahl-Hirschman index of shares. */
final class Concentration {

  private Concentration() {}

  /** 0 when everyone has the same, towards 1 when one has everything. */
  static double gini(double[] values) {
    int n = values.length;
    if (n == 0) return 0;
    double[] v = values.clone();
    Arrays.sort(v);
    double sum = 0, weighted = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
      weighted += (i + 1) * v[i];
    }
    return sum == 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1.0) / n;
  }

  /** Sum of squared shares, 1/n for an even market, 1 for a monopoly. */
  static double hhi(double[] values) {
    double sum = 0;
    for (double v : values) sum += v;
    if (sum == 0) return 0;
    double h = 0;
    for (double v : values) h += (v / sum) * (v / sum);
    return h;
  }
}
