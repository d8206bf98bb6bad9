package io.bhkr.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spec 9, a node's uptime for one period: the median of its auditors' reports, in basis points,
 * and the auditors whose report lies more than the tolerance (0.25 = 2_500 bp) from it.
 *
 * @param uptimeBps the median; with an even number of reports the mean of the two middle ones,
 *     rounded down (in the node's disfavour by at most half a basis point, the same on every replay)
 * @param disputed auditor ids marked disputed, sorted
 */
public record PeriodUptime(int uptimeBps, int reports, List<String> disputed) {

  public PeriodUptime {
    disputed = List.copyOf(disputed);
  }

  /** {@code reportsByAuditor}: auditor node id → reported upBps (0..10_000); at least one report. */
  public static PeriodUptime of(Map<String, Integer> reportsByAuditor, int toleranceBps) {
    if (reportsByAuditor == null || reportsByAuditor.isEmpty()) throw new IllegalArgumentException("no reports to take a median of");
    for (Integer bps : reportsByAuditor.values())
      if (bps == null || bps < 0 || bps > 10_000) throw new IllegalArgumentException("a report must be within 0..10000 bp: " + bps);
    List<Integer> sorted = new ArrayList<>(reportsByAuditor.values());
    Collections.sort(sorted);
    int n = sorted.size();
    int median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    List<String> disputed = new ArrayList<>();
    new TreeMap<>(reportsByAuditor).forEach((auditor, bps) -> {
      if (Math.abs(bps - median) > toleranceBps) disputed.add(auditor);
    });
    return new PeriodUptime(median, n, disputed);
  }
}
