package io.bhkr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.jdbc.query.javadsl.JdbcReadJournal;
import akka.persistence.query.EventEnvelope;
import akka.persistence.query.Offset;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.Sequence;
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
    JdbcReadJournal journal = PersistenceQuery.get(reader.system())
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());

    // Other tests of the class write the same tag into the same journal: keep ours.
    List<EventEnvelope> tagged = await(journal.currentEventsByTag(TestLedger.DEPOSIT_TAG, Offset.noOffset())
        .filter(e -> e.persistenceId().equals(pid)).runWith(Sink.seq(), reader.system()));
    assertEquals(List.of(new Deposited(SMALL, "first"), new Deposited(HUGE, "second")), tagged.stream().map(EventEnvelope::event).toList());
    assertEquals(List.of(1L, 3L), tagged.stream().map(EventEnvelope::sequenceNr).toList());
    long firstOffset = ((Sequence) tagged.get(0).offset()).value();
    long secondOffset = ((Sequence) tagged.get(1).offset()).value();
    assertTrue(firstOffset < secondOffset, "offsets follow the write order");

    List<EventEnvelope> all = await(journal.currentEventsByPersistenceId(pid, 0, Long.MAX_VALUE).runWith(Sink.seq(), reader.system()));
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

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
