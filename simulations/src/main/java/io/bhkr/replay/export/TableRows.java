package io.bhkr.replay.export;

import io.bhkr.replay.Replayed;
import java.sql.SQLException;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * One area of the export (auctions, the ledger, governance, providers, micro-pools): the tables it
 * fills and how each replayed event becomes rows of them. Rows go in through DuckDB's Appender, in
 * journal order; an area that can only know a row once later events are in (a proposal's outcome)
 * keeps it and appends it in {@link #finish}.
 */
interface TableRows {

  /** Where an area appends: the open row of a table, ended with {@code endRow()}. */
  @FunctionalInterface
  interface Sink {
    DuckDBAppender row(String table) throws SQLException;
  }

  /** Table name to its DDL columns, in the order the rows append their values. */
  Map<String, String> tables();

  void accept(Replayed r, Sink out) throws SQLException;

  /** After the last event: rows held back until the journal's end. */
  default void finish(Sink out) throws SQLException {}
}
