package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.rules.Keccak256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MerkleTreeProperties {

  private static List<byte[]> leaves(int n, long seed) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Keccak256.hash(BigInteger.valueOf(seed * 1_000 + i).toByteArray()));
    return out;
  }

  @Property
  void everyLeafsProofLeadsToTheRootAndNoOtherLeafsDoes(@ForAll @IntRange(min = 1, max = 40) int n, @ForAll long seed) {
    List<byte[]> leaves = leaves(n, seed);
    MerkleTree tree = MerkleTree.of(leaves);
    for (byte[] leaf : leaves) assertTrue(MerkleTree.verify(tree.proof(leaf), tree.root(), leaf));
    if (n > 1) assertFalse(MerkleTree.verify(tree.proof(leaves.get(0)), tree.root(), leaves.get(1)));
    assertFalse(MerkleTree.verify(tree.proof(leaves.get(0)), tree.root(), Keccak256.hash(new byte[] {1, 2, 3})));
  }

  @Property
  void theRootDependsOnTheSetOfLeavesNotTheirOrder(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll long seed) {
    List<byte[]> leaves = leaves(n, seed);
    List<byte[]> shuffled = new ArrayList<>(leaves);
    Collections.shuffle(shuffled, new Random(seed));
    assertArrayEquals(MerkleTree.of(leaves).root(), MerkleTree.of(shuffled).root());
  }
}
