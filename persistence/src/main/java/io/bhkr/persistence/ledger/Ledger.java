package io.bhkr.persistence.ledger;

import io.bhkr.money.Asset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conservation audit folded in memory: {@link LedgerStep}s added up over a sequence of ledger
 * events. The read tables hold the same fold for the node; this one is the reference the
 * properties and the tables are checked against, and serves a replay of a journal copy.
 */
public record Ledger(
    Map<Asset, AssetTotals> totals, Map<Asset, TransferCounts> counts, Map<String, TransferRecord> transfers,
    List<Anomaly> anomalies, long upTo, long events) {

  public Ledger {
    totals = Collections.unmodifiableMap(totals.isEmpty() ? new EnumMap<>(Asset.class) : new EnumMap<>(totals));
    counts = Collections.unmodifiableMap(counts.isEmpty() ? new EnumMap<>(Asset.class) : new EnumMap<>(counts));
    transfers = Collections.unmodifiableMap(new HashMap<>(transfers));
    anomalies = List.copyOf(anomalies);
  }

  public static Ledger empty() {
    return new Ledger(Map.of(), Map.of(), Map.of(), List.of(), 0, 0);
  }

  public Ledger with(LedgerEntry entry) {
    LedgerStep step = LedgerStep.of(entry, id -> Optional.ofNullable(transfers.get(id)));
    Map<Asset, AssetTotals> t = totals.isEmpty() ? new EnumMap<>(Asset.class) : new EnumMap<>(totals);
    step.totals().forEach((asset, delta) -> t.merge(asset, delta, AssetTotals::plus));
    Map<Asset, TransferCounts> c = counts.isEmpty() ? new EnumMap<>(Asset.class) : new EnumMap<>(counts);
    step.counts().forEach((asset, delta) -> c.merge(asset, delta, TransferCounts::plus));
    Map<String, TransferRecord> records = new HashMap<>(transfers);
    records.putAll(step.transfers());
    List<Anomaly> found = new ArrayList<>(anomalies);
    found.addAll(step.anomalies());
    return new Ledger(t, c, records, found, Math.max(upTo, entry.offset()), events + 1);
  }

  public static Ledger of(List<LedgerEntry> entries) {
    Ledger ledger = empty();
    for (LedgerEntry e : entries) ledger = ledger.with(e);
    return ledger;
  }

  public ConservationReport report(int anomalyLimit) {
    return ConservationReport.of(totals, counts, anomalies.subList(0, Math.min(anomalyLimit, anomalies.size())), upTo, events);
  }
}
