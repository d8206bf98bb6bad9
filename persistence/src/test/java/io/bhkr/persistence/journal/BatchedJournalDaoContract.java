package io.bhkr.persistence.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.javadsl.Adapter;
import akka.persistence.AtomicWrite;
import akka.persistence.JournalProtocol;
import akka.persistence.Persistence;
import akka.persistence.PersistentRepr;
import akka.persistence.PersistentRepr$;
import akka.persistence.journal.Tagged;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.CurrentEventsByTagQuery;
import akka.stream.javadsl.Sink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.persistence.ReadJournals;
import io.bhkr.persistence.metrics.NodeMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@link BatchedJournalDao} on a real journal database: the rows a batch leaves are those of the
 * library's DAO, the read journal serves them, and a batch with one bad row leaves nothing.
 * Batches are sent to the journal plugin as one WriteMessages, as a persistent actor's do.
 */
abstract class BatchedJournalDaoContract {

  private static final Config LOCAL = ConfigFactory.parseString("""
      akka.actor.provider = local
      akka.loggers = ["akka.event.slf4j.Slf4jLogger"]
      akka.logging-filter = "akka.event.slf4j.Slf4jLoggingFilter"
      akka.actor.testkit.typed.single-expect-default = 10s
      """);
  private static final String LIBRARY_DAO = "jdbc-journal.dao = \"akka.persistence.jdbc.journal.dao.DefaultJournalDao\"";

  private final List<ActorTestKit> running = new ArrayList<>();

  protected abstract Config journalConfig();

  protected abstract Connection connect() throws SQLException;

  @AfterEach
  void stopSystems() {
    running.forEach(ActorTestKit::shutdownTestKit);
    running.clear();
  }

  @Test
  void theProfileWritesThroughTheBatchedDao() {
    assertEquals(BatchedJournalDao.class.getName(), journalConfig().getString("jdbc-journal.dao"));
  }

  @Test
  void aBatchLeavesTheRowsTheLibraryWould() throws Exception {
    String run = UUID.randomUUID().toString();
    ActorTestKit batched = start(ConfigFactory.empty());
    assertSucceeds(write(batched, batch("a-" + run), 0));
    assertEquals(9.0, NodeMetrics.get(batched.system()).registry().find(BatchedJournalDao.BATCH_EVENTS).summary().totalAmount(),
        "one WriteMessages of 9 events, all counted as written");
    ActorTestKit library = start(ConfigFactory.parseString(LIBRARY_DAO));
    assertSucceeds(write(library, batch("b-" + run), 0));

    List<List<Object>> ours = rows("p_-a-" + run);
    assertEquals(9, ours.size());
    assertEquals(rows("p_-b-" + run), ours, "same columns and values, the ordering and write time aside");
    assertEquals(12, tags("p_-a-" + run).size());
    assertEquals(tags("p_-b-" + run), tags("p_-a-" + run));
    assertOrderingsFollowSequenceNumbers("p_-a-" + run);
  }

  @Test
  void theReadJournalServesABatch() throws Exception {
    String run = UUID.randomUUID().toString();
    ActorTestKit kit = start(ConfigFactory.empty());
    assertSucceeds(write(kit, batch(run), 0));

    String tag = "odd-" + run;
    CurrentEventsByTagQuery byTag = ReadJournals.get(kit.system(), CurrentEventsByTagQuery.class);
    List<EventEnvelope> tagged = await(byTag.currentEventsByTag(tag, Offset.noOffset()).runWith(Sink.seq(), kit.system()));
    assertEquals(List.of("p0-" + run + " p0/1", "p0-" + run + " p0/3", "p1-" + run + " p1/1", "p1-" + run + " p1/3",
        "p2-" + run + " p2/1", "p2-" + run + " p2/3"), tagged.stream().map(e -> e.persistenceId() + " " + e.event()).sorted().toList());
    List<Long> offsets = tagged.stream().map(e -> ((akka.persistence.query.Sequence) e.offset()).value()).toList();
    assertEquals(offsets.stream().sorted().toList(), offsets, "served in ordering order");

    CurrentEventsByPersistenceIdQuery byId = ReadJournals.get(kit.system(), CurrentEventsByPersistenceIdQuery.class);
    List<EventEnvelope> p1 = await(byId.currentEventsByPersistenceId("p1-" + run, 0, Long.MAX_VALUE).runWith(Sink.seq(), kit.system()));
    assertEquals(List.of("p1/1", "p1/2", "p1/3"), p1.stream().map(e -> e.event().toString()).toList());
  }

  @Test
  void aDuplicateRowRollsBackItsWholeBatch() throws Exception {
    String run = UUID.randomUUID().toString();
    ActorTestKit kit = start(ConfigFactory.empty());
    assertSucceeds(write(kit, List.of(atomic("dup-" + run, 1, 1)), 0));

    List<AtomicWrite> writes = new ArrayList<>(batch(run));
    writes.add(atomic("dup-" + run, 1, 1)); // (persistence_id, sequence_number) already taken
    List<Object> replies = write(kit, writes, 1);
    assertInstanceOf(JournalProtocol.WriteMessagesFailed.class, replies.get(0));
    assertEquals(9 + 1, replies.stream().filter(r -> r instanceof JournalProtocol.WriteMessageFailure).count(), replies::toString);

    assertEquals(List.of(), rows("p_-" + run), "none of the batch's events stayed");
    assertEquals(List.of(), tags("p_-" + run));
    assertEquals(1, rows("dup-" + run).size());
  }

  /** Three persistence ids of three events each, every odd one tagged twice, in one batch. */
  private static List<AtomicWrite> batch(String run) {
    List<AtomicWrite> writes = new ArrayList<>();
    for (int p = 0; p < 3; p++) writes.add(atomic("p" + p + "-" + run, 1, 3));
    return writes;
  }

  private static AtomicWrite atomic(String persistenceId, long from, long to) {
    String run = persistenceId.substring(persistenceId.indexOf('-') + 1);
    List<PersistentRepr> events = new ArrayList<>();
    for (long seq = from; seq <= to; seq++) {
      // the same in every run, so that two runs' rows compare equal
      Object payload = persistenceId.substring(0, persistenceId.indexOf('-')) + "/" + seq;
      if (seq % 2 == 1) payload = new Tagged(payload, Set.of("odd-" + run, "all-" + run));
      events.add(PersistentRepr$.MODULE$.apply(payload, seq, persistenceId, "", false, akka.actor.ActorRef.noSender(), "writer-1"));
    }
    return new AtomicWrite(CollectionConverters.asScala(events).toList());
  }

  /** Sends one WriteMessages and collects the journal's replies: the batch's outcome, then one per event. */
  private static List<Object> write(ActorTestKit kit, List<AtomicWrite> writes, int instance) {
    TestProbe<Object> probe = kit.createTestProbe();
    akka.actor.ActorRef journal = Persistence.get(Adapter.toClassic(kit.system())).journalFor("jdbc-journal", ConfigFactory.empty());
    journal.tell(new JournalProtocol.WriteMessages(CollectionConverters.asScala(new ArrayList<akka.persistence.PersistentEnvelope>(writes)).toList(),
        Adapter.toClassic(probe.ref()), instance), akka.actor.ActorRef.noSender());
    int events = writes.stream().mapToInt(AtomicWrite::size).sum();
    List<Object> replies = new ArrayList<>();
    for (int i = 0; i <= events; i++) replies.add(probe.receiveMessage());
    return replies;
  }

  private static void assertSucceeds(List<Object> replies) {
    assertInstanceOf(JournalProtocol.WriteMessagesSuccessful$.class, replies.get(0), replies::toString);
    assertTrue(replies.stream().skip(1).allMatch(r -> r instanceof JournalProtocol.WriteMessageSuccess), replies::toString);
  }

  /** The journal rows of persistence ids LIKE {@code pattern}, without ordering and write_timestamp, in key order. */
  private List<List<Object>> rows(String pattern) throws SQLException {
    return query("""
        SELECT substring("persistence_id", 1, 2), "sequence_number", "deleted", "writer", "adapter_manifest", "event_ser_id",
          "event_ser_manifest", "event_payload", "meta_payload", "meta_ser_id", "meta_ser_manifest" FROM "event_journal"
        WHERE "persistence_id" LIKE ? ORDER BY "persistence_id", "sequence_number\"""", pattern);
  }

  /** (persistence id prefix, sequence number, tag without the run) of the tag rows of {@code pattern}'s events. */
  private List<List<Object>> tags(String pattern) throws SQLException {
    return query("""
        SELECT substring(j."persistence_id", 1, 2), j."sequence_number", substring(t."tag", 1, 3)
        FROM "event_tag" t JOIN "event_journal" j ON t."event_id" = j."ordering"
        WHERE j."persistence_id" LIKE ? ORDER BY j."persistence_id", j."sequence_number", t."tag\"""", pattern);
  }

  private void assertOrderingsFollowSequenceNumbers(String pattern) throws SQLException {
    Map<Object, Long> last = new LinkedHashMap<>();
    for (List<Object> row : query("""
        SELECT "persistence_id", "ordering" FROM "event_journal" WHERE "persistence_id" LIKE ?
        ORDER BY "persistence_id", "sequence_number\"""", pattern)) {
      long ordering = ((Number) row.get(1)).longValue();
      Long previous = last.put(row.get(0), ordering);
      assertTrue(previous == null || previous < ordering, "orderings rise with the sequence number: " + row);
    }
  }

  private List<List<Object>> query(String sql, String parameter) throws SQLException {
    try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      List<List<Object>> result = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            if (value instanceof java.sql.Blob blob) value = blob.getBytes(1, (int) blob.length()); // H2's BLOB
            row.add(value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1) : value);
          }
          result.add(row);
        }
      }
      return result;
    }
  }

  private ActorTestKit start(Config overrides) {
    ActorTestKit kit = ActorTestKit.create("batched", overrides.withFallback(LOCAL).withFallback(journalConfig()));
    running.add(kit);
    return kit;
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
