package io.bhkr.quote;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.governance.Parameters;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.JsonSerializable;
import java.util.Optional;

/** A quote, once issued, is an immutable fact that projects refer to by id. */
public final class QuoteEntity
    extends EventSourcedBehaviorWithEnforcedReplies<QuoteEntity.Command, QuoteEntity.QuoteIssued, QuoteState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Quote");

  public sealed interface Command extends JsonSerializable {}

  /**
   * A request for a quote (economics 1): the entity prices it with {@link QuoteDecisions#quote} under
   * {@code parameters}, those in force at {@code at} as the shell read them from governance, and
   * issues it under its own id. Asked again, it answers with the terms already issued.
   */
  public record Request(ProjectKind kind, Resources resources, long durationDays, Parameters parameters, long at,
      ActorRef<Quoted> replyTo) implements Command {}

  /** The terms issued, or null with {@code refusal} saying why nothing can be quoted (no price, no duration). */
  public record Quoted(QuoteTerms terms, String refusal) implements JsonSerializable {}

  public record Get(ActorRef<Optional<QuoteTerms>> replyTo) implements Command {}

  /** A fixed-price quote (economics 1): FP, maxBid, pMin and the rates, all fixed for the projects opened from it. */
  public record QuoteIssued(QuoteTerms terms) implements QuoteEvents {}

  public static Behavior<Command> create(String quoteId) {
    return akka.actor.typed.javadsl.Behaviors.setup(ctx ->
        new QuoteEntity(quoteId, io.bhkr.transfer.JournalFailureBackoff.of(ctx.getSystem())));
  }

  private final String quoteId;

  private QuoteEntity(String quoteId, akka.actor.typed.BackoffSupervisorStrategy onJournalFailure) {
    super(PersistenceId.of(TYPE_KEY.name(), quoteId), onJournalFailure);
    this.quoteId = quoteId;
  }

  @Override
  public QuoteState emptyState() {
    return new QuoteState(null);
  }

  @Override
  public CommandHandlerWithReply<Command, QuoteIssued, QuoteState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Request.class, this::onRequest)
        .onCommand(Get.class, (state, cmd) -> Effect().reply(cmd.replyTo(), Optional.ofNullable(state.terms())))
        .build();
  }

  private ReplyEffect<QuoteIssued, QuoteState> onRequest(QuoteState state, Request c) {
    if (state.terms() != null) return Effect().reply(c.replyTo(), new Quoted(state.terms(), null));
    QuoteTerms terms;
    try {
      terms = QuoteDecisions.quote(quoteId, c.kind(), c.resources(), c.durationDays(), c.parameters(), c.at());
    } catch (IllegalArgumentException e) {
      return Effect().reply(c.replyTo(), new Quoted(null, e.getMessage()));
    }
    return Effect().persist(new QuoteIssued(terms)).thenReply(c.replyTo(), ns -> new Quoted(ns.terms(), null));
  }

  @Override
  public EventHandler<QuoteState, QuoteIssued> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onEvent(QuoteIssued.class, (s, e) -> new QuoteState(e.terms())).build();
  }
}
