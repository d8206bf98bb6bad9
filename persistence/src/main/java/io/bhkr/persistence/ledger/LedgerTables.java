package io.bhkr.persistence.ledger;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.ValueChange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's read tables ({@code ledger.sql}): adds {@link LedgerStep}s to them inside the
 * caller's transaction, and reads the {@link ConservationReport} back. Plain SQL that H2 and
 * PostgreSQL both run. Only the one projection instance writes, so "update, else insert" needs no
 * locking beyond its transaction.
 */
final class LedgerTables {

  /** The key of the single row of ledger_progress. */
  static final String PROGRESS = "ledger";

  private static final String ASSET_COLUMNS = "held_accounts, held_escrow, held_collateral, held_pools, held_stakes, "
      + "held_other, in_flight, deposited, withdrawn, minted, burned, transfers_sent, transfers_received, "
      + "transfers_in_flight, received_twice, received_unsent, sent_twice, amount_differs";
  private static final String ADD_TO_ASSET = "UPDATE ledger_assets SET "
      + String.join(", ", List.of(ASSET_COLUMNS.split(", ")).stream().map(col -> col + " = " + col + " + ?").toList())
      + " WHERE asset = ?";
  private static final String INSERT_ASSET = "INSERT INTO ledger_assets (" + ASSET_COLUMNS + ", asset) VALUES ("
      + "?, ".repeat(ASSET_COLUMNS.split(", ").length) + "?)";

  /** Transfer ids per lookup query: well inside every driver's limit on bound parameters. */
  private static final int LOOKUP = 500;

  private LedgerTables() {}

  /**
   * Folds ledger events, in journal order, into the tables and records them as read: the steps are
   * added up in memory (each sees the transfer records the ones before it changed) and written
   * once, a statement batch per table, which is what lets the projection catch up in groups.
   */
  static void applyAll(Connection c, List<LedgerEntry> entries) throws SQLException {
    if (entries.isEmpty()) return;
    Map<String, TransferRecord> known = transfers(c, transferIds(entries));
    Map<String, TransferRecord> changed = new LinkedHashMap<>();
    Map<Asset, AssetTotals> totals = new EnumMap<>(Asset.class);
    Map<Asset, TransferCounts> counts = new EnumMap<>(Asset.class);
    List<Anomaly> anomalies = new ArrayList<>();
    for (LedgerEntry entry : entries) {
      LedgerStep step = LedgerStep.of(entry, id -> Optional.ofNullable(changed.containsKey(id) ? changed.get(id) : known.get(id)));
      changed.putAll(step.transfers());
      step.totals().forEach((asset, d) -> totals.merge(asset, d, AssetTotals::plus));
      step.counts().forEach((asset, n) -> counts.merge(asset, n, TransferCounts::plus));
      anomalies.addAll(step.anomalies());
    }
    writeTransfers(c, changed.values(), known.keySet());
    Set<Asset> touched = EnumSet.noneOf(Asset.class);
    touched.addAll(totals.keySet());
    touched.addAll(counts.keySet());
    for (Asset asset : touched)
      addToAsset(c, asset, totals.getOrDefault(asset, AssetTotals.ZERO), counts.getOrDefault(asset, TransferCounts.ZERO));
    insertAnomalies(c, anomalies);
    advance(c, entries.get(entries.size() - 1).offset(), entries.size());
  }

  /** The report as the tables hold it now; read in one repeatable-read transaction. */
  static ConservationReport report(Connection c, int anomalyLimit) throws SQLException {
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      Map<Asset, AssetTotals> totals = new EnumMap<>(Asset.class);
      Map<Asset, TransferCounts> counts = new EnumMap<>(Asset.class);
      try (PreparedStatement st = c.prepareStatement("SELECT asset, " + ASSET_COLUMNS + " FROM ledger_assets");
           ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Asset asset = Asset.valueOf(rs.getString("asset"));
          Map<HeldBy, BigInteger> held = new EnumMap<>(HeldBy.class);
          for (HeldBy h : HeldBy.values()) held.put(h, integer(rs, "held_" + h.label()));
          totals.put(asset, new AssetTotals(held, integer(rs, "in_flight"), integer(rs, "deposited"), integer(rs, "withdrawn"),
              integer(rs, "minted"), integer(rs, "burned")));
          counts.put(asset, new TransferCounts(rs.getLong("transfers_sent"), rs.getLong("transfers_received"),
              rs.getLong("transfers_in_flight"), rs.getLong("received_twice"), rs.getLong("received_unsent"),
              rs.getLong("sent_twice"), rs.getLong("amount_differs")));
        }
      }
      List<Anomaly> anomalies = new ArrayList<>();
      // the limit is our own int, never user input
      try (PreparedStatement st = c.prepareStatement("SELECT kind, transfer_id, asset, amount, persistence_id, event_offset "
          + "FROM ledger_anomalies ORDER BY event_offset FETCH FIRST " + Math.max(0, anomalyLimit) + " ROWS ONLY");
           ResultSet rs = st.executeQuery()) {
        while (rs.next())
          anomalies.add(new Anomaly(Anomaly.Kind.valueOf(rs.getString("kind")), rs.getString("transfer_id"),
              new Amount(Asset.valueOf(rs.getString("asset")), integer(rs, "amount")), rs.getString("persistence_id"),
              rs.getLong("event_offset")));
      }
      long upTo = 0;
      long events = 0;
      try (PreparedStatement st = c.prepareStatement("SELECT up_to, events FROM ledger_progress WHERE projection_name = ?")) {
        st.setString(1, PROGRESS);
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next()) {
            upTo = rs.getLong("up_to");
            events = rs.getLong("events");
          }
        }
      }
      return ConservationReport.of(totals, counts, anomalies, upTo, events);
    } finally {
      c.rollback();
      // back to the default of both databases, for the projection's next use of the connection
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  private static boolean isTransfer(ValueChange c) {
    return c.kind() == ValueChange.Kind.SENT || c.kind() == ValueChange.Kind.RECEIVED;
  }

  private static Set<String> transferIds(List<LedgerEntry> entries) {
    Set<String> ids = new LinkedHashSet<>();
    for (LedgerEntry entry : entries)
      for (ValueChange change : entry.changes())
        if (isTransfer(change)) ids.add(change.id());
    return ids;
  }

  /** The records of those of {@code ids} the table holds, read {@link #LOOKUP} ids per query. */
  private static Map<String, TransferRecord> transfers(Connection c, Set<String> ids) throws SQLException {
    Map<String, TransferRecord> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += LOOKUP) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP));
      try (PreparedStatement st = c.prepareStatement("SELECT transfer_id, asset, amount, sent, received, received_unsent, "
          + "amount_differs FROM ledger_transfers WHERE transfer_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)")) {
        for (int i = 0; i < chunk.size(); i++) st.setString(i + 1, chunk.get(i));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString("transfer_id");
            found.put(id, new TransferRecord(id, new Amount(Asset.valueOf(rs.getString("asset")), integer(rs, "amount")),
                rs.getInt("sent"), rs.getInt("received"), rs.getBoolean("received_unsent"), rs.getBoolean("amount_differs")));
          }
        }
      }
    }
    return found;
  }

  /** Inserts the records new to the table and updates the others, one batch each. */
  private static void writeTransfers(Connection c, Collection<TransferRecord> records, Set<String> existing) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_transfers "
        + "(sent, received, received_unsent, amount_differs, asset, amount, transfer_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
         PreparedStatement update = c.prepareStatement("UPDATE ledger_transfers "
        + "SET sent = ?, received = ?, received_unsent = ?, amount_differs = ? WHERE transfer_id = ?")) {
      boolean inserts = false;
      boolean updates = false;
      for (TransferRecord t : records) {
        if (existing.contains(t.id())) {
          bindTransfer(update, t);
          update.setString(5, t.id());
          update.addBatch();
          updates = true;
        } else {
          bindTransfer(insert, t);
          insert.setString(5, t.amount().asset().name());
          insert.setBigDecimal(6, new BigDecimal(t.amount().amount()));
          insert.setString(7, t.id());
          insert.addBatch();
          inserts = true;
        }
      }
      if (inserts) insert.executeBatch();
      if (updates) update.executeBatch();
    }
  }

  private static void bindTransfer(PreparedStatement st, TransferRecord t) throws SQLException {
    st.setInt(1, t.sent());
    st.setInt(2, t.received());
    st.setBoolean(3, t.receivedUnsent());
    st.setBoolean(4, t.amountDiffers());
  }

  private static void addToAsset(Connection c, Asset asset, AssetTotals d, TransferCounts n) throws SQLException {
    try (PreparedStatement update = c.prepareStatement(ADD_TO_ASSET)) {
      int i = bindAsset(update, d, n);
      update.setString(i, asset.name());
      if (update.executeUpdate() > 0) return;
    }
    try (PreparedStatement insert = c.prepareStatement(INSERT_ASSET)) {
      int i = bindAsset(insert, d, n);
      insert.setString(i, asset.name());
      insert.executeUpdate();
    }
  }

  /** Binds the deltas in ASSET_COLUMNS order; answers the next parameter index. */
  private static int bindAsset(PreparedStatement st, AssetTotals d, TransferCounts n) throws SQLException {
    int i = 1;
    for (HeldBy h : HeldBy.values()) st.setBigDecimal(i++, new BigDecimal(d.heldBy().get(h)));
    for (BigInteger v : List.of(d.inFlight(), d.deposited(), d.withdrawn(), d.minted(), d.burned()))
      st.setBigDecimal(i++, new BigDecimal(v));
    for (long v : new long[] {n.sent(), n.received(), n.inFlight(), n.receivedTwice(), n.receivedUnsent(), n.sentTwice(),
        n.amountDiffers()})
      st.setLong(i++, v);
    return i;
  }

  private static void insertAnomalies(Connection c, List<Anomaly> anomalies) throws SQLException {
    if (anomalies.isEmpty()) return;
    try (PreparedStatement st = c.prepareStatement("INSERT INTO ledger_anomalies "
        + "(event_offset, kind, transfer_id, asset, amount, persistence_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Anomaly a : anomalies) {
        st.setLong(1, a.offset());
        st.setString(2, a.kind().name());
        st.setString(3, a.transferId());
        st.setString(4, a.amount().asset().name());
        st.setBigDecimal(5, new BigDecimal(a.amount().amount()));
        st.setString(6, a.persistenceId());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  /** Records {@code events} more events as read, up to {@code offset}. */
  private static void advance(Connection c, long offset, int events) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "UPDATE ledger_progress SET up_to = ?, events = events + ? WHERE projection_name = ?")) {
      st.setLong(1, offset);
      st.setLong(2, events);
      st.setString(3, PROGRESS);
      if (st.executeUpdate() > 0) return;
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO ledger_progress (projection_name, up_to, events) VALUES (?, ?, ?)")) {
      st.setString(1, PROGRESS);
      st.setLong(2, offset);
      st.setLong(3, events);
      st.executeUpdate();
    }
  }

  private static BigInteger integer(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }
}
