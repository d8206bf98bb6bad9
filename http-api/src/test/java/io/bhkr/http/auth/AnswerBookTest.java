package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.http.auth.AnswerBook.AnswerRecorded;
import io.bhkr.http.auth.AnswerBook.Answered;
import io.bhkr.http.auth.AnswerBook.Begin;
import io.bhkr.http.auth.AnswerBook.BeginResult;
import io.bhkr.http.auth.AnswerBook.Book;
import io.bhkr.http.auth.AnswerBook.Command;
import io.bhkr.http.auth.AnswerBook.Event;
import io.bhkr.http.auth.AnswerBook.Fresh;
import io.bhkr.http.auth.AnswerBook.Mismatch;
import io.bhkr.http.auth.AnswerBook.Pending;
import io.bhkr.http.auth.AnswerBook.Record;
import io.bhkr.http.auth.AnswerBook.RequestBegun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer book: a retry of the identical request gets the first answer, across a restart. */
class AnswerBookTest {

  private static final String ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final long NOW = 1_700_000_000L;

  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<Command, Event, Book> book;

  @BeforeAll
  static void startSystem() {
    // Commands, replies, events and snapshots all cross Jackson, as in NonceBookTest.
    testKit = ActorTestKit.create("AnswerBookTest", NonceBookTest.config());
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newBook() {
    book = EventSourcedBehaviorTestKit.create(testKit.system(), AnswerBook.create(ADDRESS));
    book.clear();
  }

  private BeginResult begin(String nonce, String hash, long now) {
    return book.<BeginResult>runCommand(r -> new Begin(nonce, hash, NOW + 120, now, r)).reply();
  }

  private void record(String nonce, int status, String body) {
    book.<AnswerBook.Recorded>runCommand(r -> new Record(nonce, status, "application/json", body, r));
  }

  @Test
  void aFreshRequestBeginsAndItsRetryGetsTheRecordedAnswer() {
    var first = book.<BeginResult>runCommand(r -> new Begin("nonce-0001", "hash-a", NOW + 120, NOW, r));
    assertInstanceOf(Fresh.class, first.reply());
    assertEquals(new RequestBegun("nonce-0001", "hash-a", NOW + 120, NOW), first.event());

    assertInstanceOf(Pending.class, begin("nonce-0001", "hash-a", NOW + 1), "begun, not yet answered");
    record("nonce-0001", 201, "{\"projectId\":\"p\"}");

    assertEquals(new Answered(201, "application/json", "{\"projectId\":\"p\"}"), begin("nonce-0001", "hash-a", NOW + 2));
    book.restart();
    assertEquals(new Answered(201, "application/json", "{\"projectId\":\"p\"}"), begin("nonce-0001", "hash-a", NOW + 3),
        "the answer survives a restart");
  }

  @Test
  void theSameNonceOnAnotherRequestIsAMismatch() {
    begin("nonce-0001", "hash-a", NOW);
    record("nonce-0001", 200, "{}");

    assertInstanceOf(Mismatch.class, begin("nonce-0001", "hash-b", NOW + 1));
  }

  @Test
  void aSecondRecordDoesNotReplaceTheFirstAnswer() {
    begin("nonce-0001", "hash-a", NOW);
    record("nonce-0001", 200, "{\"first\":true}");
    record("nonce-0001", 500, "{}");

    assertEquals(new Answered(200, "application/json", "{\"first\":true}"), begin("nonce-0001", "hash-a", NOW + 1));
  }

  @Test
  void anAnswerTooLargeToKeepIsKeptAsItsStatus() {
    begin("nonce-0001", "hash-a", NOW);
    var result = book.<AnswerBook.Recorded>runCommand(r -> new Record("nonce-0001", 201, "application/json",
        "x".repeat(AnswerBook.MAX_ANSWER_BYTES + 1), r));
    assertNull(((AnswerRecorded) result.event()).body());

    Answered answered = (Answered) begin("nonce-0001", "hash-a", NOW + 1);
    assertEquals(201, answered.status());
    assertNull(answered.body());
  }

  @Test
  void forgetsRequestsOnceTheyExpire() {
    begin("nonce-0001", "hash-a", NOW);
    record("nonce-0001", 200, "{}");
    begin("nonce-0002", "hash-b", NOW + 121);

    assertEquals(1, book.getState().entries().size(), "the expired entry is dropped");
    assertTrue(book.getState().entries().containsKey("nonce-0002"));
  }
}
