package io.bhkr.rules;

/**
 * Spec 5 and "Parameters": how the Reward Pool's epoch balance is shared among its four groups,
 * in basis points that add up to the whole. The development share is paid as the remainder, so
 * its rounding dust never stays in the pool.
 */
public record RewardSplit(int governorsBps, int providersRequestersBps, int stakersBps, int developmentBps) {

  /** The governance default: governors 30 %, providers and requesters 40 %, stakers 20 %, development 10 %. */
  public static final RewardSplit DEFAULT = new RewardSplit(3000, 4000, 2000, 1000);

  public RewardSplit {
    if (governorsBps < 0) throw new IllegalArgumentException("governorsBps must not be negative: " + governorsBps);
    if (providersRequestersBps < 0)
      throw new IllegalArgumentException("providersRequestersBps must not be negative: " + providersRequestersBps);
    if (stakersBps < 0) throw new IllegalArgumentException("stakersBps must not be negative: " + stakersBps);
    if (developmentBps < 0) throw new IllegalArgumentException("developmentBps must not be negative: " + developmentBps);
    long sum = (long) governorsBps + providersRequestersBps + stakersBps + developmentBps;
    if (sum != 10_000)
      throw new IllegalArgumentException("reward split must add up to 10000 bps, got " + governorsBps + " + " + providersRequestersBps
          + " + " + stakersBps + " + " + developmentBps + " = " + sum);
  }

  /** The basis points of one group. */
  public int bps(RewardDistribution.Group group) {
    if (group == null) throw new IllegalArgumentException("group is missing");
    return switch (group) {
      case GOVERNORS -> governorsBps;
      case PROVIDERS_REQUESTERS -> providersRequestersBps;
      case STAKERS -> stakersBps;
      case DEVELOPMENT -> developmentBps;
    };
  }
}
