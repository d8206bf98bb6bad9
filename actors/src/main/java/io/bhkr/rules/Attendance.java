package io.bhkr.rules;

import java.math.BigInteger;

/**
 * A governor's attendance (economics 10): each closed proposal it did not vote on is one more
 * consecutive miss, a vote resets the count. At {@code missedVotesLimit} consecutive misses it is
 * slashed {@code floor(stake * governorMissSlashBps / 10_000)} into the Reward Pool and the count
 * starts again; with less than {@code governorMinStake} left it loses its seat.
 */
public final class Attendance {

  private Attendance() {}

  /** After one proposal closed: the new count, the slash (0 if none), the stake left, and whether the seat is lost. */
  public record Outcome(int missedVotes, BigInteger slashed, BigInteger stakeLeft, boolean unseated) {}

  public static Outcome afterProposal(boolean voted, int missedBefore, BigInteger stake, int missedVotesLimit, int slashBps,
      BigInteger governorMinStake) {
    if (slashBps < 0 || slashBps > 10_000) throw new IllegalArgumentException("slashBps must be within 0..10000");
    if (voted) return new Outcome(0, BigInteger.ZERO, stake, false);
    int missed = missedBefore + 1;
    if (missed < missedVotesLimit) return new Outcome(missed, BigInteger.ZERO, stake, false);
    BigInteger slash = stake.multiply(BigInteger.valueOf(slashBps)).divide(BigInteger.valueOf(10_000));
    BigInteger left = stake.subtract(slash);
    return new Outcome(0, slash, left, left.compareTo(governorMinStake) < 0);
  }
}
