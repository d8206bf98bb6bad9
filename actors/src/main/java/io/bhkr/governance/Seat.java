package io.bhkr.governance;

import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/**
 * A seated governor: the BHKR it keeps staked with governance, its consecutive missed votes, and
 * since when its stake is what it is (stake-time for the Reward Pool counts from then).
 *
 * @param seatedAt when it won the seat: its "application" when it stands for re-election
 */
public record Seat(BigInteger stake, int missedVotes, long since, long seatedAt) implements JsonSerializable {

  public Seat {
    if (stake == null || stake.signum() < 0 || missedVotes < 0) throw new IllegalArgumentException("a seat has a stake and a miss count");
  }
}
