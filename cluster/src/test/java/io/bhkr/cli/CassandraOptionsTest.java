package io.bhkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.persistence.CassandraSettings;
import io.bhkr.persistence.JournalProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code run --profile cassandra …}: the options become the node's CassandraSettings, or a usage error. */
class CassandraOptionsTest {

  private static NodeOptions options(String line) {
    return CommandLines.parsed(NodeCommands.Run.class, ("run " + line).split(" ")).settings(null, null).options();
  }

  @Test
  void everyCassandraOptionReachesTheSettings() {
    NodeOptions o = options("--profile cassandra --cassandra-contact-points 10.0.0.1:9042,10.0.0.2:9043 --cassandra-datacenter dc2 "
        + "--cassandra-keyspace market --cassandra-snapshot-keyspace market_snap --cassandra-replication-factor 3 "
        + "--cassandra-create-tables --cassandra-first-time-bucket 20270101T00:00 --postgres-url jdbc:postgresql://db:5432/readside");
    assertEquals(JournalProfile.CASSANDRA, o.profile());
    assertEquals(new CassandraSettings(List.of("10.0.0.1:9042", "10.0.0.2:9043"), "dc2", "market", "market_snap", 3, true,
        "20270101T00:00"), o.journal().cassandra());
    // the read side's database
    assertEquals("jdbc:postgresql://db:5432/readside", o.journal().postgresUrl());
  }

  @Test
  void withoutOptionsTheProfileUsesTheLocalCassandraAndCreatesNothing() {
    NodeOptions o = options("--profile cassandra");
    assertEquals(CassandraSettings.defaults(), o.journal().cassandra());
    assertEquals(List.of("127.0.0.1:9042"), o.journal().cassandra().contactPoints());
    assertFalse(o.journal().cassandra().createTables());
    // the read side in a database of its own, never beside a postgres-profile journal's read side
    assertEquals("jdbc:postgresql://127.0.0.1:5432/bhkr_cassandra?reWriteBatchedInserts=true", o.journal().postgresUrl());
    assertTrue(options("--profile cassandra --cassandra-create-tables").journal().cassandra().createTables());
  }

  @Test
  void badCassandraOptionsAreUsageErrors() {
    for (String line : List.of(
        "--cassandra-keyspace market", // without --profile cassandra
        "--profile postgres --cassandra-create-tables",
        "--profile cassandra --cassandra-contact-points 10.0.0.1",
        "--profile cassandra --cassandra-keyspace market-1",
        "--profile cassandra --cassandra-keyspace same --cassandra-snapshot-keyspace same",
        "--profile cassandra --cassandra-replication-factor 0",
        "--profile cassandra --cassandra-first-time-bucket 2027-01-01",
        "--profile cassandra --cassandra-create-tables=yes"))
      assertFalse(CommandLines.refused(("run " + line).split(" ")).isBlank(), line);
  }
}
