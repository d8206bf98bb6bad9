package io.bhkr.governance;

import java.math.BigInteger;
import java.util.List;

/**
 * A proposal closed and each seated governor's attendance was counted ({@link io.bhkr.rules.Attendance}):
 * a miss for each one that did not vote, a slash into the Reward Pool at the limit, and the seat
 * lost below {@code governorMinStake}.
 */
public record AttendanceRecorded(String proposalId, long at, List<Mark> marks) implements GovernanceEvents {

  public AttendanceRecorded {
    marks = List.copyOf(marks);
  }

  public record Mark(String governor, boolean voted, int missedVotes, BigInteger slashed, BigInteger stakeLeft, boolean unseated) {}
}
