package io.bhkr.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.actor.typed.ActorRef;
import akka.persistence.testkit.javadsl.PersistenceTestKit;
import com.typesafe.config.ConfigFactory;
import io.bhkr.governance.Parameters;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteDecisions;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Resources;
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

  private static final Resources Q1 = new Resources(4, 16, 128, 0);

  private static QuoteEntity.Request request(ActorRef<QuoteEntity.Quoted> replyTo) {
    return new QuoteEntity.Request(ProjectKind.ETH_VALIDATOR, Q1, 60, Parameters.development(), 1_000, replyTo);
  }

  @Test
  void anEntityRestartsAfterTheJournalRefusedItsWriteAndTheWriteCanBeMadeAgain() {
    PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());
    ActorRef<QuoteEntity.Command> quote = testKit.spawn(QuoteEntity.create("q-backoff"));
    TestProbe<QuoteEntity.Quoted> issued = testKit.createTestProbe();
    QuoteTerms terms = QuoteDecisions.quote("q-backoff", ProjectKind.ETH_VALIDATOR, Q1, 60, Parameters.development(), 1_000);

    journal.failNextPersisted();
    quote.tell(request(issued.getRef()));
    issued.expectNoMessage(Duration.ofMillis(300));

    // restarted after the backoff (the same ref: the supervisor keeps it), with nothing persisted
    TestProbe<Optional<QuoteTerms>> reader = testKit.createTestProbe();
    Optional<QuoteTerms> seen = reader.awaitAssert(Duration.ofSeconds(10), Duration.ofMillis(100), () -> {
      quote.tell(new QuoteEntity.Get(reader.getRef()));
      return reader.receiveMessage(Duration.ofMillis(200));
    });
    assertEquals(Optional.empty(), seen, "the refused write left no trace");

    quote.tell(request(issued.getRef()));
    assertEquals(terms, issued.receiveMessage(Duration.ofSeconds(5)).terms());
  }
}
