package io.bhkr.pool;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.RetentionCriteria;
import io.bhkr.money.Balances;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.ValueEvent;
import io.bhkr.transfer.Seen;
import java.util.Set;

/**
 * The Reward Pool ("reward") and the Insurance Pool ("insurance"): balances per asset filled by
 * settlement shares. Distributions and compensation build on this (economics 5 and 7).
 */
public final class PoolEntity
    extends EventSourcedBehaviorWithEnforcedReplies<PoolEntity.Command, DomainEvent, PoolEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Pool");
  public static final String TAG = "pool";
  public static final String REWARD = "reward";
  public static final String INSURANCE = "insurance";

  public sealed interface Command extends JsonSerializable {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<PoolView> replyTo) implements Command {}

  public record State(Balances balances, Seen seen) implements JsonSerializable {}

  public record PoolView(String pool, Balances balances) implements JsonSerializable {}

  public static Behavior<Command> create(String pool) {
    if (!REWARD.equals(pool) && !INSURANCE.equals(pool)) throw new IllegalArgumentException("no such pool: " + pool);
    return new PoolEntity(pool);
  }

  private final String pool;

  private PoolEntity(String pool) {
    super(PersistenceId.of(TYPE_KEY.name(), pool));
    this.pool = pool;
  }

  @Override
  public State emptyState() {
    return new State(Balances.empty(), Seen.none());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Receive.class, (s, c) -> {
          Receipt receipt = new Receipt(c.dispatch().id());
          if (s.seen().contains(c.dispatch().id()) || c.dispatch().value().isEmpty()) return Effect().reply(c.replyTo(), receipt);
          return Effect().persist(new DispatchReceived(c.dispatch())).thenReply(c.replyTo(), ns -> receipt);
        })
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), new PoolView(pool, s.balances())))
        .build();
  }

  @Override
  public EventHandler<State, DomainEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(DispatchReceived.class, (s, e) ->
            new State(s.balances().credit(e.dispatch().value().orElseThrow()), s.seen().with(e.dispatch().id())))
        .build();
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return ValueEvent.tags(TAG, event);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(200, 2);
  }
}
