package io.bhkr.replay.export;

import io.bhkr.replay.Replayed;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The export's tables in an in-memory DuckDB, filled by the areas of the market ({@link TableRows})
 * as the journal is read. Amounts are DECIMAL(38,0) base units beside an asset column: exact, 38
 * digits of wei. Not HUGEINT: Parquet has no 128-bit integer and DuckDB would write it as DOUBLE,
 * losing digits. Times are epoch milliseconds as written in the journal, so nothing is lost to a
 * time zone; {@code daily_balances} days are UTC.
 */
final class ExportTables implements AutoCloseable {

  private final List<TableRows> areas =
      List.of(new AuctionRows(), new LedgerRows(), new ProviderRows(), new GovernanceRows(), new MicroPoolRows());
  private final DuckDBConnection db;
  private final Map<String, DuckDBAppender> appenders = new LinkedHashMap<>();

  ExportTables() throws SQLException {
    db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      for (var t : tables().entrySet()) s.execute("CREATE TABLE " + t.getKey() + " (" + t.getValue() + ")");
    }
    for (String t : tables().keySet()) appenders.put(t, db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t));
  }

  /** Every table of the export, name to DDL columns, in the order the docs list them. */
  Map<String, String> tables() {
    Map<String, String> all = new LinkedHashMap<>();
    for (TableRows a : areas) all.putAll(a.tables());
    return all;
  }

  void accept(Replayed r) {
    try {
      for (TableRows a : areas) a.accept(r, this::row);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot export " + r.name() + ": " + e.getMessage(), e);
    }
  }

  /** Ends the areas, flushes the appenders and copies every table to {@code dir}; returns rows per table. */
  Map<String, Long> write(Path dir, Set<Export.Format> formats) throws SQLException {
    for (TableRows a : areas) a.finish(this::row);
    for (DuckDBAppender a : appenders.values()) a.close();
    appenders.clear();
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = db.createStatement()) {
      for (String t : tables().keySet()) {
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
    DuckDBAppender a = appenders.get(table);
    if (a == null) throw new IllegalStateException("no export table " + table);
    return a.beginRow();
  }

  @Override
  public void close() throws SQLException {
    for (DuckDBAppender a : appenders.values()) a.close();
    db.close();
  }
}
