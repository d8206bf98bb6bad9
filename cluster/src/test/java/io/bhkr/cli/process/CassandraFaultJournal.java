package io.bhkr.cli.process;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.persistence.testing.CassandraTestServer;
import io.bhkr.persistence.testing.PostgresTestDatabase;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The cassandra profile's journal: keyspaces of this test's own in the test Cassandra
 * ({@link CassandraTestServer}), read with the DataStax driver the node itself uses; the read side
 * in a PostgreSQL database of its own. The {@code messages} table is read in full: a fault test's
 * journal is a few thousand events.
 */
final class CassandraFaultJournal implements FaultJournal {

  private final String contactPoint = CassandraTestServer.contactPoint();
  private final String keyspace = "fault_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final PostgresTestDatabase readSide = PostgresTestDatabase.create();
  // the hour before the first event: a projection reading from the beginning starts there
  private final String firstTimeBucket = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.HOURS)
      .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm"));
  private CqlSession session;
  /** The driver's 2 s is short for a scan or a schema change on a Cassandra that shares two cores with three nodes. */
  private static final java.time.Duration SLOW = java.time.Duration.ofSeconds(60);

  @Override
  public String profile() {
    return "cassandra";
  }

  @Override
  public List<String> nodeOptions(boolean createSchema) {
    List<String> options = new ArrayList<>(List.of("--profile", "cassandra", "--cassandra-contact-points", contactPoint,
        "--cassandra-keyspace", keyspace, "--cassandra-snapshot-keyspace", keyspace + "_snap",
        "--cassandra-first-time-bucket", firstTimeBucket,
        "--postgres-url", readSide.url(), "--postgres-user", PostgresTestDatabase.USER));
    if (createSchema) options.add("--cassandra-create-tables");
    return options;
  }

  @Override
  public PostgresTestDatabase readSide() {
    return readSide;
  }

  @Override
  public long ledgerEvents() {
    return events(row -> {
      Set<String> tags = row.getSet("tags", String.class);
      return tags != null && tags.contains("ledger");
    }).size();
  }

  @Override
  public List<JsonNode> deposits() {
    return events(row -> row.getString("ser_manifest").endsWith("DepositReceived")).stream()
        .map(row -> NodeProcess.json(payload(row))).toList();
  }

  @Override
  public List<String> eventsNaming(String id) {
    return events(row -> payload(row).contains(id)).stream()
        .map(row -> row.getString("persistence_id") + "#" + row.getLong("sequence_nr") + " " + row.getString("ser_manifest")).toList();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (session != null) session.close();
    }
    if (Boolean.getBoolean("bhkr.fault.keep-database")) {
      System.out.println("kept keyspace " + keyspace + " and database " + readSide.name());
      return;
    }
    try (CqlSession s = session()) {
      s.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace).setTimeout(SLOW));
      s.execute(SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace + "_snap").setTimeout(SLOW));
    } catch (RuntimeException e) {
      // a keyspace left behind is harmless (the test Cassandra goes with the JVM): never hide the test's own failure
      System.out.println("could not drop keyspace " + keyspace + ": " + e);
    } finally {
      readSide.close();
    }
  }

  private List<Row> events(Predicate<Row> which) {
    List<Row> rows = new ArrayList<>();
    SimpleStatement all = SimpleStatement.newInstance(
        "SELECT persistence_id, sequence_nr, ser_manifest, event, tags FROM " + keyspace + ".messages").setPageSize(5_000).setTimeout(SLOW);
    for (Row r : reader().execute(all)) if (which.test(r)) rows.add(r);
    return rows;
  }

  private static String payload(Row row) {
    ByteBuffer event = row.getByteBuffer("event");
    return event == null ? "" : StandardCharsets.UTF_8.decode(event.duplicate()).toString();
  }

  /** One session for the test's reads (opening one takes a second), closed with the journal. */
  private synchronized CqlSession reader() {
    if (session == null) session = session();
    return session;
  }

  private CqlSession session() {
    int colon = contactPoint.lastIndexOf(':');
    return CqlSession.builder().withLocalDatacenter("datacenter1")
        .addContactPoint(new InetSocketAddress(contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))))
        .build();
  }
}
