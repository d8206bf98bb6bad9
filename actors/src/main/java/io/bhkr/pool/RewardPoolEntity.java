package io.bhkr.pool;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardSplit;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Receipt;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The Reward Pool: filled by settlement shares and fees, emptied every epoch by a distribution to
 * governors, providers and requesters, sidecar stakers and development (economics 5). The
 * stake-times arrive on the command, gathered by the shell, and are recorded in the event.
 */
public final class RewardPoolEntity
    extends OutboxEntity<RewardPoolEntity.Command, PoolState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "RewardPool");
  public static final String TAG = "pool";

  public sealed interface Command extends JsonSerializable {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<PoolView> replyTo) implements Command {}

  /** Distributes the pool for the window from the last epoch's end to {@code windowEnd}. */
  public record Distribute(long windowEnd, RewardSplit split, Map<Group, SortedMap<String, BigInteger>> stakeTimes,
      String developmentFund, ActorRef<Distribution> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public sealed interface Distribution extends JsonSerializable {}

  public record Distributed(RewardsDistributed event) implements Distribution {}

  public record NotDistributed(String reason) implements Distribution {}

  public static Behavior<Command> create(DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new RewardPoolEntity(courier));
  }


  private RewardPoolEntity(Courier<Command> courier) {
    // "Pool|reward": both pools share the persistence id prefix, so readers find them together
    super(PersistenceId.of("Pool", PoolView.REWARD), TAG, courier, PoolState::outbox);
  }

  @Override
  public PoolState emptyState() {
    return PoolState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, PoolState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Receive.class, (s, c) -> persistAndSend(PoolDecisions.onRewardPoolArrival(s, c.dispatch()))
            .thenReply(c.replyTo(), ns -> new Receipt(c.dispatch().id())))
        .onCommand(Distribute.class, this::onDistribute)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s.view(PoolView.REWARD)))
        .build();
  }

  private ReplyEffect<DomainEvent, PoolState> onDistribute(PoolState s, Distribute c) {
    if (c.windowEnd() <= s.lastEpochEnd())
      return Effect().reply(c.replyTo(), new NotDistributed("the epoch ending at " + s.lastEpochEnd() + " is already distributed"));
    List<DomainEvent> events = PoolDecisions.distribution(s, c.windowEnd(), c.split(), c.stakeTimes(), c.developmentFund());
    RewardsDistributed event = (RewardsDistributed) events.get(0);
    return persistAndSend(events)
        .thenReply(c.replyTo(), ns -> new Distributed(event));
  }

  /** The epoch's distribution (economics 5): see {@link PoolDecisions#distribution}. */
  public static List<DomainEvent> distribution(PoolState s, long windowEnd, RewardSplit split,
      Map<Group, SortedMap<String, BigInteger>> stakeTimes, String developmentFund) {
    return PoolDecisions.distribution(s, windowEnd, split, stakeTimes, developmentFund);
  }

  @Override
  public EventHandler<PoolState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(RewardPoolEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static PoolState apply(PoolState s, DomainEvent event) {
    if (event instanceof DispatchReceived e) return s.received(e.dispatch());
    if (event instanceof RewardsDistributed e) return s.distributed(e);
    if (event instanceof DispatchSent e) return s.sent(e.dispatch());
    if (event instanceof DispatchConfirmed e) return s.confirmed(e.dispatchId());
    if (event instanceof DispatchesConfirmed e) return e.confirmEach(s, PoolState::confirmed);
    throw new IllegalStateException("the Reward Pool cannot apply " + event.getClass().getName());
  }
}
