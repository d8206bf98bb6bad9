package io.bhkr.micropool;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.JsonSerializable;

/**
 * What a micro-pool is opened with: the provider's fixed price per validator, its end time, and
 * the governance parameters in force at opening. The pool carries them, so its fees and its
 * completion replay under the rules it was opened with, whatever governance changes later.
 */
public record MicroPoolTerms(Amount fp, long endsAt, Amount validatorStake, int feeRewardBps, int ipBps, int rpBps)
    implements JsonSerializable {

  public MicroPoolTerms {
    if (fp == null || fp.asset() != Asset.BHKR) throw new IllegalArgumentException("fp is in BHKR");
    if (validatorStake == null || validatorStake.asset() != Asset.ETH || validatorStake.isZero())
      throw new IllegalArgumentException("validatorStake is a positive amount of ETH");
  }

  public static MicroPoolTerms of(Amount fp, long endsAt, Parameters p) {
    return new MicroPoolTerms(fp, endsAt, p.microPools().validatorStake(), p.microPools().microFeeRewardBps(), p.ipBps(), p.rpBps());
  }
}
