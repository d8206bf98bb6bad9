package io.bhkr.chain;

import io.bhkr.bytes.Hex;
import io.bhkr.rules.Keccak256;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One epoch's payouts, as the settlement anchor holds them: a Merkle root over one leaf per
 * (account, asset) and the total, with a proof per payout. Leaves are built exactly as
 * {@code SettlementAnchor.leaf}: keccak256(keccak256(abi.encode(uint64 epoch, address account,
 * address asset, uint256 amount))). Pure.
 */
public final class SettlementEpoch {

  /** ETH's asset address in the contracts. */
  public static final String ETH = "0x0000000000000000000000000000000000000000";

  /** What one account may claim in an epoch; {@code asset} is the token's address, or {@link #ETH}. */
  public record Payout(String account, String asset, BigInteger amount) {
    public Payout {
      if (!account.matches("0x[0-9a-fA-F]{40}") || !asset.matches("0x[0-9a-fA-F]{40}"))
        throw new IllegalArgumentException("payout needs addresses: " + account + ", " + asset);
      if (amount.signum() <= 0) throw new IllegalArgumentException("a payout is positive: " + amount);
      account = account.toLowerCase();
      asset = asset.toLowerCase();
    }
  }

  private final long epoch;
  private final List<Payout> payouts;
  private final MerkleTree tree;

  public SettlementEpoch(long epoch, List<Payout> payouts) {
    if (epoch < 0) throw new IllegalArgumentException("epoch is a uint64");
    Set<String> keys = new HashSet<>();
    for (Payout p : payouts)
      // one leaf per account and asset: the contract pays each leaf once, so two would be ambiguous
      if (!keys.add(p.account() + "/" + p.asset())) throw new IllegalArgumentException("two payouts for " + p.account() + " in " + p.asset());
    this.epoch = epoch;
    this.payouts = List.copyOf(payouts);
    this.tree = MerkleTree.of(this.payouts.stream().map(this::leaf).toList());
  }

  public long epoch() {
    return epoch;
  }

  public List<Payout> payouts() {
    return payouts;
  }

  public byte[] root() {
    return tree.root();
  }

  /** Sum of all leaves' amounts in base units (informational, as the contract records it). */
  public BigInteger total() {
    return payouts.stream().map(Payout::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  public List<byte[]> proof(Payout payout) {
    return tree.proof(leaf(payout));
  }

  public byte[] leaf(Payout p) {
    byte[] encoded = new byte[128];
    word(BigInteger.valueOf(epoch), encoded, 0);
    word(new BigInteger(1, Hex.decode(p.account())), encoded, 1);
    word(new BigInteger(1, Hex.decode(p.asset())), encoded, 2);
    word(p.amount(), encoded, 3);
    return Keccak256.hash(Keccak256.hash(encoded));
  }

  /** abi.encode of a static value: big-endian, left-padded to 32 bytes. */
  private static void word(BigInteger value, byte[] into, int index) {
    if (value.signum() < 0 || value.bitLength() > 256) throw new IllegalArgumentException("not a uint256: " + value);
    byte[] b = value.toByteArray();
    int skip = b.length - 32 > 0 ? b.length - 32 : 0; // only toByteArray's zero sign byte, as bitLength <= 256
    System.arraycopy(b, skip, into, index * 32 + 32 - (b.length - skip), b.length - skip);
  }
}
