package io.bhkr.rules;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Spec 7, a service failure found by audits: a running project's audited uptime is the mean of
 * its node's audited periods since the project started; below {@code slaUptimeBps} the provider
 * failed it. The comparison is exact (sum &lt; sla × n), so no rounding decides a failure.
 */
public final class ServiceLevel {

  private ServiceLevel() {}

  /** The mean uptime, rounded down; −1 with no audited period. */
  public static int meanBps(List<Integer> uptimesBps) {
    if (uptimesBps.isEmpty()) return -1;
    long sum = 0;
    for (int u : uptimesBps) sum += u;
    return (int) (sum / uptimesBps.size());
  }

  /** True when at least one period was audited and their mean is below {@code slaUptimeBps}. */
  public static boolean breached(List<Integer> uptimesBps, int slaUptimeBps) {
    for (int u : uptimesBps) if (u < 0 || u > 10_000) throw new IllegalArgumentException("an uptime must be within 0..10000 bp: " + u);
    long sum = 0;
    for (int u : uptimesBps) sum += u;
    return !uptimesBps.isEmpty() && sum < (long) slaUptimeBps * uptimesBps.size();
  }

  /**
   * The nodes running projects that a closed period did not include: each counts as down (0) for
   * that period. A node in the round that nobody reported on is not among them: its auditors were
   * silent, not necessarily the node.
   */
  public static SortedSet<String> outOfRound(Collection<String> runningProjects, Set<String> inPeriod) {
    SortedSet<String> out = new TreeSet<>(runningProjects);
    out.removeAll(inPeriod);
    return out;
  }
}
