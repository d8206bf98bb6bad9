package io.bhkr.micropool;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.MicroPoolRule;
import io.bhkr.serialization.JsonSerializable;

/**
 * What a micro-pool is opened with: the provider's fixed price per validator, its end time, and
 * the governance parameters in force at opening. The pool carries them, so its fees and its
 * completion replay under the rules it was opened with, whatever governance changes later.
 *
 * @param chainPool the {@code MicroPool} contract that holds the users' principal on chain (lowercase
 *                  address), or null when the market holds it (the pool mints aETH itself)
 */
public record MicroPoolTerms(Amount fp, long endsAt, Amount validatorStake, int feeRewardBps, int ipBps, int rpBps, String chainPool)
    implements JsonSerializable {

  public MicroPoolTerms {
    if (fp == null || fp.asset() != Asset.BHKR) throw new IllegalArgumentException("fp is in BHKR");
    if (validatorStake == null || validatorStake.asset() != Asset.ETH || validatorStake.isZero())
      throw new IllegalArgumentException("validatorStake is a positive amount of ETH");
    if (chainPool != null && !chainPool.matches("0x[0-9a-f]{40}")) throw new IllegalArgumentException("chainPool is a lowercase address");
  }

  /** Whether the users' ETH is held on chain by {@link #chainPool} rather than by the market. */
  public boolean onChain() {
    return chainPool != null;
  }

  /**
   * The BHKR fee a stake of {@code stake} ETH pays under these terms (economics 4): the pool
   * charges exactly this, whatever a caller sends along.
   */
  public Amount feeFor(Amount stake) {
    return MicroPoolRule.fee(fp, stake, validatorStake);
  }

  public static MicroPoolTerms of(Amount fp, long endsAt, Parameters p) {
    return of(fp, endsAt, p, null);
  }

  public static MicroPoolTerms of(Amount fp, long endsAt, Parameters p, String chainPool) {
    return new MicroPoolTerms(fp, endsAt, p.microPools().validatorStake(), p.microPools().microFeeRewardBps(), p.ipBps(), p.rpBps(),
        chainPool);
  }
}
