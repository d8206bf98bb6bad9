package io.bhkr.rules;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

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
}
