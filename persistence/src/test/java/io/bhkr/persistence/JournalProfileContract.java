package io.bhkr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.Sequence;
import akka.persistence.query.TimeBasedUUID;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.persistence.query.javadsl.CurrentEventsByTagQuery;
import akka.stream.javadsl.Sink;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.TestLedger.Deposited;
import io.bhkr.persistence.TestLedger.State;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every journal profile must do: keep events across ActorSystems and serve them to the read
 * journal. Each test writes in one ActorSystem, stops it and reads in a new one, as a node
 * restart would; that is why the tests start their own ActorTestKits instead of sharing one.
 */
abstract class JournalProfileContract {

  private static final Config TEST_SETTINGS = ConfigFactory.parseString("""
      akka.actor.provider = local
      # Every command, reply and event crosses Jackson, as between cluster nodes.
      akka.actor.serialize-messages = on
      akka.loggers = ["akka.event.slf4j.Slf4jLogger"]
      akka.logging-filter = "akka.event.slf4j.Slf4jLoggingFilter"
      # The first write opens the pool and the database.
      akka.actor.testkit.typed.single-expect-default = 10s
      """);

  /** Beyond a long and a double's 53 bits: must come back digit for digit. */
  private static final Amount HUGE = new Amount(Asset.BHKR, BigInteger.TWO.pow(100).add(BigInteger.valueOf(7)));
  private static final Amount SMALL = Amount.of(Asset.ETH, 1);

  private final List<ActorTestKit> running = new ArrayList<>();

  /** The journal, the same for every ActorSystem of the test class. */
  protected abstract Config journalConfig();

  @AfterEach
  void stopSystems() {
    new ArrayList<>(running).forEach(this::stop);
  }

  @Test
  void aNewActorSystemRecoversExactlyTheState() {
    String id = "recover-" + UUID.randomUUID();
    State written = writeThreeEvents(id);
    assertEquals(new State("savings", List.of(new Deposited(SMALL, "first"), new Deposited(HUGE, "second"))), written);

    ActorTestKit second = start("second");
    TestProbe<State> probe = second.createTestProbe();
    second.spawn(TestLedger.create(id)).tell(new TestLedger.Get(probe.ref()));
    assertEquals(written, probe.receiveMessage());
  }

  @Test
  void theReadJournalServesEventsByTagAndByPersistenceId() throws Exception {
    String id = "query-" + UUID.randomUUID();
    writeThreeEvents(id);
    String pid = TestLedger.persistenceId(id).id();

    ActorTestKit reader = start("reader");
    // the profile's own read journal (JDBC's or Cassandra's), as projections get it
    CurrentEventsByTagQuery byTag = ReadJournals.get(reader.system(), CurrentEventsByTagQuery.class);
    CurrentEventsByPersistenceIdQuery byId = ReadJournals.get(reader.system(), CurrentEventsByPersistenceIdQuery.class);

    // Other tests of the class write the same tag into the same journal: keep ours. Cassandra's tag
    // query holds events back for its eventual-consistency-delay, so ask until both are there.
    AtomicReference<List<EventEnvelope>> found = new AtomicReference<>(List.of());
    reader.createTestProbe().awaitAssert(java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(500), () -> {
      found.set(await(byTag.currentEventsByTag(TestLedger.DEPOSIT_TAG, Offset.noOffset())
          .filter(e -> e.persistenceId().equals(pid)).runWith(Sink.seq(), reader.system())));
      assertEquals(2, found.get().size());
      return null;
    });
    List<EventEnvelope> tagged = found.get();
    assertEquals(List.of(new Deposited(SMALL, "first"), new Deposited(HUGE, "second")), tagged.stream().map(EventEnvelope::event).toList());
    assertEquals(List.of(1L, 3L), tagged.stream().map(EventEnvelope::sequenceNr).toList());
    assertTrue(before(tagged.get(0).offset(), tagged.get(1).offset()), "offsets follow the write order");

    List<EventEnvelope> all = await(byId.currentEventsByPersistenceId(pid, 0, Long.MAX_VALUE).runWith(Sink.seq(), reader.system()));
    assertEquals(List.of(new Deposited(SMALL, "first"), new TestLedger.Renamed("savings"), new Deposited(HUGE, "second")),
        all.stream().map(EventEnvelope::event).toList());
  }

  /** Deposits SMALL, renames to "savings", deposits HUGE, then stops the ActorSystem. */
  private State writeThreeEvents(String id) {
    ActorTestKit first = start("first");
    TestProbe<State> probe = first.createTestProbe();
    ActorRef<TestLedger.Command> ledger = first.spawn(TestLedger.create(id));
    ledger.tell(new TestLedger.Deposit(SMALL, "first", probe.ref()));
    probe.receiveMessage();
    ledger.tell(new TestLedger.Rename("savings", probe.ref()));
    probe.receiveMessage();
    ledger.tell(new TestLedger.Deposit(HUGE, "second", probe.ref()));
    State written = probe.receiveMessage();
    stop(first);
    return written;
  }

  private ActorTestKit start(String name) {
    ActorTestKit kit = ActorTestKit.create(name, TEST_SETTINGS.withFallback(journalConfig()));
    running.add(kit);
    return kit;
  }

  private void stop(ActorTestKit kit) {
    running.remove(kit);
    kit.shutdownTestKit();
  }

  /** JDBC offsets are a global sequence, Cassandra's time UUIDs. */
  private static boolean before(Offset a, Offset b) {
    if (a instanceof Sequence x && b instanceof Sequence y) return x.value() < y.value();
    if (a instanceof TimeBasedUUID x && b instanceof TimeBasedUUID y) return x.compare(y) < 0;
    throw new AssertionError("offsets of different kinds: " + a + ", " + b);
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
