package io.bhkr.replay.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code bhkr replay sql}: one SQL query over an export folder with the bundled DuckDB, each
 * {@code <table>.parquet} (or, without it, {@code <table>.csv}) visible as a view named
 * {@code <table>}. So research.md's analyses run as written with no DuckDB CLI installed.
 */
public final class ExportQuery {

  private ExportQuery() {}

  /** Prints the result as an aligned text table; returns its row count. */
  public static long run(Path dir, String sql, PrintStream out) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (Path f : files(dir)) {
        String name = f.getFileName().toString();
        String table = name.substring(0, name.lastIndexOf('.'));
        String path = f.toAbsolutePath().toString().replace("'", "''");
        s.execute("CREATE VIEW \"" + table + "\" AS SELECT * FROM "
            + (name.endsWith(".parquet") ? "read_parquet('" + path + "')" : "read_csv('" + path + "', header = true)"));
      }
      try (ResultSet r = s.executeQuery(sql)) {
        return print(r, out);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + e.getMessage(), e);
    }
  }

  /** Parquet where present (its column types are exact); CSV only for tables exported as CSV alone. */
  private static List<Path> files(Path dir) {
    if (!Files.isDirectory(dir)) throw new IllegalStateException("no export folder " + dir + " (run replay export --out " + dir + ")");
    try (Stream<Path> all = Files.list(dir)) {
      List<Path> found = all.filter(p -> p.toString().endsWith(".parquet") || p.toString().endsWith(".csv")).sorted().toList();
      return found.stream().filter(p -> p.toString().endsWith(".parquet")
          || !found.contains(Path.of(p.toString().replaceAll("\\.csv$", ".parquet")))).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long print(ResultSet r, PrintStream out) throws SQLException {
    ResultSetMetaData m = r.getMetaData();
    int n = m.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) header[i] = m.getColumnLabel(i + 1);
    rows.add(header);
    while (r.next()) {
      String[] row = new String[n];
      // getString keeps DECIMAL(38,0) amounts digit for digit
      for (int i = 0; i < n; i++) row[i] = r.getString(i + 1) == null ? "NULL" : r.getString(i + 1);
      rows.add(row);
    }
    int[] width = new int[n];
    for (String[] row : rows) for (int i = 0; i < n; i++) width[i] = Math.max(width[i], row[i].length());
    for (int k = 0; k < rows.size(); k++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", rows.get(k)[i]));
      out.println(line.toString().stripTrailing());
      if (k == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        out.println(rule);
      }
    }
    out.println("(" + (rows.size() - 1) + " rows)");
    return rows.size() - 1;
  }
}
