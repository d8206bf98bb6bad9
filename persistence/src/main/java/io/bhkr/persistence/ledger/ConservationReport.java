package io.bhkr.persistence.ledger;

import io.bhkr.money.Asset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The conservation audit's answer: per asset, the totals and the state of its transfers, each with
 * a verdict; the first anomalies found; and how far into the journal the audit has read.
 *
 * @param assets every asset of the market, zero totals included
 * @param transfers the transfer counts of all assets together
 * @param anomalies the first few anomalies in journal order (all of them are counted in {@code transfers})
 * @param projectedUpTo the journal offset (global ordering) of the last ledger event folded in; 0 before the first
 * @param events how many ledger events were folded in
 */
public record ConservationReport(
    Map<Asset, AssetReport> assets, TransferCounts transfers, List<Anomaly> anomalies, long projectedUpTo, long events) {

  /** One asset: its totals and transfer counts. */
  public record AssetReport(AssetTotals totals, TransferCounts transfers) {

    /** Balanced to the base unit, and no transfer of this asset broke the once-only rule. */
    public boolean ok() {
      return totals.balanced() && transfers.anomalies() == 0;
    }
  }

  public ConservationReport {
    assets = Collections.unmodifiableMap(new EnumMap<>(assets));
    anomalies = List.copyOf(anomalies);
  }

  public static ConservationReport of(
      Map<Asset, AssetTotals> totals, Map<Asset, TransferCounts> counts, List<Anomaly> firstAnomalies, long projectedUpTo,
      long events) {
    Map<Asset, AssetReport> assets = new EnumMap<>(Asset.class);
    TransferCounts all = TransferCounts.ZERO;
    for (Asset a : Asset.values()) {
      TransferCounts c = counts.getOrDefault(a, TransferCounts.ZERO);
      assets.put(a, new AssetReport(totals.getOrDefault(a, AssetTotals.ZERO), c));
      all = all.plus(c);
    }
    return new ConservationReport(assets, all, firstAnomalies, projectedUpTo, events);
  }

  /** The verdict: every asset ok. */
  public boolean ok() {
    return assets.values().stream().allMatch(AssetReport::ok);
  }
}
