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
 * The nonces one address has used, kept until their requests expire, so a signed request is
 * acted on at most once even across restarts. One entity per address (the entity id).
 *
 * <p>The caller supplies {@code now}; the event carries it, so replay prunes exactly as the
 * original run did, whatever the clock says during recovery.
 */
public final class NonceBook
    extends EventSourcedBehaviorWithEnforcedReplies<NonceBook.Command, NonceBook.Event, NonceBook.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "NonceBook");

  public sealed interface Command extends JsonSerializable {}

  /**
   * Uses {@code nonce} for a request valid until {@code expiresAt} (unix seconds), judged at
   * {@code now} (unix seconds).
   */
  public record Claim(String nonce, long expiresAt, long now, ActorRef<ClaimResult> replyTo)
      implements Command {
    public Claim {
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  /** {@code accepted} is false if the nonce was already used, or the request already expired. */
  public record ClaimResult(boolean accepted) implements JsonSerializable {}

  public sealed interface Event extends JsonSerializable {}

  /** A signed request used this nonce; it is refused again until `expiresAt` (Unix seconds), when it is forgotten. */
  public record NonceClaimed(String nonce, long expiresAt, long now) implements Event {}

  /** Live nonces and the unix second until which each is remembered. */
  public record State(Map<String, Long> nonces) implements JsonSerializable {
    public State {
      nonces = Map.copyOf(nonces);
    }

    /** A nonce is remembered up to and including its expiry second. */
    boolean remembers(String nonce, long now) {
      Long expiresAt = nonces.get(nonce);
      return expiresAt != null && expiresAt >= now;
    }

    State with(NonceClaimed event) {
      Map<String, Long> next = new HashMap<>(nonces);
      // Expired nonces can never be replayed (their requests are refused), so drop them here.
      next.values().removeIf(expiresAt -> expiresAt < event.now());
      next.put(event.nonce(), event.expiresAt());
      return new State(next);
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
    return new NonceBook(PersistenceId.of(TYPE_KEY.name(), address));
  }

  private NonceBook(PersistenceId persistenceId) {
    super(persistenceId);
  }

  @Override
  public State emptyState() {
    return new State(Map.of());
  }

  @Override
  public CommandHandlerWithReply<Command, Event, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Claim.class, this::onClaim)
        .build();
  }

  private ReplyEffect<Event, State> onClaim(State state, Claim claim) {
    // An expired request is refused before it gets here; remembering its nonce would be useless.
    if (claim.expiresAt() < claim.now() || state.remembers(claim.nonce(), claim.now())) {
      return Effect().reply(claim.replyTo(), new ClaimResult(false));
    }
    return Effect()
        .persist(new NonceClaimed(claim.nonce(), claim.expiresAt(), claim.now()))
        .thenReply(claim.replyTo(), updated -> new ClaimResult(true));
  }

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(NonceClaimed.class, State::with)
        .build();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    // Snapshots keep recovery short for busy addresses; the state itself stays small.
    return RetentionCriteria.snapshotEvery(100, 2);
  }
}
