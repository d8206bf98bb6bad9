package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;

/**
 * What the bridge needs of a block to tell one chain from another: its number, its hash and its
 * parent's hash; and its time (unix seconds), which dates what its logs report. The bridge's
 * starting point has no hash yet ({@code hash == null}): nothing before it was ever read, so
 * there is nothing to compare. Headers journaled before the time was kept have 0.
 */
public record BlockHeader(long number, String hash, String parentHash, long timestamp) implements JsonSerializable {

  public BlockHeader(long number, String hash, String parentHash) {
    this(number, hash, parentHash, 0);
  }

  /** The point just before {@code block}, where a bridge that starts reading at {@code block} stands. */
  public static BlockHeader before(long block) {
    return new BlockHeader(block - 1, null, null, 0);
  }
}
