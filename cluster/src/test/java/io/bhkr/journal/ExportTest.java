package io.bhkr.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.persistence.journal.JournalFile;
import io.bhkr.persistence.journal.StoredEvent;
import io.bhkr.replay.JournalDecoder;
import io.bhkr.replay.export.Export;
import io.bhkr.transfer.ValueEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code replay export} over the golden journals: DuckDB reads the Parquet and CSV back with one
 * row per auction and settlement event the journal holds, and the worked example's legs are exact.
 */
class ExportTest {

  @TempDir Path out;

  static List<String> journals() throws IOException {
    return GoldenJournalsTest.journals().toList();
  }

  @ParameterizedTest
  @MethodSource("journals")
  void parquetAndCsvHoldOneRowPerAuctionAndSettlement(String journal) throws SQLException {
    List<StoredEvent> rows = golden(journal);
    Map<String, Long> written = Export.run(rows, out, EnumSet.allOf(Export.Format.class));
    long closed = count(rows, "io.bhkr.project.AuctionClosed");
    long settled = count(rows, "io.bhkr.project.ProjectSettled");
    long bids = count(rows, "io.bhkr.project.BidPlaced");
    assertEquals(closed, written.get("auctions"), journal);
    // one row per leg of every Reward Pool epoch
    long legs = rows.stream().filter(e -> e.className().equals("io.bhkr.pool.RewardsDistributed"))
        .mapToLong(e -> legCount(e.payload())).sum();
    assertEquals(legs, written.get("distributions"), journal);
    for (String format : List.of("parquet", "csv")) {
      assertEquals(closed, query("SELECT COUNT(*) FROM " + file("auctions", format)), journal + " auctions." + format);
      assertEquals(settled, query("SELECT COUNT(*) FROM " + file("settlements", format)), journal + " settlements." + format);
      assertEquals(bids, query("SELECT COUNT(*) FROM " + file("bids", format)), journal + " bids." + format);
      assertEquals(legs, query("SELECT COUNT(*) FROM " + file("distributions", format)), journal + " distributions." + format);
    }
  }

  @ParameterizedTest
  @MethodSource("journals")
  void everyKindOfFactHasItsTable(String journal) throws SQLException {
    List<StoredEvent> rows = golden(journal);
    Map<String, Long> written = Export.run(rows, out, EnumSet.of(Export.Format.PARQUET));
    assertEquals(count(rows, "io.bhkr.provider.ScoreRecorded"), written.get("scores"), journal + " scores");
    assertEquals(count(rows, "io.bhkr.governance.GovernanceEntity$ProposalOpened"), written.get("proposals"), journal + " proposals");
    assertEquals(count(rows, "io.bhkr.governance.GovernanceEntity$VoteCast"), written.get("votes"), journal + " votes");
    assertEquals(count(rows, "io.bhkr.governance.GovernanceEntity$GovernanceFounded")
        + count(rows, "io.bhkr.governance.GovernanceEntity$ParameterChanged"), written.get("parameter_history"), journal + " parameters");
    assertEquals(count(rows, "io.bhkr.micropool.MicroPoolEvents$MicroPoolOpened"), written.get("micropools"), journal + " micro-pools");
    assertEquals(count(rows, "io.bhkr.audit.AuditReported"), written.get("audit_reports"), journal + " audit reports");
    long uptimes = rows.stream().filter(e -> e.className().equals("io.bhkr.audit.AuditPeriodClosed"))
        .mapToLong(e -> field(e.payload(), "uptimes").size()).sum();
    assertEquals(uptimes, written.get("audits"), journal + " audits");
    // one transfers row per value change the conservation audit counts
    long changes = 0;
    try (JournalDecoder decoder = new JournalDecoder()) {
      for (StoredEvent e : rows) if (decoder.decode(e) instanceof ValueEvent v) changes += v.changes().size();
    }
    assertEquals(changes, written.get("transfers"), journal + " transfers");
    assertEquals(0, query("SELECT COUNT(*) FROM (SELECT transfer_id, asset FROM " + file("transfers", "parquet")
        + " WHERE change = 'RECEIVED' GROUP BY ALL HAVING COUNT(*) > 1)"), journal + ": a transfer credited twice");
  }

  /** Each holder's balance on the journal's last day is the sum of its value changes, and every day in between is present. */
  @ParameterizedTest
  @MethodSource("journals")
  void dailyBalancesAreTheRunningSumOfTransfers(String journal) throws SQLException {
    Export.run(golden(journal), out, EnumSet.of(Export.Format.PARQUET));
    String transfers = file("transfers", "parquet");
    String daily = file("daily_balances", "parquet");
    assertEquals(0, query("WITH net AS (SELECT holder_type, holder, asset, SUM(CASE WHEN change IN ('SENT','WITHDRAWN','BURNED')"
        + " THEN -amount ELSE amount END) AS balance FROM " + transfers + " GROUP BY ALL),"
        + " last AS (SELECT * FROM " + daily + " WHERE day = (SELECT MAX(day) FROM " + daily + "))"
        + " SELECT COUNT(*) FROM net FULL JOIN last USING (holder_type, holder, asset) WHERE net.balance IS DISTINCT FROM last.balance"),
        journal + ": last day's balances against the transfers");
    assertEquals(0, query("SELECT COUNT(*) FROM (SELECT holder_type, holder, asset, COUNT(*) AS days,"
        + " date_diff('day', MIN(day), MAX(day)) + 1 AS span FROM " + daily + " GROUP BY ALL) WHERE days <> span"), journal + ": a day missing");
  }

  @Test
  void theWorkedExamplesPoolsAndScoresAreThere() throws SQLException {
    Export.run(golden("WhitepaperExample-2026-12-02"), out, EnumSet.of(Export.Format.CSV));
    String daily = "read_csv('" + out.resolve("daily_balances.csv") + "', header = true, types = {'balance': 'DECIMAL(38,0)'})";
    // vector S1: the Reward Pool's share of the settlement, 10 BHKR and 30 ETH, on the pool's last day
    assertEquals(List.of("BHKR 10000000000000000000", "ETH 30000000000000000000"), strings("SELECT asset || ' ' || CAST(balance AS VARCHAR)"
        + " FROM " + daily + " WHERE holder = 'reward' AND day = (SELECT MAX(day) FROM " + daily + ") ORDER BY asset"));
    assertEquals(6, query("SELECT COUNT(*) FROM read_csv('" + out.resolve("scores.csv") + "', header = true) WHERE score >= 0"));
  }

  @Test
  void theWorkedExampleSettlementLegsAreExact() throws SQLException {
    Export.run(golden("WhitepaperExample-2026-12-02"), out, EnumSet.allOf(Export.Format.class));
    for (String format : List.of("parquet", "csv")) {
      String legs = file("settlement_legs", format);
      assertEquals(List.of(
              "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65 BHKR 60000000000000000000",
              "pool:reward BHKR 10000000000000000000",
              "pool:insurance BHKR 10000000000000000000",
              "0x14dc79964da2c08b23698b3d3cc7ca32193d9955 BHKR 20000000000000000000",
              "pool:reward ETH 30000000000000000000",
              "pool:insurance ETH 30000000000000000000",
              "0x14dc79964da2c08b23698b3d3cc7ca32193d9955 ETH 240000000000000000000"),
          strings("SELECT recipient || ' ' || asset || ' ' || CAST(amount AS VARCHAR) FROM " + legs + " ORDER BY leg"), format);
      // the provider is the auction's winner, at the price it paid
      assertEquals(List.of("0x15d34aaf54267db7d7c367839aaf71a00a2c6a65 BHKR 60000000000000000000"),
          strings("SELECT winner || ' ' || price_asset || ' ' || CAST(price_paid AS VARCHAR) FROM " + file("auctions", format)), format);
    }
  }

  private static List<StoredEvent> golden(String journal) {
    return JournalFile.read(GoldenJournalsTest.GOLDEN.resolve(journal + ".jsonl"));
  }

  private static long legCount(byte[] payload) {
    return field(payload, "legs").size();
  }

  private static com.fasterxml.jackson.databind.JsonNode field(byte[] payload, String name) {
    try {
      return new ObjectMapper().readTree(payload).get(name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(List<StoredEvent> rows, String className) {
    return rows.stream().filter(e -> e.className().equals(className)).count();
  }

  /** CSV is read with amounts as DECIMAL(38,0), as a researcher would, so its digits are checked too. */
  private String file(String table, String format) {
    Path f = out.resolve(table + "." + format);
    assertEquals(true, Files.exists(f), f + " written");
    return format.equals("parquet") ? "read_parquet('" + f + "')"
        : "read_csv('" + f + "', header = true" + switch (table) {
          case "settlement_legs" -> ", types = {'amount': 'DECIMAL(38,0)'}";
          case "auctions" -> ", types = {'price_paid': 'DECIMAL(38,0)'}";
          default -> "";
        } + ")";
  }

  private static long query(String sql) throws SQLException {
    return Long.parseLong(strings(sql).get(0));
  }

  private static List<String> strings(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (r.next()) values.add(r.getString(1));
      return values;
    }
  }
}
