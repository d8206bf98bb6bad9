package io.bhkr.persistence.ledger;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The totals of one asset: what each kind of holder keeps, what is in flight between holders, and
 * what entered (deposited, minted) and left (withdrawn, burned) the market. Signed, because a
 * delta is an AssetTotals too and because a broken journal may drive a total below zero.
 */
public record AssetTotals(
    Map<HeldBy, BigInteger> heldBy,
    BigInteger inFlight,
    BigInteger deposited,
    BigInteger withdrawn,
    BigInteger minted,
    BigInteger burned) {

  public static final AssetTotals ZERO = new AssetTotals(Map.of(), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
      BigInteger.ZERO, BigInteger.ZERO);

  public AssetTotals {
    EnumMap<HeldBy, BigInteger> all = new EnumMap<>(HeldBy.class);
    for (HeldBy h : HeldBy.values()) all.put(h, heldBy.getOrDefault(h, BigInteger.ZERO));
    heldBy = Collections.unmodifiableMap(all);
  }

  /** Value kept by all holders together. */
  public BigInteger held() {
    return heldBy.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** What the holders and the transfers in flight must add up to: deposited − withdrawn + minted − burned. */
  public BigInteger expected() {
    return deposited.subtract(withdrawn).add(minted).subtract(burned);
  }

  /** The invariant for this asset: held + in flight = deposited − withdrawn + minted − burned. */
  public boolean balanced() {
    return held().add(inFlight).equals(expected());
  }

  public AssetTotals plus(AssetTotals d) {
    EnumMap<HeldBy, BigInteger> sum = new EnumMap<>(HeldBy.class);
    for (HeldBy h : HeldBy.values()) sum.put(h, heldBy.get(h).add(d.heldBy.get(h)));
    return new AssetTotals(sum, inFlight.add(d.inFlight), deposited.add(d.deposited), withdrawn.add(d.withdrawn),
        minted.add(d.minted), burned.add(d.burned));
  }

  static AssetTotals held(HeldBy holder, BigInteger amount) {
    return new AssetTotals(Map.of(holder, amount), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
        BigInteger.ZERO);
  }

  AssetTotals withInFlight(BigInteger amount) {
    return new AssetTotals(heldBy, amount, deposited, withdrawn, minted, burned);
  }

  AssetTotals withDeposited(BigInteger amount) {
    return new AssetTotals(heldBy, inFlight, amount, withdrawn, minted, burned);
  }

  AssetTotals withWithdrawn(BigInteger amount) {
    return new AssetTotals(heldBy, inFlight, deposited, amount, minted, burned);
  }

  AssetTotals withMinted(BigInteger amount) {
    return new AssetTotals(heldBy, inFlight, deposited, withdrawn, amount, burned);
  }

  AssetTotals withBurned(BigInteger amount) {
    return new AssetTotals(heldBy, inFlight, deposited, withdrawn, minted, amount);
  }
}
