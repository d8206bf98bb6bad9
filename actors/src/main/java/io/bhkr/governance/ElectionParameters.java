package io.bhkr.governance;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.JsonSerializable;

/** Governors' stakes, terms and attendance (economics 10). n itself is part of the genesis. */
public record ElectionParameters(Amount governorMinStake, int termDays, int governorMissSlashBps, int missedVotesLimit)
    implements JsonSerializable {

  public ElectionParameters {
    if (governorMinStake.asset() != Asset.BHKR) throw new IllegalArgumentException("governorMinStake is in BHKR");
    if (governorMissSlashBps < 0 || governorMissSlashBps > 10_000) throw new IllegalArgumentException("governorMissSlashBps must be within 0..10000");
  }

  /** The spec leaves governorMinStake and termDays open: 0 (as in the development genesis) and a year. */
  public static ElectionParameters defaults() {
    return new ElectionParameters(Amount.zero(Asset.BHKR), 365, 1_000, 3);
  }
}
