package io.bhkr.replay;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.uuid.Uuids;
import io.bhkr.persistence.CassandraSettings;
import io.bhkr.persistence.journal.StoredEvent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The events of an akka-persistence-cassandra journal as {@link StoredEvent}s, for replay. Cassandra
 * keeps no global order, so the rows of {@code messages} are read in full and ordered by their
 * write time (the time-based UUID each event was written with), then by entity and sequence
 * number, and numbered 1, 2, … as the replay's {@code ordering}. On one node the write times follow
 * causality (a transfer's receipt is persisted after its dispatch); in a cluster they follow it as far
 * as the nodes' clocks agree. The whole journal is held in memory while it is ordered.
 */
final class CassandraJournal {

  private CassandraJournal() {}

  /** Every event of the journal's keyspace, in write-time order. */
  static List<StoredEvent> read(CassandraSettings settings) {
    List<Row> rows = new ArrayList<>();
    try (CqlSession session = session(settings)) {
      SimpleStatement all = SimpleStatement.newInstance("SELECT persistence_id, sequence_nr, timestamp, writer_uuid, ser_id,"
          + " ser_manifest, event_manifest, event, tags FROM " + settings.keyspace() + ".messages").setPageSize(5_000);
      for (Row r : session.execute(all)) rows.add(r);
    }
    rows.sort(Comparator.comparingLong((Row r) -> r.getUuid("timestamp").timestamp())
        .thenComparing(r -> r.getString("persistence_id")).thenComparingLong(r -> r.getLong("sequence_nr")));
    List<StoredEvent> events = new ArrayList<>(rows.size());
    long ordering = 0;
    for (Row r : rows) {
      UUID written = r.getUuid("timestamp");
      ByteBuffer payload = r.getByteBuffer("event");
      byte[] bytes = new byte[payload == null ? 0 : payload.remaining()];
      if (payload != null) payload.get(bytes);
      Set<String> tags = r.getSet("tags", String.class);
      events.add(new StoredEvent(++ordering, r.getString("persistence_id"), r.getLong("sequence_nr"), r.getString("writer_uuid"),
          Uuids.unixTimestamp(written), r.getString("event_manifest"), r.getInt("ser_id"), r.getString("ser_manifest"), bytes,
          tags == null ? List.of() : List.copyOf(new java.util.TreeSet<>(tags))));
    }
    return events;
  }

  private static CqlSession session(CassandraSettings settings) {
    var builder = CqlSession.builder().withLocalDatacenter(settings.localDatacenter());
    for (String point : settings.contactPoints()) {
      int colon = point.lastIndexOf(':');
      builder.addContactPoint(new InetSocketAddress(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1))));
    }
    return builder.build();
  }
}
