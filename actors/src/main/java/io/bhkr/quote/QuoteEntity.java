package io.bhkr.quote;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import io.bhkr.serialization.JsonSerializable;
import java.util.Optional;

/** A quote, once issued, is an immutable fact that projects refer to by id. */
public final class QuoteEntity
    extends EventSourcedBehaviorWithEnforcedReplies<QuoteEntity.Command, QuoteEntity.QuoteIssued, QuoteEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Quote");

  public sealed interface Command extends JsonSerializable {}

  public record Issue(QuoteTerms terms, ActorRef<QuoteTerms> replyTo) implements Command {}

  public record Get(ActorRef<Optional<QuoteTerms>> replyTo) implements Command {}

  /** A fixed-price quote (economics 1): FP, maxBid, pMin and the rates, all fixed for the projects opened from it. */
  public record QuoteIssued(QuoteTerms terms) implements JsonSerializable {}

  public record State(QuoteTerms terms) implements JsonSerializable {}

  public static Behavior<Command> create(String quoteId) {
    return akka.actor.typed.javadsl.Behaviors.setup(ctx ->
        new QuoteEntity(PersistenceId.of(TYPE_KEY.name(), quoteId), io.bhkr.transfer.JournalFailureBackoff.of(ctx.getSystem())));
  }

  private QuoteEntity(PersistenceId id, akka.actor.typed.BackoffSupervisorStrategy onJournalFailure) {
    super(id, onJournalFailure);
  }

  @Override
  public State emptyState() {
    return new State(null);
  }

  @Override
  public CommandHandlerWithReply<Command, QuoteIssued, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Issue.class, (state, cmd) -> state.terms() != null
            ? Effect().reply(cmd.replyTo(), state.terms())
            : Effect().persist(new QuoteIssued(cmd.terms())).thenReply(cmd.replyTo(), State::terms))
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), Optional.ofNullable(state.terms())))
        .build();
  }

  @Override
  public EventHandler<State, QuoteIssued> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(QuoteIssued.class, (s, e) -> new State(e.terms())).build();
  }
}
