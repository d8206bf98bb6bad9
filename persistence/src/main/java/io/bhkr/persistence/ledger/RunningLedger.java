package io.bhkr.persistence.ledger;

import io.bhkr.money.Asset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conservation audit's fold ({@link LedgerStep}) over a whole journal in one pass, for
 * replays of millions of events: the same rule as {@link Ledger}, but kept in mutable maps, so
 * each event costs the same however long the journal is ({@link Ledger} copies its maps per
 * event, which is right for properties and wrong for a replay).
 */
public final class RunningLedger {

  private final Map<Asset, AssetTotals> totals = new EnumMap<>(Asset.class);
  private final Map<Asset, TransferCounts> counts = new EnumMap<>(Asset.class);
  private final Map<String, TransferRecord> transfers = new HashMap<>();
  private final List<Anomaly> anomalies = new ArrayList<>();
  private long upTo;
  private long events;

  /** Folds one ledger event in; returns the anomalies it showed (a second credit, say), usually none. */
  public List<Anomaly> add(LedgerEntry entry) {
    LedgerStep step = LedgerStep.of(entry, id -> Optional.ofNullable(transfers.get(id)));
    step.totals().forEach((asset, delta) -> totals.merge(asset, delta, AssetTotals::plus));
    step.counts().forEach((asset, delta) -> counts.merge(asset, delta, TransferCounts::plus));
    transfers.putAll(step.transfers());
    anomalies.addAll(step.anomalies());
    upTo = Math.max(upTo, entry.offset());
    events++;
    return step.anomalies();
  }

  public ConservationReport report(int anomalyLimit) {
    return ConservationReport.of(totals, counts, anomalies.subList(0, Math.min(anomalyLimit, anomalies.size())), upTo, events);
  }
}
