package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;

/**
 * A transaction the market asks the bridge to put on chain: a call of one of its contracts. The id
 * is the market's (e.g. "qualify:&lt;proposalId&gt;", "anchor:epoch:7"): the bridge sends each id
 * at most once, however often it is submitted.
 *
 * @param data ABI-encoded call data, 0x-hex (built by {@link ChainCalls})
 */
public record ChainTransaction(String id, Purpose purpose, String to, String data) implements JsonSerializable {

  public enum Purpose { QUALIFICATION, GOVERNOR, FAILURE_RECORD, SETTLEMENT_ROOT, SETTLEMENT_FUNDING, PARAMETERS_HASH, MICRO_POOL_OPENING }

  public ChainTransaction {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("a chain transaction needs an id");
    if (purpose == null) throw new IllegalArgumentException("a chain transaction needs a purpose");
    if (to == null || !to.matches("0x[0-9a-fA-F]{40}")) throw new IllegalArgumentException("not a contract address: " + to);
    if (data == null || !data.matches("0x([0-9a-fA-F]{2})*")) throw new IllegalArgumentException("call data must be 0x-hex");
    to = to.toLowerCase();
    data = data.toLowerCase();
  }
}
