package io.bhkr.money;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** An immutable holding of several assets. Debits below zero are refused. */
public record Balances(Map<Asset, BigInteger> byAsset) {

  public Balances {
    EnumMap<Asset, BigInteger> copy = new EnumMap<>(Asset.class);
    for (Asset a : Asset.values()) copy.put(a, BigInteger.ZERO);
    if (byAsset != null) byAsset.forEach((a, v) -> {
      if (v.signum() < 0) throw new IllegalArgumentException("negative balance " + v + " " + a);
      copy.put(a, v);
    });
    byAsset = Collections.unmodifiableMap(copy);
  }

  public static Balances empty() {
    return new Balances(Map.of());
  }

  public Amount of(Asset asset) {
    return new Amount(asset, byAsset.get(asset));
  }

  public boolean covers(Amount amount) {
    return !of(amount.asset()).isLessThan(amount);
  }

  public Balances credit(Amount amount) {
    return with(of(amount.asset()).plus(amount));
  }

  public Balances debit(Amount amount) {
    if (!covers(amount)) throw new IllegalStateException("insufficient " + amount.asset() + ": holds " + of(amount.asset()).amount() + ", needs " + amount.amount());
    return with(of(amount.asset()).minus(amount));
  }

  private Balances with(Amount amount) {
    EnumMap<Asset, BigInteger> copy = new EnumMap<>(byAsset);
    copy.put(amount.asset(), amount.amount());
    return new Balances(copy);
  }
}
