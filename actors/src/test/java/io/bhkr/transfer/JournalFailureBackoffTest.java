package io.bhkr.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import com.typesafe.config.ConfigFactory;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.testing.EntityTests;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An entity whose write the journal refuses comes back after the configured backoff, instead of staying stopped. */
class JournalFailureBackoffTest {

  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("JournalFailureBackoffTest", ConfigFactory.parseString(
        "bhkr.entities.persist-failure-backoff { min = 100ms, max = 200ms, random-factor = 0 }").withFallback(EntityTests.config()));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void anEntityRestartsAfterTheJournalRefusedItsWriteAndTheWriteCanBeMadeAgain() {
    PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    ActorRef<QuoteEntity.Command> quote = testKit.spawn(QuoteEntity.create("q-backoff"));
    TestProbe<QuoteTerms> issued = testKit.createTestProbe();
    QuoteTerms terms = EntityTests.q1Quote(1_000);

    journal.failNextPersisted();
    quote.tell(new QuoteEntity.Issue(terms, issued.getRef()));
    issued.expectNoMessage(Duration.ofMillis(300));

    // restarted after the backoff (the same ref: the supervisor keeps it), with nothing persisted
    TestProbe<Optional<QuoteTerms>> reader = testKit.createTestProbe();
    Optional<QuoteTerms> seen = reader.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
      quote.tell(new QuoteEntity.Get(reader.getRef()));
      return reader.receiveMessage(Duration.ofMillis(200));
    });
    assertEquals(Optional.empty(), seen, "the refused write left no trace");

    quote.tell(new QuoteEntity.Issue(terms, issued.getRef()));
    assertEquals(terms, issued.receiveMessage(Duration.ofSeconds(5)));
  }
}
