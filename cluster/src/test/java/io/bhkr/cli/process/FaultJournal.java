package io.bhkr.cli.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.util.List;

/**
 * The journal that a fault test's nodes write, read directly for the final checks (what the
 * nodes' answers alone cannot show: every deposit event, how many ledger events there are). The
 * read side (ledger tables, projection offsets) is in PostgreSQL on every profile, so that is
 * the same database here: {@link #readSide()}.
 */
interface FaultJournal extends AutoCloseable {

  /** The profile's name, for figures and process names. */
  String profile();

  /** The {@code run} options that put a node on this journal; {@code createSchema} for the first node of a new cluster. */
  List<String> nodeOptions(boolean createSchema);

  /** The database of the ledger projection's tables and offsets. */
  PostgresTestDatabase readSide();

  /** How many events carry the ledger tag: the ledger projection must fold each exactly once. */
  long ledgerEvents();

  /** The payload (JSON) of every {@code DepositReceived} event in the journal. */
  List<JsonNode> deposits();

  /** For a failure message: every event whose payload names {@code id}, one line each. */
  List<String> eventsNaming(String id);

  /** Drops what the test created, unless {@code -Dbhkr.fault.keep-database} asks to keep it. */
  @Override
  void close();
}
