package io.bhkr.governance;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.JsonSerializable;

/** ETH micro-pools (economics 4). */
public record MicroPoolParameters(int microFeeRewardBps, Amount validatorStake) implements JsonSerializable {

  public MicroPoolParameters {
    if (microFeeRewardBps < 0 || microFeeRewardBps > 10_000) throw new IllegalArgumentException("microFeeRewardBps must be within 0..10000");
    if (validatorStake.asset() != Asset.ETH) throw new IllegalArgumentException("validatorStake is in ETH");
  }

  /** 10 % of each fee to the Reward Pool; a validator activates at 32 ETH. */
  public static MicroPoolParameters defaults() {
    return new MicroPoolParameters(1_000, Amount.tokens(Asset.ETH, 32));
  }
}
