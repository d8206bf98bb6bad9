package io.bhkr.simulation;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every base unit of the simulated market and where it is. Value enters only by an external
 * deposit or a mint (validator rewards, aETH) and leaves only by a withdrawal or a burn (slashing,
 * aETH redemption, burned insurance excess); everything else is a transfer between holders, debited
 * once and credited once. {@link #conservation()} checks the spec's invariant, "nothing is lost",
 * for every asset: deposited + minted − withdrawn − burned = held.
 */
final class Ledger {

  private final Map<String, BigInteger[]> holdings = new HashMap<>();
  private final EnumMap<Asset, BigInteger> deposited = zeros(), withdrawn = zeros(), minted = zeros(), burned = zeros();

  private static EnumMap<Asset, BigInteger> zeros() {
    EnumMap<Asset, BigInteger> m = new EnumMap<>(Asset.class);
    for (Asset a : Asset.values()) m.put(a, BigInteger.ZERO);
    return m;
  }

  BigInteger balance(String holder, Asset asset) {
    BigInteger[] h = holdings.get(holder);
    return h == null ? BigInteger.ZERO : h[asset.ordinal()];
  }

  Amount amount(String holder, Asset asset) {
    return new Amount(asset, balance(holder, asset));
  }

  /** Value arriving from outside the market (a user's deposit from its wallet). */
  void deposit(String to, Amount a) {
    credit(to, a);
    deposited.merge(a.asset(), a.amount(), BigInteger::add);
  }

  void withdraw(String from, Amount a) {
    debit(from, a);
    withdrawn.merge(a.asset(), a.amount(), BigInteger::add);
  }

  /** New value: validator rewards produced by the chain, aETH minted against staked ETH. */
  void mint(String to, Amount a) {
    credit(to, a);
    minted.merge(a.asset(), a.amount(), BigInteger::add);
  }

  /** Value that leaves for good: slashed ETH, redeemed aETH, burned insurance excess. */
  void burn(String from, Amount a) {
    debit(from, a);
    burned.merge(a.asset(), a.amount(), BigInteger::add);
  }

  void transfer(String from, String to, Amount a) {
    if (a.isZero()) return;
    debit(from, a);
    credit(to, a);
  }

  private void credit(String holder, Amount a) {
    if (a.isZero()) return;
    BigInteger[] h = holdings.computeIfAbsent(holder, k -> {
      BigInteger[] fresh = new BigInteger[Asset.values().length];
      java.util.Arrays.fill(fresh, BigInteger.ZERO);
      return fresh;
    });
    h[a.asset().ordinal()] = h[a.asset().ordinal()].add(a.amount());
  }

  private void debit(String holder, Amount a) {
    if (a.isZero()) return;
    BigInteger have = balance(holder, a.asset());
    if (have.compareTo(a.amount()) < 0)
      throw new IllegalStateException(holder + " holds " + have + " " + a.asset() + " base units and cannot pay " + a.amount());
    holdings.get(holder)[a.asset().ordinal()] = have.subtract(a.amount());
  }

  /** Held per asset, summed over every holder. */
  EnumMap<Asset, BigInteger> held() {
    EnumMap<Asset, BigInteger> sum = zeros();
    for (BigInteger[] h : holdings.values()) for (Asset a : Asset.values()) sum.merge(a, h[a.ordinal()], BigInteger::add);
    return sum;
  }

  BigInteger minted(Asset a) {
    return minted.get(a);
  }

  BigInteger burned(Asset a) {
    return burned.get(a);
  }

  BigInteger deposited(Asset a) {
    return deposited.get(a);
  }

  /** Per asset: (deposited + minted − withdrawn − burned) − held; all zero when nothing appeared or vanished. */
  SortedMap<Asset, BigInteger> conservation() {
    SortedMap<Asset, BigInteger> difference = new TreeMap<>();
    EnumMap<Asset, BigInteger> held = held();
    for (Asset a : Asset.values()) {
      BigInteger expected = deposited.get(a).add(minted.get(a)).subtract(withdrawn.get(a)).subtract(burned.get(a));
      difference.put(a, expected.subtract(held.get(a)));
    }
    return difference;
  }

  /** Fails loudly, naming every asset that does not balance and by how many base units. */
  void checkConservation(String run) {
    StringBuilder broken = new StringBuilder();
    conservation().forEach((asset, diff) -> {
      if (diff.signum() != 0)
        broken.append(" ").append(asset).append(": ").append(diff.signum() > 0 ? "vanished " : "appeared ").append(diff.abs())
            .append(" base units (deposited ").append(deposited.get(asset)).append(", minted ").append(minted.get(asset))
            .append(", withdrawn ").append(withdrawn.get(asset)).append(", burned ").append(burned.get(asset)).append(");");
    });
    if (broken.length() > 0) throw new ConservationBroken("conservation broken in " + run + ":" + broken);
  }

  /** A run that created or lost value: the simulator stops with a non-zero exit. */
  static final class ConservationBroken extends RuntimeException {
    ConservationBroken(String message) {
      super(message);
    }
  }
}
