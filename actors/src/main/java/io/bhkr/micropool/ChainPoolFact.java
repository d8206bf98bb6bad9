package io.bhkr.micropool;

import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/**
 * A confirmed log of the {@code MicroPool} contract that holds a pool's principal on chain, as the
 * chain bridge reports it. The id is the log's ({@code chain:<tx hash>:<log index>}), so a pool
 * records each once; {@code at} is its block's time.
 *
 * @param staker the staker (STAKED, UNSTAKED), null for ACTIVATED
 * @param amount the ETH staked or unstaked, in wei; the contract's total for ACTIVATED
 * @param fee    the BHKR fee the stake paid into the custody vault, in base units (STAKED only, else 0)
 */
public record ChainPoolFact(String id, Kind kind, String staker, BigInteger amount, BigInteger fee, long at) implements JsonSerializable {

  public enum Kind {
    /** ETH staked into the contract (aETH minted there), its fee paid into the vault. */
    STAKED,
    /** ETH taken back before activation (aETH burned there). */
    UNSTAKED,
    /** The contract reached its activation stake: the validator starts. */
    ACTIVATED
  }

  public ChainPoolFact {
    if (id == null || kind == null || amount == null || amount.signum() < 0) throw new IllegalArgumentException("incomplete chain pool fact");
    if (kind != Kind.ACTIVATED && (staker == null || !staker.matches("0x[0-9a-f]{40}")))
      throw new IllegalArgumentException("a stake names its staker's lowercase address");
    fee = fee == null ? BigInteger.ZERO : fee;
    if (fee.signum() < 0) throw new IllegalArgumentException("a fee is not negative");
  }
}
