package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;

/**
 * What the bridge needs of a block to tell one chain from another: its number, its hash and its
 * parent's hash. The bridge's starting point has no hash yet ({@code hash == null}): nothing
 * before it was ever read, so there is nothing to compare.
 */
public record BlockHeader(long number, String hash, String parentHash) implements JsonSerializable {

  /** The point just before {@code block}, where a bridge that starts reading at {@code block} stands. */
  public static BlockHeader before(long block) {
    return new BlockHeader(block - 1, null, null);
  }
}
