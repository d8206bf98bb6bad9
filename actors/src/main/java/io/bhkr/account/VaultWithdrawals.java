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
 * An account's withdrawals to the custody vault (chain mode): the vault nonce the next one gets,
 * and those the platform signed that the chain has neither paid nor let expire. Their value is
 * reserved: out of the balance, still held by the account, until the vault pays (WITHDRAWN) or
 * the deadline passes unused (back to the balance). Immutable.
 */
public record VaultWithdrawals(long nextNonce, SortedMap<Long, Pending> pending) implements JsonSerializable {

  /** One signed withdrawal: the vault pays {@code amount} to {@code to} until {@code deadline} (unix seconds). */
  public record Pending(long nonce, Amount amount, String to, long deadline) implements JsonSerializable {}

  public VaultWithdrawals {
    pending = Collections.unmodifiableSortedMap(new TreeMap<>(pending == null ? Map.of() : pending));
  }

  public static VaultWithdrawals none() {
    return new VaultWithdrawals(0, new TreeMap<>());
  }

  VaultWithdrawals authorized(Pending p) {
    TreeMap<Long, Pending> next = new TreeMap<>(pending);
    next.put(p.nonce(), p);
    return new VaultWithdrawals(Math.max(nextNonce, p.nonce() + 1), next);
  }

  VaultWithdrawals closed(long nonce) {
    TreeMap<Long, Pending> next = new TreeMap<>(pending);
    next.remove(nonce);
    return new VaultWithdrawals(nextNonce, next);
  }

  /** The value reserved per asset. */
  public Map<Asset, BigInteger> reserved() {
    Map<Asset, BigInteger> out = new TreeMap<>();
    pending.values().forEach(p -> out.merge(p.amount().asset(), p.amount().amount(), BigInteger::add));
    return out;
  }
}
