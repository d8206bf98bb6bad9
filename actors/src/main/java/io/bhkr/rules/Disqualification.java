package io.bhkr.rules;

/**
 * Spec 7, disqualification: a score under {@code disqualifyScore} disqualifies a provider for
 * {@code disqualifyDays}, counted from the moment it was recorded. Times are unix seconds that the
 * caller supplies; nothing here reads a clock.
 */
public final class Disqualification {

  private Disqualification() {}

  public static long until(long at, int disqualifyDays) {
    if (disqualifyDays < 0) throw new IllegalArgumentException("disqualifyDays must not be negative");
    return at + disqualifyDays * ReputationRule.SECONDS_PER_DAY;
  }

  /** Disqualified at {@code now} by a disqualification lasting until {@code until} (exclusive). */
  public static boolean active(long until, long now) {
    return now < until;
  }

  /**
   * Whether a score recorded at {@code at} starts a disqualification: it is under the threshold
   * and the provider is not already disqualified then (a running one is not extended by it).
   */
  public static boolean byScore(long score, int disqualifyScore, long currentUntil, long at) {
    return score < disqualifyScore && !active(currentUntil, at);
  }
}
