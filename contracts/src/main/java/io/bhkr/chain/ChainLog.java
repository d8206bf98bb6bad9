package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.List;

/** One log as the node returned it, untouched: the bridge judges it before it decodes it. */
public record ChainLog(
    String address,
    List<String> topics,
    String data,
    long blockNumber,
    String blockHash,
    String transactionHash,
    long logIndex,
    boolean removed) implements JsonSerializable {

  public ChainLog {
    topics = List.copyOf(topics);
  }

  /**
   * The id under which the value of this log enters the market: unique per log on a chain and the
   * same however often the log is read, so the account credits it once.
   */
  public String depositId() {
    return "chain:" + transactionHash.toLowerCase() + ":" + logIndex;
  }
}
