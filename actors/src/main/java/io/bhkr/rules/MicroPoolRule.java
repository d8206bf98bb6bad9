package io.bhkr.rules;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.SortedMap;

/**
 * The arithmetic of an ETH micro-pool (economics 4): the BHKR fee a staker pays, its split
 * between the Reward Pool and the provider, and the split of the validator's rewards at
 * completion. Pure: the same inputs give the same base units on every replay.
 */
public final class MicroPoolRule {

  private MicroPoolRule() {}

  /** A fee's two parts: {@code toRewardPool + toProvider = fee}. */
  public record FeeSplit(Amount toRewardPool, Amount toProvider) {}

  /** The rewards' parts: Insurance Pool, Reward Pool, and every ETH staker by address; they sum to W. */
  public record Completion(Amount toInsurancePool, Amount toRewardPool, SortedMap<String, BigInteger> toStakers) {}

  /** {@code floor(FP * s / validatorStake)} in FP's asset: FP is announced per validator (32 ETH). */
  public static Amount fee(Amount fp, Amount stake, Amount validatorStake) {
    if (stake.asset() != Asset.ETH || validatorStake.asset() != Asset.ETH)
      throw new IllegalArgumentException("stakes are in ETH");
    if (validatorStake.isZero()) throw new IllegalArgumentException("validator stake must be positive");
    return new Amount(fp.asset(), fp.amount().multiply(stake.amount()).divide(validatorStake.amount()));
  }

  /** {@code feeRewardBps} of the fee (floored) to the Reward Pool, the rest to the provider. */
  public static FeeSplit splitFee(Amount fee, int feeRewardBps) {
    Amount toReward = fee.bps(feeRewardBps);
    return new FeeSplit(toReward, fee.minus(toReward));
  }

  /**
   * Rewards W: Insurance {@code floor(W*ipBps/10_000)}, Reward {@code floor(W*rpBps/10_000)}, the
   * rest pro rata to the ETH staked by each staker (the provider's k included), largest remainder.
   */
  public static Completion splitRewards(Amount rewards, int ipBps, int rpBps, SortedMap<String, BigInteger> ethStaked) {
    if (ipBps + rpBps > 10_000) throw new IllegalArgumentException("ipBps + rpBps exceed 10000");
    Amount insurance = rewards.bps(ipBps);
    Amount reward = rewards.bps(rpBps);
    BigInteger rest = rewards.amount().subtract(insurance.amount()).subtract(reward.amount());
    return new Completion(insurance, reward, LargestRemainder.split(rest, ethStaked));
  }
}
