package io.bhkr.chain;

import io.bhkr.rules.Keccak256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over 32-byte leaves that OpenZeppelin's {@code MerkleProof.verify} accepts: a
 * parent is keccak256 of its two children in ascending byte order, and a node without a sibling
 * moves up unchanged. The leaves are sorted first, so the root depends only on the set of leaves,
 * not on the order a caller lists them in. Pure and immutable.
 */
public final class MerkleTree {

  private final List<byte[][]> levels;

  private MerkleTree(List<byte[][]> levels) {
    this.levels = levels;
  }

  public static MerkleTree of(List<byte[]> leaves) {
    if (leaves.isEmpty()) throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
    byte[][] level = leaves.stream().map(l -> {
      if (l.length != 32) throw new IllegalArgumentException("a leaf is 32 bytes, not " + l.length);
      return l.clone();
    }).sorted(Arrays::compareUnsigned).toArray(byte[][]::new);
    for (int i = 1; i < level.length; i++)
      // two equal leaves could only ever be claimed once between them: refuse the ambiguity
      if (Arrays.equals(level[i - 1], level[i])) throw new IllegalArgumentException("duplicate leaf " + Keccak256.hex(level[i]));
    List<byte[][]> levels = new ArrayList<>();
    levels.add(level);
    while (level.length > 1) {
      byte[][] up = new byte[(level.length + 1) / 2][];
      for (int i = 0; i < up.length; i++)
        up[i] = 2 * i + 1 < level.length ? parent(level[2 * i], level[2 * i + 1]) : level[2 * i];
      levels.add(up);
      level = up;
    }
    return new MerkleTree(levels);
  }

  public byte[] root() {
    return levels.get(levels.size() - 1)[0].clone();
  }

  /** The sibling hashes from {@code leaf} up to the root, as MerkleProof.verify takes them. */
  public List<byte[]> proof(byte[] leaf) {
    int index = -1;
    byte[][] bottom = levels.get(0);
    for (int i = 0; i < bottom.length; i++) if (Arrays.equals(bottom[i], leaf)) index = i;
    if (index < 0) throw new IllegalArgumentException("not a leaf of this tree: " + Keccak256.hex(leaf));
    List<byte[]> proof = new ArrayList<>();
    for (int l = 0; l < levels.size() - 1; l++) {
      byte[][] level = levels.get(l);
      int sibling = index ^ 1;
      if (sibling < level.length) proof.add(level[sibling].clone());
      index /= 2;
    }
    return proof;
  }

  /** What MerkleProof.verify computes: hash up from the leaf with each proof element. */
  public static boolean verify(List<byte[]> proof, byte[] root, byte[] leaf) {
    byte[] node = leaf;
    for (byte[] sibling : proof) node = parent(node, sibling);
    return Arrays.equals(node, root);
  }

  static byte[] parent(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b) <= 0 ? Keccak256.hash(a, b) : Keccak256.hash(b, a);
  }
}
