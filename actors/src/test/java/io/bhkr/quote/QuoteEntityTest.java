package io.bhkr.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.Parameters;
import io.bhkr.rules.Resources;
import io.bhkr.testing.EntityTests;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuoteEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("QuoteEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<QuoteEntity.Command, QuoteEntity.QuoteIssued, QuoteState> quote(String id) {
    return EventSourcedBehaviorTestKit.create(testKit.system(), QuoteEntity.create(id));
  }

  private static final Resources Q1 = new Resources(4, 16, 128, 0);

  private static QuoteEntity.Request request(ProjectKind kind, long days, long at, akka.actor.typed.ActorRef<QuoteEntity.Quoted> replyTo) {
    return new QuoteEntity.Request(kind, Q1, days, Parameters.development(), at, replyTo);
  }

  @Test
  void aQuoteIsIssuedOnceAndKeepsItsFirstTerms() {
    var kit = quote("q-once");
    QuoteTerms first = QuoteDecisions.quote("q-once", ProjectKind.ETH_VALIDATOR, Q1, 60, Parameters.development(), T0);
    var issued = kit.<QuoteEntity.Quoted>runCommand(r -> request(ProjectKind.ETH_VALIDATOR, 60, T0, r));
    assertEquals(new QuoteEntity.Quoted(first, null), issued.reply());
    assertEquals(new QuoteEntity.QuoteIssued(first), issued.event());

    var again = kit.<QuoteEntity.Quoted>runCommand(r -> request(ProjectKind.COMPUTE, 90, T0 + 60, r));
    assertEquals(first, again.reply().terms(), "a second request answers with the terms already issued");
    assertTrue(again.hasNoEvents());
    assertEquals(first, again.state().terms());

    assertEquals(Optional.of(first), kit.<Optional<QuoteTerms>>runCommand(QuoteEntity.Get::new).reply());
  }

  @Test
  void anUnknownQuoteIsEmpty() {
    var kit = quote("q-unknown");
    var got = kit.<Optional<QuoteTerms>>runCommand(QuoteEntity.Get::new);
    assertEquals(Optional.empty(), got.reply());
    assertTrue(got.hasNoEvents());
  }

  @Test
  void aRestartRecoversTheTerms() {
    var kit = quote("q-restart");
    QuoteTerms first = kit.<QuoteEntity.Quoted>runCommand(r -> request(ProjectKind.ETH_VALIDATOR, 60, T0, r)).reply().terms();
    assertEquals(first, kit.restart().state().terms());
    var again = kit.<QuoteEntity.Quoted>runCommand(r -> request(ProjectKind.COMPUTE, 1, T0 + 1, r));
    assertEquals(first, again.reply().terms());
    assertTrue(again.hasNoEvents());
  }

  /** A request sent straight to the entity is priced by the entity (QuoteDecisions.quote), and refused as the API refuses it. */
  @Test
  void aRequestIsPricedByTheQuoteItselfAndARequestWithoutAPriceIsRefused() {
    var kit = quote("q-request");
    Resources resources = new Resources(4, 16, 128, 0);
    var quoted = kit.<QuoteEntity.Quoted>runCommand(r ->
        new QuoteEntity.Request(ProjectKind.ETH_VALIDATOR, resources, 60, Parameters.development(), T0, r));
    QuoteTerms expected = QuoteDecisions.quote("q-request", ProjectKind.ETH_VALIDATOR, resources, 60, Parameters.development(), T0);
    assertEquals(new QuoteEntity.Quoted(expected, null), quoted.reply());
    assertEquals(new QuoteEntity.QuoteIssued(expected), quoted.event());
    var again = kit.<QuoteEntity.Quoted>runCommand(r ->
        new QuoteEntity.Request(ProjectKind.COMPUTE, resources, 1, Parameters.development(), T0 + 1, r));
    assertEquals(expected, again.reply().terms(), "issued once");
    assertTrue(again.hasNoEvents());

    var free = quote("q-free").<QuoteEntity.Quoted>runCommand(r ->
        new QuoteEntity.Request(ProjectKind.COMPUTE, new Resources(0, 0, 0, 0), 30, Parameters.development(), T0, r));
    assertEquals(new QuoteEntity.Quoted(null, "the requested resources have no price: ask for some CPU, RAM or storage"), free.reply());
    assertTrue(free.hasNoEvents());
    assertEquals(null, free.state().terms());
  }
}
