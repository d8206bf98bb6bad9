package io.bhkr.replay.export;

import static io.bhkr.replay.export.Cells.entityId;
import static io.bhkr.replay.export.Cells.entityType;
import static io.bhkr.replay.export.Cells.exact;

import io.bhkr.money.Asset;
import io.bhkr.replay.Replayed;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every movement of value as the conservation audit counts it ({@link ValueChange}), and from the
 * same changes each participant's balance at the end of every day (UTC, by the rows' write time).
 * A transfer between two holders is its SENT row and its RECEIVED row, joined on {@code transfer_id}.
 */
final class LedgerRows implements TableRows {

  /** A holder's balances now and the day they were last reported for. */
  private static final class Holder {
    final Map<Asset, BigInteger> balances = new EnumMap<>(Asset.class);
    LocalDate day;
  }

  private final Map<String, Holder> holders = new HashMap<>();
  private LocalDate lastDay;

  @Override
  public Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("transfers", "holder_type VARCHAR, holder VARCHAR, change VARCHAR, transfer_id VARCHAR, asset VARCHAR,"
        + " amount DECIMAL(38,0), at_ms BIGINT, ordering BIGINT");
    t.put("daily_balances", "holder_type VARCHAR, holder VARCHAR, day DATE, asset VARCHAR, balance DECIMAL(38,0)");
    return t;
  }

  @Override
  public void accept(Replayed r, Sink out) throws SQLException {
    LocalDate day = day(r.row().writeTimestamp());
    if (lastDay == null || day.isAfter(lastDay)) lastDay = day;
    if (!(r.event() instanceof ValueEvent v) || v.changes().isEmpty()) return;
    String pid = r.persistenceId();
    Holder h = holders.computeIfAbsent(pid, k -> new Holder());
    if (h.day != null && day.isAfter(h.day)) endDays(pid, h, day, out);
    h.day = day;
    for (ValueChange c : v.changes()) {
      out.row("transfers").append(entityType(pid)).append(entityId(pid)).append(c.kind().name()).append(c.id())
          .append(c.amount().asset().name()).append(exact(c.amount())).append(r.row().writeTimestamp())
          .append(r.row().ordering()).endRow();
      BigInteger delta = switch (c.kind()) {
        case DEPOSITED, MINTED, RECEIVED -> c.amount().amount();
        case WITHDRAWN, BURNED, SENT -> c.amount().amount().negate();
      };
      h.balances.merge(c.amount().asset(), delta, BigInteger::add);
    }
  }

  /** Every holder's balances carried to the journal's last day. */
  @Override
  public void finish(Sink out) throws SQLException {
    if (lastDay == null) return;
    for (Map.Entry<String, Holder> e : new TreeMap<>(holders).entrySet()) endDays(e.getKey(), e.getValue(), lastDay.plusDays(1), out);
  }

  /** Rows for each day from the holder's last reported day up to (not including) {@code until}. */
  private static void endDays(String pid, Holder h, LocalDate until, Sink out) throws SQLException {
    for (LocalDate d = h.day; d.isBefore(until); d = d.plusDays(1)) {
      for (Map.Entry<Asset, BigInteger> b : h.balances.entrySet()) {
        out.row("daily_balances").append(entityType(pid)).append(entityId(pid)).append(d).append(b.getKey().name())
            .append(exact(b.getValue())).endRow();
      }
    }
    h.day = until;
  }

  private static LocalDate day(long epochMillis) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
