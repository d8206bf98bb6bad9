package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import akka.serialization.SerializationExtension;
import akka.serialization.jackson.JacksonJsonSerializer;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.http.auth.NonceBook.Claim;
import io.bhkr.http.auth.NonceBook.ClaimResult;
import io.bhkr.http.auth.NonceBook.Command;
import io.bhkr.http.auth.NonceBook.Event;
import io.bhkr.http.auth.NonceBook.NonceClaimed;
import io.bhkr.http.auth.NonceBook.State;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NonceBookTest {

  private static final String ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final long NOW = 1_700_000_000L;

  // Akka 2.6 has no JUnit 5 extension: one actor system for the class.
  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<Command, Event, State> book;

  static Config config() {
    return ConfigFactory.parseString(
            // Every command, reply, event and snapshot crosses Jackson, as between cluster nodes.
            "akka.actor.serialize-messages = on\nakka.actor.serialize-creators = off")
        .withFallback(EventSourcedBehaviorTestKit.config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        // reference.conf of bhkr-actors binds JsonSerializable to jackson-json.
        .withFallback(ConfigFactory.load());
  }

  @BeforeAll
  static void startSystem() {
    testKit = ActorTestKit.create("NonceBookTest", config());
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newBook() {
    book = EventSourcedBehaviorTestKit.create(testKit.system(), NonceBook.create(ADDRESS));
    book.clear();
  }

  @Test
  void acceptsAndRemembersTheFirstClaim() {
    var result = claim("nonce-0001", NOW + 120, NOW);

    assertTrue(result.reply().accepted());
    assertEquals(new NonceClaimed("nonce-0001", NOW + 120, NOW), result.event());
    assertEquals(Map.of("nonce-0001", NOW + 120), result.state().nonces());
  }

  @Test
  void refusesAReplayAndPersistsNothing() {
    claim("nonce-0001", NOW + 120, NOW);

    var replay = claim("nonce-0001", NOW + 120, NOW + 5);
    assertFalse(replay.reply().accepted());
    assertTrue(replay.hasNoEvents());

    // Up to and including its expiry second the nonce is still remembered.
    assertFalse(claim("nonce-0001", NOW + 300, NOW + 120).reply().accepted());
  }

  @Test
  void acceptsOtherNoncesOfTheSameAddress() {
    claim("nonce-0001", NOW + 120, NOW);

    assertTrue(claim("nonce-0002", NOW + 120, NOW).reply().accepted());
    assertEquals(2, book.getState().nonces().size());
  }

  @Test
  void acceptsTheSameNonceAfterItExpired() {
    claim("nonce-0001", NOW + 120, NOW);

    var again = claim("nonce-0001", NOW + 400, NOW + 121);
    assertTrue(again.reply().accepted());
    assertEquals(Map.of("nonce-0001", NOW + 400), again.state().nonces());
  }

  @Test
  void refusesAClaimThatIsAlreadyExpired() {
    var late = claim("nonce-0001", NOW - 1, NOW);

    assertFalse(late.reply().accepted());
    assertTrue(late.hasNoEvents());
  }

  @Test
  void remembersAcrossARestart() {
    claim("nonce-0001", NOW + 120, NOW);
    claim("nonce-0002", NOW + 60, NOW + 1);

    var restarted = book.restart();

    assertEquals(Map.of("nonce-0001", NOW + 120, "nonce-0002", NOW + 60), restarted.state().nonces());
    assertFalse(claim("nonce-0001", NOW + 120, NOW + 2).reply().accepted());
  }

  @Test
  void forgetsExpiredNoncesWhenTheNextIsClaimed() {
    claim("nonce-0001", NOW + 10, NOW);
    claim("nonce-0002", NOW + 300, NOW);

    var later = claim("nonce-0003", NOW + 100, NOW + 11);

    assertEquals(Map.of("nonce-0002", NOW + 300, "nonce-0003", NOW + 100), later.state().nonces());
    // Replay prunes with the instants recorded in the events, not with today's clock.
    assertEquals(later.state(), book.restart().state());
  }

  @Test
  void snapshotsEvery100EventsAndRecoversFromThem() {
    for (int i = 0; i < 101; i++) {
      assertTrue(claim(String.format("nonce-%04d", i), NOW + 300, NOW + i).reply().accepted());
    }

    String persistenceId = "NonceBook|" + ADDRESS;
    State snapshot = book.snapshotTestKit().orElseThrow().expectNextPersistedClass(persistenceId, State.class);
    assertEquals(100, snapshot.nonces().size());
    assertEquals(101, book.restart().state().nonces().size());
    assertFalse(claim("nonce-0000", NOW + 300, NOW + 200).reply().accepted());
  }

  @Test
  void writesEventsAndSnapshotsAsJson() {
    var serialization = SerializationExtension.get(testKit.system());

    assertInstanceOf(JacksonJsonSerializer.class, serialization.findSerializerFor(new NonceClaimed("nonce-0001", 1, 0)));
    assertInstanceOf(JacksonJsonSerializer.class, serialization.findSerializerFor(new State(Map.of())));
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<Command, Event, State, ClaimResult> claim(
      String nonce, long expiresAt, long now) {
    return book.runCommand(replyTo -> new Claim(nonce, expiresAt, now, replyTo));
  }
}
