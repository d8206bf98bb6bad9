package io.bhkr.replay.export;

import io.bhkr.money.Amount;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/** How the export writes a value into a cell, the same in every table. */
final class Cells {

  private Cells() {}

  /** "Project|p-1" → "p-1": tables name entities by id, their type is the table's. */
  static String entityId(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(bar + 1);
  }

  /** "Project|p-1" → "Project". */
  static String entityType(String persistenceId) {
    int bar = persistenceId.indexOf('|');
    return bar < 0 ? persistenceId : persistenceId.substring(0, bar);
  }

  /** Base units as a scale-0 decimal: the Appender's exact path into DECIMAL(38,0). */
  static BigDecimal exact(BigInteger baseUnits) {
    return baseUnits == null ? null : new BigDecimal(baseUnits);
  }

  static BigDecimal exact(Amount a) {
    return a == null ? null : new BigDecimal(a.amount());
  }

  static String asset(Amount a) {
    return a == null ? null : a.asset().toString();
  }

  static String text(Object o) {
    return o == null ? null : o.toString();
  }

  /** A score input as a DOUBLE for analysis; the exact decimal stays in the journal. */
  static Double ratio(BigDecimal d) {
    return d == null ? null : d.doubleValue();
  }

  static int size(List<?> l) {
    return l == null ? 0 : l.size();
  }

  /** A list of names in one cell, comma-separated (DuckDB's string_split takes it apart). */
  static String joined(Collection<?> items) {
    if (items == null || items.isEmpty()) return "";
    StringBuilder s = new StringBuilder();
    for (Object o : items) s.append(s.length() == 0 ? "" : ",").append(o);
    return s.toString();
  }
}
