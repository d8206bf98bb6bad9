package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.rules.Keccak256;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

  @Test
  void oneLeafIsItsOwnRoot() {
    byte[] leaf = Keccak256.hash(new byte[] {7});
    assertArrayEquals(leaf, MerkleTree.of(List.of(leaf)).root());
    assertTrue(MerkleTree.of(List.of(leaf)).proof(leaf).isEmpty());
  }

  @Test
  void duplicateLeavesAndTwoPayoutsForOneAccountAndAssetAreRefused() {
    byte[] leaf = Keccak256.hash(new byte[] {7});
    assertThrows(IllegalArgumentException.class, () -> MerkleTree.of(List.of(leaf, leaf)));
    String a = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    assertThrows(IllegalArgumentException.class, () -> new SettlementEpoch(1, List.of(
        new SettlementEpoch.Payout(a, SettlementEpoch.ETH, BigInteger.ONE), new SettlementEpoch.Payout(a, SettlementEpoch.ETH, BigInteger.TWO))));
  }
}
