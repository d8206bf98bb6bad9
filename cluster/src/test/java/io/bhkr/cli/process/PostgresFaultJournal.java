package io.bhkr.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The postgres profile's journal: akka-persistence-jdbc's tables, in the same database as the read side. */
final class PostgresFaultJournal implements FaultJournal {

  private final PostgresTestDatabase database = PostgresTestDatabase.create();

  @Override
  public String profile() {
    return "postgres";
  }

  @Override
  public List<String> nodeOptions(boolean createSchema) {
    // the node creates its schema itself on this profile, whichever node comes first
    return List.of("--profile", "postgres", "--postgres-url", database.url(), "--postgres-user", PostgresTestDatabase.USER);
  }

  @Override
  public PostgresTestDatabase readSide() {
    return database;
  }

  @Override
  public long ledgerEvents() {
    return rows("SELECT count(*) FROM event_tag WHERE tag = 'ledger'", null).stream().mapToLong(Long::parseLong).sum();
  }

  @Override
  public List<JsonNode> deposits() {
    return rows("SELECT convert_from(event_payload, 'UTF8') FROM event_journal WHERE event_ser_manifest LIKE '%DepositReceived'", null)
        .stream().map(NodeProcess::json).toList();
  }

  @Override
  public List<String> eventsNaming(String id) {
    return rows("SELECT ordering || ' ' || persistence_id || '#' || sequence_number || ' ' || event_ser_manifest || ' at ' || write_timestamp"
        + " FROM event_journal WHERE convert_from(event_payload, 'UTF8') LIKE ? ORDER BY ordering", "%" + id + "%");
  }

  @Override
  public void close() {
    if (Boolean.getBoolean("bhkr.fault.keep-database")) System.out.println("kept database " + database.name());
    else database.close();
  }

  /** The first column of every row, as text. */
  private List<String> rows(String sql, String parameter) {
    try (Connection c = DriverManager.getConnection(database.url(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
         PreparedStatement st = c.prepareStatement(sql)) {
      if (parameter != null) st.setString(1, parameter);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) rows.add(rs.getString(1));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
