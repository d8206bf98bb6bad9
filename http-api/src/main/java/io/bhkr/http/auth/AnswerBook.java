package io.bhkr.http.auth;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import io.bhkr.serialization.JsonSerializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answers one address's signed requests got, kept until those requests expire, so a client
 * that lost an answer can send the identical signed request again and get the same answer, on any
 * node and after a restart, without the write happening twice. The nonce is the idempotency key;
 * the request is identified by the hash of its whole signed message, so the same nonce under
 * another method, path, body or expiry is told apart. One entity per address (the entity id).
 *
 * <p>Bounded: an entry lives no longer than its request (at most {@link RequestCheck#MAX_LIFETIME_SECONDS}),
 * and an answer body over {@link #MAX_ANSWER_BYTES} is kept as its status only.
 */
public final class AnswerBook
    extends EventSourcedBehaviorWithEnforcedReplies<AnswerBook.Command, AnswerBook.Event, AnswerBook.Book> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "AnswerBook");

  /** Write answers are a few hundred bytes; this only stops a huge one from bloating the book. */
  public static final int MAX_ANSWER_BYTES = 64 * 1024;

  public sealed interface Command extends JsonSerializable {}

  /** A signed request with {@code nonce} and {@code requestHash} is about to act, judged at {@code now}. */
  public record Begin(String nonce, String requestHash, long expiresAt, long now, ActorRef<BeginResult> replyTo)
      implements Command {
    public Begin {
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(requestHash, "requestHash");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** The request begun under {@code nonce} answered this; {@code body} null if it was too large to keep. */
  public record Record(String nonce, int status, String contentType, String body, ActorRef<Recorded> replyTo)
      implements Command {}

  public record Recorded() implements JsonSerializable {}

  public sealed interface BeginResult extends JsonSerializable {}

  /** Nothing was done under this nonce: act, then {@link Record} the answer. */
  public record Fresh() implements BeginResult {}

  /** The identical request already answered: give the same answer again. */
  public record Answered(int status, String contentType, String body) implements BeginResult {}

  /** The identical request began but has no answer (still running, or its node stopped first). */
  public record Pending() implements BeginResult {}

  /** The nonce was used for a different request. */
  public record Mismatch() implements BeginResult {}

  public sealed interface Event extends JsonSerializable {}

  /** A signed request began acting under {@code nonce}; remembered until {@code expiresAt}. */
  public record RequestBegun(String nonce, String requestHash, long expiresAt, long now) implements Event {}

  /** The answer of the request begun under {@code nonce}; {@code body} null if over {@link #MAX_ANSWER_BYTES}. */
  public record AnswerRecorded(String nonce, int status, String contentType, String body) implements Event {}

  /** One remembered request; {@code status} is 0 until it answers. */
  public record Entry(String requestHash, long expiresAt, int status, String contentType, String body)
      implements JsonSerializable {}

  public record Book(Map<String, Entry> entries) implements JsonSerializable {
    public Book {
      entries = Map.copyOf(entries);
    }

    BeginResult judge(Begin begin) {
      Entry entry = entries.get(begin.nonce());
      if (entry == null || entry.expiresAt() < begin.now()) return new Fresh();
      if (!entry.requestHash().equals(begin.requestHash())) return new Mismatch();
      if (entry.status() == 0) return new Pending();
      return new Answered(entry.status(), entry.contentType(), entry.body());
    }

    Book with(RequestBegun event) {
      Map<String, Entry> next = new HashMap<>(entries);
      // An expired request is refused before it gets here, so its entry can never be asked for again.
      next.values().removeIf(e -> e.expiresAt() < event.now());
      next.put(event.nonce(), new Entry(event.requestHash(), event.expiresAt(), 0, null, null));
      return new Book(next);
    }

    Book with(AnswerRecorded event) {
      Entry entry = entries.get(event.nonce());
      if (entry == null) return this;
      Map<String, Entry> next = new HashMap<>(entries);
      next.put(event.nonce(), new Entry(entry.requestHash(), entry.expiresAt(), event.status(), event.contentType(), event.body()));
      return new Book(next);
    }
  }

  public static void init(ClusterSharding sharding) {
    sharding.init(Entity.of(TYPE_KEY, context -> create(context.getEntityId())));
  }

  public static void init(ActorSystem<?> system) {
    init(ClusterSharding.get(system));
  }

  /** The book of {@code address} (lowercase 0x, as {@link Verdict.Authentic} gives it). */
  public static Behavior<Command> create(String address) {
    return new AnswerBook(PersistenceId.of(TYPE_KEY.name(), address));
  }

  private AnswerBook(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public Book emptyState() {
    return new Book(Map.of());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, Book> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Begin.class, this::onBegin)
        .onCommand(Record.class, this::onRecord)
        .build();
  }

  private ReplyEffect<Event, Book> onBegin(Book book, Begin begin) {
    BeginResult result = book.judge(begin);
    if (!(result instanceof Fresh)) return Effect().reply(begin.replyTo(), result);
    return Effect()
        .persist(new RequestBegun(begin.nonce(), begin.requestHash(), begin.expiresAt(), begin.now()))
        .thenReply(begin.replyTo(), updated -> new Fresh());
  }

  private ReplyEffect<Event, Book> onRecord(Book book, Record record) {
    Entry entry = book.entries().get(record.nonce());
    if (entry == null || entry.status() != 0) return Effect().reply(record.replyTo(), new Recorded());
    boolean keep = record.body() == null || record.body().length() <= MAX_ANSWER_BYTES;
    return Effect()
        .persist(new AnswerRecorded(record.nonce(), record.status(), keep ? record.contentType() : null, keep ? record.body() : null))
        .thenReply(record.replyTo(), updated -> new Recorded());
  }

  @Override
  public EventHandler<Book, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(RequestBegun.class, Book::with)
        .onEvent(AnswerRecorded.class, Book::with)
        .build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Snapshots keep recovery short for busy addresses; the book itself holds five minutes at most.
    return RetentionCriteria.snapshotEvery(100, 2);
  }
}
