package io.bhkr.http;

import java.math.BigInteger;
import java.util.concurrent.CompletionStage;

/**
 * Chain mode's check of a micro-pool contract a provider links its new pool to: the contract must
 * be a BHKR {@code MicroPool} of this deployment (its platform is the node's chain key, its vault
 * and token are ours), not opened yet, and built with exactly the pool's terms. A chain-less node
 * has none.
 */
public interface MicroPoolContracts {

  /**
   * Why {@code address} cannot hold the principal of a pool with these terms, or null when it can.
   *
   * @param activationStake the users' ETH at which the contract must activate: the validator stake less the provider's k
   */
  CompletionStage<String> refusal(String address, String provider, long endsAt, BigInteger feePer32Eth, BigInteger activationStake);

  /**
   * Whether the contract can never activate any more: a confirmed block is at or past its end time
   * (it takes no stake from then on) and it was not active there. Only then may the market close
   * the pool and give the provider its k back.
   */
  CompletionStage<Boolean> endedUnactivated(String address);
}
