package io.bhkr.rules;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who fills the governors' seats (economics 10): candidates holding at least
 * {@code governorMinStake} BHKR, ranked by votes = own stake + BHKR that sidecar stakers gave them
 * (1 BHKR = 1 vote); ties go to the earlier application, then the lower address.
 */
public final class Election {

  private Election() {}

  /** @param appliedAt unix seconds of the candidacy */
  public record Candidate(String address, BigInteger ownStake, BigInteger given, long appliedAt) {
    public Candidate {
      if (address == null || ownStake == null || given == null || ownStake.signum() < 0 || given.signum() < 0)
        throw new IllegalArgumentException("a candidate has an address and non-negative stakes");
    }

    public BigInteger votes() {
      return ownStake.add(given);
    }
  }

  /** The addresses elected to {@code seats} seats, best first. */
  public static List<String> elect(List<Candidate> candidates, int seats, BigInteger governorMinStake) {
    if (seats < 0) throw new IllegalArgumentException("seats must not be negative");
    return candidates.stream()
        .filter(c -> c.ownStake().compareTo(governorMinStake) >= 0)
        .sorted(Comparator.comparing(Candidate::votes).reversed()
            .thenComparingLong(Candidate::appliedAt)
            .thenComparing(Candidate::address))
        .limit(seats)
        .map(Candidate::address)
        .toList();
  }

  /**
   * The votes each candidate was given, per candidate: every staker's pledges, counted up to what
   * it still has staked on sidecars at the election. A staker that withdrew stake after pledging
   * has each of its pledges scaled down to {@code floor(pledge * staked / pledged)}, so it never
   * gives more than it stakes; one with nothing staked gives nothing.
   *
   * @param pledges staker → candidate → BHKR base units pledged
   * @param stakedNow staker → BHKR base units staked on sidecars at the election (absent: 0)
   */
  public static SortedMap<String, BigInteger> given(Map<String, ? extends Map<String, BigInteger>> pledges,
      Map<String, BigInteger> stakedNow) {
    SortedMap<String, BigInteger> given = new TreeMap<>();
    pledges.forEach((staker, byCandidate) -> {
      BigInteger pledged = byCandidate.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
      BigInteger staked = stakedNow.getOrDefault(staker, BigInteger.ZERO).max(BigInteger.ZERO);
      byCandidate.forEach((candidate, amount) -> {
        if (amount.signum() < 0) throw new IllegalArgumentException("a pledge is not negative");
        BigInteger counted = pledged.compareTo(staked) <= 0 ? amount : amount.multiply(staked).divide(pledged);
        given.merge(candidate, counted, BigInteger::add);
      });
    });
    return given;
  }
}
