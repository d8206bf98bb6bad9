package io.bhkr.chain;

import io.bhkr.micropool.ChainPoolFact;
import io.bhkr.serialization.JsonSerializable;

/**
 * A confirmed log of a followed micro-pool contract, as it goes to its market pool, with exactly
 * where it was read (so a researcher can check it against the chain).
 *
 * @param poolId   the market pool that holds its principal in this contract
 * @param contract the contract's lowercase address
 */
public record MicroPoolLog(String poolId, String contract, ChainPoolFact fact, long blockNumber, String blockHash,
    String transactionHash, long logIndex) implements JsonSerializable {}
