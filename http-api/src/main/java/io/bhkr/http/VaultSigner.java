package io.bhkr.http;

import io.bhkr.money.Asset;
import java.math.BigInteger;

/**
 * Chain mode's half of a vault withdrawal: the platform's EIP-712 signature, made with the node's
 * chain key, over exactly what the custody vault checks. A chain-less node has none.
 */
public interface VaultSigner {

  /** The vault's address, its chain, the asset's address on that chain, and the 65-byte signature (0x-hex). */
  record Signed(String vault, long chainId, String assetAddress, String platformSignature) {}

  Signed sign(String account, Asset asset, BigInteger amount, String to, long nonce, long deadline);
}
