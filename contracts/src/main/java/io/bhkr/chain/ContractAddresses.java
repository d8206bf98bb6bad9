package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.List;

/** Where the BHKR contracts live on one chain; addresses are lowercase 0x-hex. */
public record ContractAddresses(
    long chainId, String token, String vault, String registry, String anchor, List<String> microPools)
    implements JsonSerializable {

  public ContractAddresses {
    token = lower(token);
    vault = lower(vault);
    registry = lower(registry);
    anchor = lower(anchor);
    microPools = microPools == null ? List.of() : microPools.stream().map(ContractAddresses::lower).toList();
  }

  public ContractAddresses withMicroPools(List<String> pools) {
    return new ContractAddresses(chainId, token, vault, registry, anchor, pools);
  }

  /** The contracts whose logs carry value into the market. */
  public List<String> followed() {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(vault), microPools.stream()).toList();
  }

  private static String lower(String address) {
    if (address == null || !address.matches("0x[0-9a-fA-F]{40}"))
      throw new IllegalArgumentException("not an Ethereum address: " + address);
    return address.toLowerCase();
  }
}
