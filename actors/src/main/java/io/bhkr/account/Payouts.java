package io.bhkr.account;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An account's payouts to chain (chain mode): the number the next one gets, and those reserved
 * whose epoch is not yet anchored and funded. Their value is out of the balance but still held by
 * the account until the node reports the epoch funded (then WITHDRAWN, once). Immutable.
 */
public record Payouts(long next, SortedMap<Long, Reserved> pending) implements JsonSerializable {

  /** One payout: {@code amount} asked into payout epoch {@code epoch} (see PayoutEpochRule). */
  public record Reserved(long number, long epoch, Amount amount) implements JsonSerializable {}

  public Payouts {
    pending = Collections.unmodifiableSortedMap(new TreeMap<>(pending == null ? Map.of() : pending));
  }

  public static Payouts none() {
    return new Payouts(0, new TreeMap<>());
  }

  Payouts reserved(Reserved r) {
    TreeMap<Long, Reserved> next = new TreeMap<>(pending);
    next.put(r.number(), r);
    return new Payouts(Math.max(this.next, r.number() + 1), next);
  }

  Payouts withdrawn(long number) {
    TreeMap<Long, Reserved> next = new TreeMap<>(pending);
    next.remove(number);
    return new Payouts(this.next, next);
  }

  /** The value reserved per asset. */
  public Map<Asset, BigInteger> reservedPerAsset() {
    Map<Asset, BigInteger> out = new TreeMap<>();
    pending.values().forEach(p -> out.merge(p.amount().asset(), p.amount().amount(), BigInteger::add));
    return out;
  }
}
