package io.bhkr.persistence.ledger;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.ValueChange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The folding rule of the conservation audit, for one ledger event: how it changes the totals of
 * each asset and the transfer counts, the transfer records it touches, and the anomalies it shows.
 * Pure: the caller supplies what is already known of the transfer ids the event names, and adds
 * the step to its totals (in memory, {@link Ledger}; or in the read tables, {@code LedgerTables}).
 *
 * <ul>
 *   <li>DEPOSITED, MINTED: the holder gains, and deposited or minted grows.
 *   <li>WITHDRAWN, BURNED: the holder loses, and withdrawn or burned grows.
 *   <li>SENT: the holder loses and the value is in flight; RECEIVED: it leaves flight and the
 *       holder gains. Both update the transfer's record, which is what reveals a second credit: the
 *       totals alone stay balanced when a transfer is received twice (in flight simply goes
 *       negative), so the verdict needs the counts as well.
 * </ul>
 */
public record LedgerStep(
    Map<Asset, AssetTotals> totals, Map<Asset, TransferCounts> counts, Map<String, TransferRecord> transfers,
    List<Anomaly> anomalies) {

  public LedgerStep {
    totals = Collections.unmodifiableMap(new EnumMap<>(totals.isEmpty() ? new EnumMap<>(Asset.class) : totals));
    counts = Collections.unmodifiableMap(new EnumMap<>(counts.isEmpty() ? new EnumMap<>(Asset.class) : counts));
    transfers = Collections.unmodifiableMap(new LinkedHashMap<>(transfers));
    anomalies = List.copyOf(anomalies);
  }

  /** @param known the record of a transfer id as it was before this event, if any */
  public static LedgerStep of(LedgerEntry entry, Function<String, Optional<TransferRecord>> known) {
    HeldBy holder = HeldBy.of(entry.persistenceId());
    Map<Asset, AssetTotals> totals = new EnumMap<>(Asset.class);
    Map<Asset, TransferCounts> counts = new EnumMap<>(Asset.class);
    Map<String, TransferRecord> transfers = new LinkedHashMap<>();
    List<Anomaly> anomalies = new ArrayList<>();
    for (ValueChange c : entry.changes()) {
      Amount amount = c.amount();
      totals.merge(amount.asset(), delta(c.kind(), holder, amount.amount()), AssetTotals::plus);
      if (c.kind() != ValueChange.Kind.SENT && c.kind() != ValueChange.Kind.RECEIVED) continue;

      // An id named twice in one event sees its own earlier change.
      TransferRecord before = transfers.containsKey(c.id()) ? transfers.get(c.id()) : known.apply(c.id()).orElse(null);
      TransferRecord base = before == null ? TransferRecord.first(c.id(), amount) : before;
      boolean sent = c.kind() == ValueChange.Kind.SENT;
      TransferRecord after = sent ? base.sentOnce(amount) : base.receivedOnce(amount);
      transfers.put(c.id(), after);
      TransferCounts change = TransferCounts.of(after).minus(before == null ? TransferCounts.ZERO : TransferCounts.of(before));
      counts.merge(after.amount().asset(), change, TransferCounts::plus);

      if (sent && base.sent() > 0) anomalies.add(anomaly(Anomaly.Kind.SENT_TWICE, c, entry));
      if (!sent && base.received() > 0) anomalies.add(anomaly(Anomaly.Kind.RECEIVED_TWICE, c, entry));
      if (!sent && base.sent() == 0) anomalies.add(anomaly(Anomaly.Kind.RECEIVED_UNSENT, c, entry));
      if (!base.amount().equals(amount)) anomalies.add(anomaly(Anomaly.Kind.AMOUNT_DIFFERS, c, entry));
    }
    return new LedgerStep(totals, counts, transfers, anomalies);
  }

  private static AssetTotals delta(ValueChange.Kind kind, HeldBy holder, BigInteger v) {
    return switch (kind) {
      case DEPOSITED -> AssetTotals.held(holder, v).withDeposited(v);
      case MINTED -> AssetTotals.held(holder, v).withMinted(v);
      case WITHDRAWN -> AssetTotals.held(holder, v.negate()).withWithdrawn(v);
      case BURNED -> AssetTotals.held(holder, v.negate()).withBurned(v);
      case SENT -> AssetTotals.held(holder, v.negate()).withInFlight(v);
      case RECEIVED -> AssetTotals.held(holder, v).withInFlight(v.negate());
    };
  }

  private static Anomaly anomaly(Anomaly.Kind kind, ValueChange c, LedgerEntry entry) {
    return new Anomaly(kind, c.id(), c.amount(), entry.persistenceId(), entry.offset());
  }
}
