package io.bhkr.nodes;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.provider.ProjectPlaced;
import io.bhkr.provider.ProjectUnplaced;
import io.bhkr.rules.Resources;
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
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A provider's blockchain node and its sidecar: its registration, the BHKR that accounts stake on
 * its sidecar (economics 5), and the projects its provider placed on it (start and finish times,
 * told through the provider's outbox). Its audits live in the audit round.
 */
public final class NodeEntity extends OutboxEntity<NodeEntity.Command, NodeState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Node");
  public static final String TAG = "node";

  public sealed interface Command extends JsonSerializable {}

  public record Register(String providerId, String endpoint, String sidecarAddress, Resources capacity, long at,
      ActorRef<Result> replyTo) implements Command {}

  public record Withdraw(String staker, BigInteger amount, String withdrawalId, long at, ActorRef<Result> replyTo)
      implements Command {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<NodeView> replyTo) implements Command {}
  /** Answers once the dispatch has arrived here (the endpoint that sent it waits on this rather than polling). */
  public record AwaitArrival(String dispatchId, ActorRef<io.bhkr.transfer.Arrived> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public sealed interface Result extends JsonSerializable {}

  public record Done(String nodeId) implements Result {}

  public record Refused(String reason) implements Result {}

  /** What the API shows; {@code registration} is null for a node nobody registered. */
  public record NodeView(String nodeId, NodeRegistered registration, Map<String, List<StakeLot>> stakes, BigInteger totalStaked,
      List<ProjectRun> projects) implements JsonSerializable {

    /** What {@code staker} holds on this node now, all its lots together (as {@link NodeState#staked(String)} counts it). */
    public BigInteger stakedBy(String staker) {
      return stakes.getOrDefault(staker, List.of()).stream().map(StakeLot::amount).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The project running on the node, or the last one it ran; null if none ever. */
    public ProjectRun latestProject() {
      return projects.stream().filter(p -> p.finishedAt() == 0).findFirst()
          .orElse(projects.isEmpty() ? null : projects.get(projects.size() - 1));
    }
  }

  public static Behavior<Command> create(String nodeId, DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new NodeEntity(nodeId, courier));
  }

  private final String nodeId;

  private NodeEntity(String nodeId, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), nodeId), TAG, courier, NodeState::outbox);
    this.nodeId = nodeId;
  }

  @Override
  public NodeState emptyState() {
    return NodeState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, NodeState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Register.class, this::onRegister)
        .onCommand(Withdraw.class, this::onWithdraw)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(AwaitArrival.class, (s, c) -> awaitArrival(s.seen().contains(c.dispatchId()), c.dispatchId(), c.replyTo()))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), new NodeView(nodeId, s.registration(), s.stakes(), s.totalStaked(), s.projects())))
        .build();
  }

  private ReplyEffect<DomainEvent, NodeState> onRegister(NodeState s, Register c) {
    String refusal = NodeDecisions.registrationRefusal(s, nodeId);
    if (refusal != null) return Effect().reply(c.replyTo(), new Refused(refusal));
    return persistAndSend(NodeDecisions.register(nodeId, c)).thenReply(c.replyTo(), ns -> new Done(nodeId));
  }

  private ReplyEffect<DomainEvent, NodeState> onWithdraw(NodeState s, Withdraw c) {
    String refusal = NodeDecisions.withdrawalRefusal(s, nodeId, c.staker(), c.amount());
    if (refusal != null) return Effect().reply(c.replyTo(), new Refused(refusal));
    return persistAndSend(NodeDecisions.withdraw(nodeId, c)).thenReply(c.replyTo(), ns -> new Done(nodeId));
  }

  /** Whatever arrives is answered with a receipt, once its events (if any) are journaled. */
  private ReplyEffect<DomainEvent, NodeState> onReceive(NodeState s, Receive c) {
    Receipt receipt = new Receipt(c.dispatch().id());
    List<DomainEvent> events = NodeDecisions.onArrival(s, nodeId, c.dispatch());
    if (events.isEmpty()) return Effect().reply(c.replyTo(), receipt);
    return persistAndSend(events).thenRun(ns -> arrived(c.dispatch().id())).thenReply(c.replyTo(), ns -> receipt);
  }

  @Override
  public EventHandler<NodeState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(NodeEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static NodeState apply(NodeState s, DomainEvent event) {
    if (event instanceof NodeRegistered e) return s.registered(e);
    if (event instanceof StakeWithdrawn e) return s.withdrawn(e);
    if (event instanceof DispatchReceived e) {
      if (e.dispatch() instanceof ProjectPlaced p) return s.placed(p);
      if (e.dispatch() instanceof ProjectUnplaced u) return s.unplaced(u);
      return NodeDecisions.isStake(s, e.dispatch()) ? s.staked((Transfer) e.dispatch()) : s.received(e.dispatch());
    }
    if (event instanceof DispatchSent e) return s.sent(e.dispatch());
    if (event instanceof DispatchConfirmed e) return s.confirmed(e.dispatchId());
    if (event instanceof DispatchesConfirmed e) return e.confirmEach(s, NodeState::confirmed);
    throw new IllegalStateException("a node cannot apply " + event.getClass().getName());
  }
}
