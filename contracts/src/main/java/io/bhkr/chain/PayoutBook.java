package io.bhkr.chain;

import io.bhkr.bytes.Hex;
import io.bhkr.money.Asset;
import io.bhkr.rules.PayoutEpochRule;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The node's payout epochs: the payouts recorded into each open epoch, and each closed epoch as
 * anchored (its leaves, root and total, whether the vault funded it, and which reservations the
 * accounts have not yet been told about). Immutable; {@link PayoutEpochs}' events drive it. Pure.
 */
public record PayoutBook(SortedMap<Long, List<Recorded>> open, SortedMap<Long, Closed> closed) implements JsonSerializable {

  /** One reservation of an account, as the account journaled it, placed in {@code epoch}. */
  public record Recorded(String account, long number, long epoch, Asset asset, BigInteger amount) implements JsonSerializable {
    public String key() {
      return account + ":" + number;
    }
  }

  /**
   * A closed epoch: one leaf per account (its payouts summed), the Merkle root (0x-hex) and the
   * total, as sent to the anchor; every reservation in it (kept for good, so one read again after
   * a restart is never placed twice), and the keys of those whose account applied the funding.
   */
  public record Closed(long epoch, List<SettlementEpoch.Payout> leaves, String root, BigInteger total, boolean funded,
      List<Recorded> reservations, List<String> settled) implements JsonSerializable {
    public Closed {
      leaves = List.copyOf(leaves);
      reservations = List.copyOf(reservations);
      settled = List.copyOf(settled == null ? List.of() : settled);
    }

    /** Reservations whose account has not yet applied the funding. */
    public List<Recorded> unsettled() {
      return reservations.stream().filter(r -> !settled.contains(r.key())).toList();
    }

    public SettlementEpoch tree() {
      return new SettlementEpoch(epoch, leaves);
    }
  }

  public PayoutBook {
    TreeMap<Long, List<Recorded>> o = new TreeMap<>();
    (open == null ? Map.<Long, List<Recorded>>of() : open).forEach((k, v) -> o.put(k, List.copyOf(v)));
    open = Collections.unmodifiableSortedMap(o);
    closed = Collections.unmodifiableSortedMap(new TreeMap<>(closed == null ? Map.of() : closed));
  }

  public static PayoutBook empty() {
    return new PayoutBook(new TreeMap<>(), new TreeMap<>());
  }

  /** Whether this reservation was recorded already (open, or in a closed epoch). */
  public boolean knows(String account, long number) {
    String key = account + ":" + number;
    return open.values().stream().flatMap(List::stream).anyMatch(r -> r.key().equals(key))
        || closed.values().stream().flatMap(c -> c.reservations().stream()).anyMatch(r -> r.key().equals(key));
  }

  /**
   * Where a reservation asked into {@code asked} goes: that epoch if it is still open, otherwise
   * (it reached the node after the epoch closed) the first epoch of its asset not closed at or
   * after the one open at {@code now}. Its account is told the epoch it was funded in.
   */
  public long placeOf(long asked, long now, long epochSeconds) {
    long epoch = closed.containsKey(asked) ? Math.max(asked, PayoutEpochRule.epochOf(now, epochSeconds, PayoutEpochRule.assetOf(asked))) : asked;
    while (closed.containsKey(epoch)) epoch += 2;
    return epoch;
  }

  PayoutBook recorded(Recorded r) {
    TreeMap<Long, List<Recorded>> o = new TreeMap<>(open);
    List<Recorded> in = new ArrayList<>(o.getOrDefault(r.epoch(), List.of()));
    in.add(r);
    o.put(r.epoch(), in);
    return new PayoutBook(o, closed);
  }

  /** The open epochs whose period has ended by {@code now}: to be closed. */
  public List<Long> due(long now, long epochSeconds) {
    return open.keySet().stream().filter(e -> PayoutEpochRule.ended(e, epochSeconds, now)).toList();
  }

  /**
   * Closes an open epoch: sums each account's payouts into one leaf (the asset's address on chain
   * is {@link SettlementEpoch#ETH} or {@code token}) and builds the tree.
   */
  public Closed close(long epoch, String token) {
    List<Recorded> in = open.get(epoch);
    if (in == null || in.isEmpty()) throw new IllegalArgumentException("epoch " + epoch + " holds no payouts");
    String asset = PayoutEpochRule.assetOf(epoch) == Asset.ETH ? SettlementEpoch.ETH : token;
    SortedMap<String, BigInteger> perAccount = new TreeMap<>();
    in.forEach(r -> perAccount.merge(r.account(), r.amount(), BigInteger::add));
    List<SettlementEpoch.Payout> leaves = perAccount.entrySet().stream()
        .map(e -> new SettlementEpoch.Payout(e.getKey(), asset, e.getValue())).toList();
    SettlementEpoch tree = new SettlementEpoch(epoch, leaves);
    return new Closed(epoch, leaves, Hex.encode(tree.root()), tree.total(), false, in, List.of());
  }

  PayoutBook closed(Closed c) {
    TreeMap<Long, List<Recorded>> o = new TreeMap<>(open);
    o.remove(c.epoch());
    TreeMap<Long, Closed> cl = new TreeMap<>(closed);
    cl.put(c.epoch(), c);
    return new PayoutBook(o, cl);
  }

  PayoutBook funded(long epoch) {
    Closed c = closed.get(epoch);
    if (c == null) return this;
    return replace(new Closed(epoch, c.leaves(), c.root(), c.total(), true, c.reservations(), c.settled()));
  }

  PayoutBook settled(long epoch, String key) {
    Closed c = closed.get(epoch);
    if (c == null || c.settled().contains(key)) return this;
    List<String> settled = new ArrayList<>(c.settled());
    settled.add(key);
    return replace(new Closed(epoch, c.leaves(), c.root(), c.total(), c.funded(), c.reservations(), settled));
  }

  private PayoutBook replace(Closed c) {
    TreeMap<Long, Closed> cl = new TreeMap<>(closed);
    cl.put(c.epoch(), c);
    return new PayoutBook(open, cl);
  }

  /** What one account may claim: a leaf of a funded epoch, with its proof. */
  public record Claim(long epoch, SettlementEpoch.Payout payout, List<byte[]> proof, byte[] leaf) {}

  public List<Claim> claimsOf(String account) {
    String a = account.toLowerCase();
    List<Claim> out = new ArrayList<>();
    for (Closed c : closed.values()) {
      if (!c.funded()) continue;
      SettlementEpoch tree = c.tree();
      for (SettlementEpoch.Payout p : c.leaves())
        if (p.account().equals(a)) out.add(new Claim(c.epoch(), p, tree.proof(p), tree.leaf(p)));
    }
    return out;
  }
}
