package io.bhkr.http;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Chain mode's payouts: how long a payout epoch lasts, and what an account may claim on the
 * settlement anchor. A chain-less node has none.
 */
public interface PayoutDesk {

  /** One claimable leaf: its epoch, asset name, amount in base units, proof (0x-hex), the anchor, and whether it was claimed (null: unknown). */
  record Claim(long epoch, String asset, BigInteger amount, List<String> proof, String anchor, Boolean claimed) {}

  long epochSeconds();

  CompletionStage<List<Claim>> claims(String account);
}
