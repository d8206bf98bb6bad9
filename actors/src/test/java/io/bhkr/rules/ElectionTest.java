package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElectionTest {

  private static BigInteger b(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void votesAreOwnStakePlusGivenBhkrAndTiesGoToTheEarlierApplicationThenTheAddress() {
    List<Election.Candidate> candidates = List.of(
        new Election.Candidate("0xc", b(100), b(50), 30),  // 150
        new Election.Candidate("0xb", b(100), b(50), 20),  // 150, applied earlier
        new Election.Candidate("0xa", b(150), b(0), 20),   // 150, same time, lower address
        new Election.Candidate("0xd", b(10), b(1000), 5),  // below the minimum stake: not eligible
        new Election.Candidate("0xe", b(100), b(10), 1));  // 110
    assertEquals(List.of("0xa", "0xb"), Election.elect(candidates, 2, b(50)));
    assertEquals(List.of("0xa", "0xb", "0xc", "0xe"), Election.elect(candidates, 9, b(50)));
  }

  @Test
  void threeConsecutiveMissesSlashTenPercentIntoTheRewardPoolAndUnseatBelowTheMinimum() {
    Attendance.Outcome one = Attendance.afterProposal(false, 0, b(1000), 3, 1_000, b(950));
    assertEquals(1, one.missedVotes());
    assertEquals(0, Attendance.afterProposal(true, 2, b(1000), 3, 1_000, b(950)).missedVotes(), "a vote resets the count");
    Attendance.Outcome third = Attendance.afterProposal(false, 2, b(1000), 3, 1_000, b(950));
    assertEquals(b(100), third.slashed());
    assertEquals(b(900), third.stakeLeft());
    assertTrue(third.unseated());
    assertEquals(0, third.missedVotes());
    assertFalse(Attendance.afterProposal(false, 2, b(1000), 3, 1_000, b(900)).unseated(), "900 left is still the minimum");
    Attendance.Outcome floored = Attendance.afterProposal(false, 2, b(19), 3, 1_000, BigInteger.ZERO);
    assertEquals(b(1), floored.slashed());
    assertEquals(b(19), floored.slashed().add(floored.stakeLeft()), "the slash and what is left are the whole stake");
  }

  @Test
  void givenVotesCountUpToWhatEachStakerStillStakes() {
    var pledges = java.util.Map.of("s1", java.util.Map.of("a", b(60), "b", b(40)), "s2", java.util.Map.of("a", b(5)));
    assertEquals(java.util.Map.of("a", b(65), "b", b(40)), Election.given(pledges, java.util.Map.of("s1", b(100), "s2", b(5))));
    assertEquals(java.util.Map.of("a", b(30 + 0), "b", b(20)), Election.given(pledges, java.util.Map.of("s1", b(50))),
        "s1 withdrew half: its pledges count half; s2 staked nothing any more");
    assertEquals(java.util.Map.of("a", b(1), "b", b(0)), Election.given(java.util.Map.of("s", java.util.Map.of("a", b(2), "b", b(1))),
        java.util.Map.of("s", b(2))), "floor(2*2/3) = 1 and floor(1*2/3) = 0");
  }
}
