package io.bhkr.replay.export;

import io.bhkr.money.Amount;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.BidPlaced;
import io.bhkr.project.ProjectSettled;
import io.bhkr.project.SettlementLeg;
import io.bhkr.replay.Replayed;
import io.bhkr.rules.Auction.Candidate;
import io.bhkr.rules.RewardDistribution;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The export's tables in an in-memory DuckDB. Amounts are DECIMAL(38,0) base units beside an asset
 * column: exact, 38 digits of wei. Not HUGEINT: Parquet has no 128-bit integer and DuckDB would
 * write it as DOUBLE, losing digits. Times are epoch milliseconds
 * as written in the journal, so nothing is lost to a time zone.
 */
final class ExportTables implements AutoCloseable {

  /** Table name to its DDL columns: the order is the order of the Appender's values. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("auctions", "project VARCHAR, closed_at_ms BIGINT, winner VARCHAR, price_asset VARCHAR, price_paid DECIMAL(38,0),"
        + " seed VARCHAR, r VARCHAR, total_score VARCHAR, admissible_count INTEGER, candidate_count INTEGER, ordering BIGINT");
    TABLES.put("bids", "project VARCHAR, provider VARCHAR, price_asset VARCHAR, price DECIMAL(38,0), at_ms BIGINT, ordering BIGINT");
    TABLES.put("auction_candidates", "project VARCHAR, provider VARCHAR, price_asset VARCHAR, price DECIMAL(38,0), score BIGINT,"
        + " candidate BOOLEAN, won BOOLEAN");
    TABLES.put("settlements", "project VARCHAR, at_ms BIGINT, profit_asset VARCHAR, profit DECIMAL(38,0), leg_count INTEGER, ordering BIGINT");
    TABLES.put("distributions", "epoch BIGINT, window_start_ms BIGINT, window_end_ms BIGINT, reward_group VARCHAR,"
        + " account VARCHAR, asset VARCHAR, amount DECIMAL(38,0), ordering BIGINT");
    TABLES.put("settlement_legs", "project VARCHAR, leg INTEGER, recipient VARCHAR, reason VARCHAR, asset VARCHAR, amount DECIMAL(38,0)");
  }

  private final DuckDBConnection db;
  private final Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();

  ExportTables() throws SQLException {
    db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      for (var t : TABLES.entrySet()) s.execute("CREATE TABLE " + t.getKey() + " (" + t.getValue() + ")");
    }
    for (String t : TABLES.keySet()) appenders.put(t, db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t));
  }

  void accept(Replayed r) {
    try {
      String id = entityId(r.persistenceId());
      long ordering = r.row().ordering();
      if (r.event() instanceof BidPlaced b) {
        row("bids").append(id).append(b.providerId()).append(asset(b.price())).append(exact(b.price().amount()))
            .append(b.at()).append(ordering).endRow();
      } else if (r.event() instanceof AuctionClosed a) {
        row("auctions").append(id).append(a.closedAt()).append(a.winner()).append(asset(a.pricePaid()))
            .append(a.pricePaid() == null ? null : exact(a.pricePaid().amount())).append(a.seed()).append(text(a.r()))
            .append(text(a.totalScore())).append(size(a.admissible())).append(size(a.candidates())).append(ordering).endRow();
        // the lowest-price set is a subset of the admissible bids: flag it rather than list bids twice
        Set<String> lowest = new HashSet<>();
        if (a.candidates() != null) for (Candidate c : a.candidates()) lowest.add(c.providerId());
        if (a.admissible() != null) for (Candidate c : a.admissible()) {
          row("auction_candidates").append(id).append(c.providerId()).append(asset(c.price())).append(exact(c.price().amount()))
              .append(c.score()).append(lowest.contains(c.providerId())).append(c.providerId().equals(a.winner())).endRow();
        }
      } else if (r.event() instanceof RewardsDistributed d) {
        for (RewardDistribution.Leg l : d.legs()) {
          row("distributions").append(d.epoch()).append(d.windowStart()).append(d.windowEnd())
              .append(l.group() == null ? null : l.group().name()).append(l.to()).append(asset(l.amount()))
              .append(exact(l.amount().amount())).append(ordering).endRow();
        }
      } else if (r.event() instanceof ProjectSettled s) {
        List<SettlementLeg> legs = s.legs() == null ? List.of() : s.legs();
        row("settlements").append(id).append(s.at()).append(asset(s.profit()))
            .append(s.profit() == null ? null : exact(s.profit().amount())).append(legs.size()).append(ordering).endRow();
        for (int i = 0; i < legs.size(); i++) {
          SettlementLeg l = legs.get(i);
          row("settlement_legs").append(id).append(i).append(l.to()).append(l.reason()).append(asset(l.amount()))
              .append(exact(l.amount().amount())).endRow();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot export " + r.name() + ": " + e.getMessage(), e);
    }
  }

  /** Flushes the appenders and copies every table to {@code dir}; returns rows per table. */
  Map<String, Long> write(Path dir, Set<Export.Format> formats) throws SQLException {
    for (DuckDBAppender a : appenders.values()) a.close();
    appenders.clear();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = db.createStatement()) {
      for (String t : TABLES.keySet()) {
        String base = dir.resolve(t).toAbsolutePath().toString().replace("'", "''");
        if (formats.contains(Export.Format.PARQUET)) s.execute("COPY " + t + " TO '" + base + ".parquet' (FORMAT PARQUET)");
        if (formats.contains(Export.Format.CSV)) s.execute("COPY " + t + " TO '" + base + ".csv' (HEADER, DELIMITER ',')");
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
          r.next();
          counts.put(t, r.getLong(1));
        }
      }
    }
    return counts;
  }

  private DuckDBAppender row(String table) throws SQLException {
    return appenders.get(table).beginRow();
  }

  private static String entityId(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(bar + 1);
  }

  /** Base units as a scale-0 decimal: the Appender's exact path into DECIMAL(38,0). */
  private static BigDecimal exact(BigInteger baseUnits) {
    return new BigDecimal(baseUnits);
  }

  private static String asset(Amount a) {
    return a == null ? null : a.asset().toString();
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static int size(List<?> l) {
    return l == null ? 0 : l.size();
  }

  @Override
  public void close() throws SQLException {
    for (DuckDBAppender a : appenders.values()) a.close();
    db.close();
  }
}
