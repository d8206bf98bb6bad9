package io.bhkr.persistence.ledger;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueChange.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a list of small random moves into the ledger events a sound market writes: value enters
 * and leaves only through deposits, withdrawals, minting and burning, a holder never sends more
 * than it holds, and each transfer is SENT once and RECEIVED at most once, later. Keeps the
 * balances it expects, per holder kind, and the transfers still in flight.
 */
final class MarketScript {

  /** One move; its numbers are read modulo what they choose from. */
  record Move(int kind, int from, int to, int asset, long amount) {}

  static final List<String> HOLDERS = List.of("Account|0xa", "Account|0xb", "Project|p-1", "Provider|0xc", "Pool|reward",
      "Node|n-1", "Governance|governance");

  record Pending(String id, String to, Amount amount) {}

  final List<LedgerEntry> entries = new ArrayList<>();
  final Map<String, Map<Asset, BigInteger>> balances = new HashMap<>();
  final List<Pending> inFlight = new ArrayList<>();
  private int ids;

  static MarketScript play(List<Move> moves) {
    MarketScript s = new MarketScript();
    moves.forEach(s::play);
    return s;
  }

  private void play(Move m) {
    String from = HOLDERS.get(Math.floorMod(m.from(), HOLDERS.size()));
    String to = HOLDERS.get(Math.floorMod(m.to(), HOLDERS.size()));
    Asset asset = Asset.values()[Math.floorMod(m.asset(), Asset.values().length)];
    BigInteger wanted = BigInteger.valueOf(Math.abs(m.amount() % 1_000_000_000_000L)).multiply(BigInteger.TEN.pow(12));
    switch (Math.floorMod(m.kind(), 7)) {
      case 0 -> enter(from, Kind.DEPOSITED, new Amount(asset, wanted));
      case 1 -> enter(from, Kind.MINTED, new Amount(asset, wanted));
      case 2 -> leave(from, Kind.WITHDRAWN, new Amount(asset, wanted.min(held(from, asset))));
      case 3 -> leave(from, Kind.BURNED, new Amount(asset, wanted.min(held(from, asset))));
      case 4 -> send(from, List.of(to), new Amount(asset, wanted.min(held(from, asset))));
      case 5 -> send(from, HOLDERS.stream().filter(h -> !h.equals(from)).toList(), new Amount(asset, wanted.min(held(from, asset))));
      default -> deliver(Math.floorMod(m.to(), Math.max(1, inFlight.size())));
    }
  }

  BigInteger held(String holder, Asset asset) {
    return balances.getOrDefault(holder, Map.of()).getOrDefault(asset, BigInteger.ZERO);
  }

  private void add(String holder, Amount a, boolean credit) {
    balances.computeIfAbsent(holder, h -> new HashMap<>()).merge(a.asset(), credit ? a.amount() : a.amount().negate(), BigInteger::add);
  }

  private void write(String holder, List<ValueChange> changes) {
    entries.add(new LedgerEntry(entries.size() * 3L + 1, holder, changes)); // offsets grow, with gaps as in a real journal
  }

  private void enter(String holder, Kind kind, Amount a) {
    add(holder, a, true);
    write(holder, List.of(new ValueChange(kind, "in-" + ids++, a)));
  }

  private void leave(String holder, Kind kind, Amount a) {
    add(holder, a, false);
    write(holder, List.of(new ValueChange(kind, "out-" + ids++, a)));
  }

  /** Splits the amount over the receivers (the first takes the remainder), all in one event. */
  private void send(String from, List<String> receivers, Amount total) {
    if (from.equals(receivers.get(0)) && receivers.size() == 1) return;
    BigInteger share = total.amount().divide(BigInteger.valueOf(receivers.size()));
    BigInteger first = total.amount().subtract(share.multiply(BigInteger.valueOf(receivers.size() - 1)));
    List<ValueChange> legs = new ArrayList<>();
    for (int i = 0; i < receivers.size(); i++) {
      Amount leg = new Amount(total.asset(), i == 0 ? first : share);
      String id = "t-" + ids++;
      legs.add(new ValueChange(Kind.SENT, id, leg));
      inFlight.add(new Pending(id, receivers.get(i), leg));
    }
    add(from, total, false);
    write(from, legs);
  }

  private void deliver(int index) {
    if (inFlight.isEmpty()) return;
    Pending p = inFlight.remove(index);
    add(p.to(), p.amount(), true);
    write(p.to(), List.of(new ValueChange(Kind.RECEIVED, p.id(), p.amount())));
  }
}
