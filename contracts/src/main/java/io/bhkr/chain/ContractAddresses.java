package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.List;

/**
 * Where the BHKR contracts live on one chain; addresses are lowercase 0x-hex. Micro-pool contracts
 * are not listed: each is followed once a market pool links it. Unknown fields are ignored, so a
 * contracts file of an earlier version (with a {@code microPools} list) still reads.
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record ContractAddresses(
    long chainId, String token, String vault, String registry, String anchor)
    implements JsonSerializable {

  public ContractAddresses {
    token = lower(token);
    vault = lower(vault);
    registry = lower(registry);
    anchor = lower(anchor);
  }

  /** The contracts whose logs carry value into the market: the vault, and the micro-pools the bridge follows. */
  public List<String> followed(java.util.Collection<String> microPools) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(vault), microPools.stream()).toList();
  }

  private static String lower(String address) {
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}"))
      throw new IllegalArgumentException("not an Ethereum address: " + address);
    return address.toLowerCase();
  }
}
