package io.bhkr.provider;

import akka.actor.typed.ActorRef;
import akka.actor.typed.RecipientRef;
import io.bhkr.project.ProjectEntity;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.DispatchRoute;
import java.time.Duration;
import java.util.List;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Disqualification;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Receipt;
import java.util.Set;

/**
 * A provider: its application, governance's qualification, its BHKR collateral and the projects
 * that occupy its capacity (economics 11), and its reputation (6–9): audited periods, failures,
 * bids, the recorded score, disqualifications, k, and which node runs which project. Its id is its
 * Ethereum address.
 */
public final class ProviderEntity
    extends OutboxEntity<ProviderEntity.Command, ProviderState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Provider");
  public static final String TAG = "provider";

  public enum Status { NONE, APPLIED, QUALIFIED, ACTIVE, DISQUALIFIED }

  public sealed interface Command extends JsonSerializable {}

  public record Apply(String brandName, Resources capacity, Amount maxPrice, long appliedAt, ActorRef<ApplyResult> replyTo)
      implements Command {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<ProviderView> replyTo) implements Command {}
  /** Answers once the dispatch has arrived here (the endpoint that sent it waits on this rather than polling). */
  public record AwaitArrival(String dispatchId, ActorRef<io.bhkr.transfer.Arrived> replyTo) implements Command {}

  /**
   * May this provider open a micro-pool staking {@code stake} under {@code parameters} at {@code at}?
   * Asked before the opening is paid: the provider owns the score its k comes from.
   */
  public record CheckPoolStake(Amount stake, io.bhkr.governance.Parameters parameters, long at, ActorRef<PoolStakeCheck> replyTo)
      implements Command {}

  /** {@code refusal} is null when the stake covers the provider's k; {@code k} is that share in wei. */
  public record PoolStakeCheck(EthShare.Refusal refusal, java.math.BigInteger k) implements JsonSerializable {}

  /**
   * The provider bids {@code price} on a project: it vouches for the bid with its own standing
   * (qualification, disqualification, collateral, free capacity, max price, recorded score) and
   * passes it on to the project, which answers {@code replyTo}. No caller hands a project a
   * standing: it has only the price to say.
   */
  public record Bid(String projectId, Amount price, long at, ActorRef<ProjectEntity.BidResult> replyTo) implements Command {}

  /** May node {@code nodeId} with {@code capacity} join this provider? Asked before the node is registered. */
  public record AdmitNode(String nodeId, Resources capacity, ActorRef<NodeAdmitted> replyTo) implements Command {}

  /** {@code refusal} is null when the node fits within the provider's declared capacity. */
  public record NodeAdmitted(NodeAdmission.Refusal refusal) implements JsonSerializable {}

  /** May this provider stake collateral now? Asked before the BHKR leaves its account (ProviderDecisions.collateralRefusal). */
  public record CheckCollateral(ActorRef<CollateralCheck> replyTo) implements Command {}

  /** {@code refusal} is null when the provider may stake collateral. */
  public record CollateralCheck(String refusal) implements JsonSerializable {}

  public sealed interface ApplyResult extends JsonSerializable {}

  public record Applied(String providerId) implements ApplyResult {}

  public record ApplicationRefused(String reason) implements ApplyResult {}

  /** The provider applied to the market with its brand, declared capacity and highest price; governance qualifies it later. */
  public record ProviderApplied(String providerId, String brandName, Resources capacity, Amount maxPrice, long appliedAt)
      implements ProviderEvents {}

  /** What the API and the auction see of a provider. */
  public record ProviderView(
      String providerId,
      Status status,
      String brandName,
      Resources capacity,
      Resources freeCapacity,
      Amount maxPrice,
      Amount collateral,
      long score,
      Set<String> runningProjects,
      Amount pMin,
      long collateralSince,
      List<String> failures,
      Reputation reputation)
      implements JsonSerializable {

    /** Its status at {@code now}: DISQUALIFIED until its disqualification ends, then as its qualification and collateral say. */
    public Status statusAt(long now) {
      boolean standing = status == Status.QUALIFIED || status == Status.ACTIVE;
      return standing && Disqualification.active(reputation.disqualifiedUntil(), now) ? Status.DISQUALIFIED : status;
    }

    /** How the auction sees the provider at {@code now}: its recorded score, and disqualified while a disqualification lasts. */
    public ProviderStanding standing(long now) {
      boolean qualified = status == Status.QUALIFIED || status == Status.ACTIVE;
      return new ProviderStanding(providerId, qualified, Disqualification.active(reputation.disqualifiedUntil(), now), collateral,
          freeCapacity, maxPrice, score);
    }
  }

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  /** Where the provider's bids go: the project entity of an id (sharded in a running node). */
  public interface Projects {
    RecipientRef<ProjectEntity.Command> project(String projectId);
  }

  /** A provider that reaches no project: its bids are refused (entity tests that never bid). */
  public static Behavior<Command> create(String providerId, DispatchRoute route, Duration redelivery) {
    return create(providerId, route, projectId -> null, redelivery);
  }

  public static Behavior<Command> create(String providerId, DispatchRoute route, Projects projects, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new ProviderEntity(providerId, projects,
        courier));
  }

  private final String providerId;
  private final Projects projects;

  private ProviderEntity(String providerId, Projects projects, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), providerId), TAG, courier, ProviderState::outbox);
    this.providerId = providerId;
    this.projects = projects;
  }


  @Override
  public ProviderState emptyState() {
    return ProviderState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, ProviderState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Apply.class, this::onApply)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(AwaitArrival.class, (s, c) -> awaitArrival(s.seen().contains(c.dispatchId()), c.dispatchId(), c.replyTo()))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(providerId, s)))
        .onCommand(Bid.class, this::onBid)
        .onCommand(AdmitNode.class, (s, c) -> Effect().reply(c.replyTo(),
            new NodeAdmitted(NodeAdmission.refusal(view(providerId, s), c.nodeId(), c.capacity()))))
        .onCommand(CheckCollateral.class, (s, c) -> Effect().reply(c.replyTo(),
            new CollateralCheck(ProviderDecisions.collateralRefusal(providerId, view(providerId, s).status()))))
        .onCommand(CheckPoolStake.class, (s, c) -> {
          ProviderView v = view(providerId, s);
          return Effect().reply(c.replyTo(), new PoolStakeCheck(EthShare.openingRefusal(v, c.stake(), c.parameters(), c.at()),
              v.status() == Status.NONE ? null : EthShare.k(v, c.parameters())));
        })
        .build();
  }

  /** What arrives is decided by {@link ProviderDecisions}; the dispatches it sends go out through the outbox. */
  private ReplyEffect<DomainEvent, ProviderState> onReceive(ProviderState s, Receive c) {
    Dispatch d = c.dispatch();
    Receipt receipt = new Receipt(d.id());
    if (s.seen().contains(d.id())) return Effect().reply(c.replyTo(), receipt);
    List<DomainEvent> events = ProviderDecisions.onArrival(providerId, s, d);
    return persistAndSend(events).thenRun(ns -> arrived(d.id())).thenReply(c.replyTo(), ns -> receipt);
  }

  /** Nothing is persisted here: the project records the standing with the bid (BidPlaced), and answers the bidder. */
  private ReplyEffect<DomainEvent, ProviderState> onBid(ProviderState s, Bid c) {
    ProviderView v = view(providerId, s);
    if (v.status() == Status.NONE)
      return Effect().reply(c.replyTo(), new ProjectEntity.BidRefused(ProjectEntity.BidRefusal.NOT_A_PROVIDER,
          providerId + " has not applied as a provider", null));
    RecipientRef<ProjectEntity.Command> project = projects.project(c.projectId());
    if (project == null)
      return Effect().reply(c.replyTo(), new ProjectEntity.BidRefused(ProjectEntity.BidRefusal.UNKNOWN_PROJECT,
          "no project " + c.projectId(), null));
    return Effect().none()
        .thenRun(ns -> project.tell(new ProjectEntity.PlaceBid(providerId, c.price(), v.standing(c.at()), c.at(), c.replyTo())))
        .thenNoReply();
  }

  private ReplyEffect<DomainEvent, ProviderState> onApply(ProviderState s, Apply c) {
    if (s.application() != null) return Effect().reply(c.replyTo(), new ApplicationRefused("provider " + providerId + " has already applied"));
    if (c.brandName() == null || c.brandName().isBlank() || c.brandName().codePointCount(0, c.brandName().length()) > 100)
      return Effect().reply(c.replyTo(), new ApplicationRefused("brandName must be 1 to 100 characters"));
    if (c.maxPrice().asset() != Asset.BHKR || c.maxPrice().isZero())
      return Effect().reply(c.replyTo(), new ApplicationRefused("maxPrice must be a positive BHKR amount"));
    return Effect()
        .persist(new ProviderApplied(providerId, c.brandName(), c.capacity(), c.maxPrice(), c.appliedAt()))
        .thenReply(c.replyTo(), ns -> new Applied(providerId));
  }

  @Override
  public EventHandler<ProviderState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ProviderState::apply);
  }



  /** What the provider shows: also of a state folded from the journal up to a past instant. */
  public static ProviderView view(String providerId, ProviderState s) {
    if (s.application() == null) return new ProviderView(providerId, Status.NONE, null, Resources.NONE, Resources.NONE,
        Amount.zero(Asset.BHKR), s.collateral(), 0, Set.of(), null, 0, List.of(), s.reputation());
    return new ProviderView(providerId, s.status(), s.application().brandName(), s.application().capacity(),
        s.freeCapacity(), s.application().maxPrice(), s.collateral(), s.score(), Set.copyOf(s.awarded().keySet()),
        s.qualification() == null ? null : s.qualification().pMin(), s.collateralSince(), s.failures(), s.reputation());
  }
}
