package io.bhkr.project;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.bytes.Hex;
import io.bhkr.money.Amount;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Keccak256;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Receipt;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A requester's project: FP escrow, sealed bids, the auction that closes by itself when the bid
 * window ends (also after a restart), the run, and the settlement of every leg (economics 2, 3).
 * The decisions themselves are made by {@link ProjectDecisions}; this class validates, persists and
 * sends.
 */
public final class ProjectEntity
    extends OutboxEntity<ProjectEntity.Command, ProjectState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Project");
  public static final String TAG = "project";
  private static final Object CLOSE_TIMER = "close-auction";

  public sealed interface Command extends JsonSerializable {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  /**
   * A bid with the standing its provider vouched for: sent by the provider entity
   * ({@code ProviderEntity.Bid}), never built by a client, which could make a standing up.
   */
  public record PlaceBid(String providerId, Amount price, ProviderStanding standing, long at, ActorRef<BidResult> replyTo)
      implements Command {}

  public record Get(ActorRef<ProjectView> replyTo) implements Command {}
  /** Answers once the dispatch has arrived here (the endpoint that sent it waits on this rather than polling). */
  public record AwaitArrival(String dispatchId, ActorRef<io.bhkr.transfer.Arrived> replyTo) implements Command {}

  /** May {@code provider} complete the project now? Asked before its profit is paid in; {@code refusal} is null when it may. */
  public record CheckCompletion(String provider, ActorRef<CompletionCheck> replyTo) implements Command {}

  public record CompletionCheck(ProjectDecisions.CompletionRefusal refusal) implements JsonSerializable {}

  /** The provider stopped serving at {@code at}; the prices in force value the compensation. */
  public record RecordFailure(String reason, long at, BigInteger bhkrPriceMicroUsd, BigInteger ethPriceMicroUsd,
      ActorRef<FailureRecording> replyTo) implements Command {}

  /** The project after a failure was recorded, or as it was with the reason it could not be ({@code refusal} not null). */
  public record FailureRecording(ProjectView view, String refusal) implements JsonSerializable {}

  record CloseAuction() implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public sealed interface BidResult extends JsonSerializable {}

  public record BidAccepted(String projectId) implements BidResult {}

  /** {@code inadmissible} names the auction rule the bid broke, when that is the reason. */
  public record BidRefused(BidRefusal refusal, String reason, io.bhkr.rules.Auction.Refusal inadmissible) implements BidResult {}

  /** {@code NOT_A_PROVIDER} comes from the provider entity, which vouches for every bid (ProviderEntity.Bid). */
  public enum BidRefusal { UNKNOWN_PROJECT, NOT_BIDDING, INADMISSIBLE, NOT_A_PROVIDER }

  public static Behavior<Command> create(String projectId, DispatchRoute route, Duration redelivery, Clock clock) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new ProjectEntity(projectId, timers, clock,
        courier));
  }

  private final String projectId;
  private final TimerScheduler<Command> timers;
  private final Clock clock;

  private ProjectEntity(String projectId, TimerScheduler<Command> timers, Clock clock, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), projectId), TAG, courier, ProjectState::outbox);
    this.projectId = projectId;
    this.timers = timers;
    this.clock = clock;
  }

  @Override
  public ProjectState emptyState() {
    return ProjectState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, ProjectState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(AwaitArrival.class, (s, c) -> awaitArrival(s.seen().contains(c.dispatchId()), c.dispatchId(), c.replyTo()))
        .onCommand(PlaceBid.class, this::onBid)
        .onCommand(CloseAuction.class, this::onClose)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .onCommand(CheckCompletion.class, (s, c) ->
            Effect().reply(c.replyTo(), new CompletionCheck(ProjectDecisions.completionRefusal(s, c.provider()))))
        .onCommand(RecordFailure.class, this::onFailure)
        .build();
  }

  private ReplyEffect<DomainEvent, ProjectState> onReceive(ProjectState s, Receive c) {
    Dispatch d = c.dispatch();
    Receipt receipt = new Receipt(d.id());
    if (s.seen().contains(d.id())) return Effect().reply(c.replyTo(), receipt);
    List<DomainEvent> events = ProjectDecisions.onArrival(projectId, s, d);
    if (events.isEmpty()) return Effect().reply(c.replyTo(), receipt);
    return persistAndSend(events)
        .thenRun(ns -> {
          if (d instanceof ProjectFunding && ns.status() == ProjectStatus.BIDDING) scheduleClose(ns);
          arrived(d.id());
        })
        .thenReply(c.replyTo(), ns -> receipt);
  }

  private ReplyEffect<DomainEvent, ProjectState> onBid(ProjectState s, PlaceBid c) {
    if (s.status() == ProjectStatus.NONE)
      return Effect().reply(c.replyTo(), new BidRefused(BidRefusal.UNKNOWN_PROJECT, "no project " + projectId, null));
    if (s.status() != ProjectStatus.BIDDING || c.at() >= s.closesAt())
      return Effect().reply(c.replyTo(), new BidRefused(BidRefusal.NOT_BIDDING, "bidding is closed for project " + projectId, null));
    var refusal = ProjectDecisions.refusal(s, c.providerId(), c.price(), c.standing());
    if (refusal.isPresent())
      return Effect().reply(c.replyTo(), new BidRefused(BidRefusal.INADMISSIBLE, refusal.get().message(), refusal.get()));
    return Effect().persist(new BidPlaced(c.providerId(), c.price(), c.standing(), c.at()))
        .thenReply(c.replyTo(), ns -> new BidAccepted(projectId));
  }

  private ReplyEffect<DomainEvent, ProjectState> onFailure(ProjectState s, RecordFailure c) {
    String refusal = ProjectDecisions.failureRefusal(projectId, s);
    if (refusal != null) return Effect().reply(c.replyTo(), new FailureRecording(view(s), refusal));
    List<DomainEvent> events = ProjectDecisions.fail(projectId, s, c.at(), c.reason(), c.bhkrPriceMicroUsd(), c.ethPriceMicroUsd());
    return persistAndSend(events).thenReply(c.replyTo(), ns -> new FailureRecording(view(ns), null));
  }

  private ReplyEffect<DomainEvent, ProjectState> onClose(ProjectState s, CloseAuction c) {
    if (s.status() != ProjectStatus.BIDDING) return Effect().noReply();
    List<DomainEvent> events = ProjectDecisions.close(projectId, s);
    return persistAndSend(events).thenNoReply();
  }

  /** The close time is a fact of the project; only the wait for it is read from the clock. */
  private void scheduleClose(ProjectState s) {
    long waitMillis = Math.max(0, s.closesAt() * 1000 - clock.millis());
    timers.startSingleTimer(CLOSE_TIMER, new CloseAuction(), Duration.ofMillis(waitMillis));
  }

  @Override
  public EventHandler<ProjectState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(ProjectEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static ProjectState apply(ProjectState s, DomainEvent e) {
    if (e instanceof DispatchReceived r)
      return r.dispatch() instanceof ProjectFunding f && s.status() == ProjectStatus.NONE ? s.opened(f) : s.received(r.dispatch());
    if (e instanceof BidPlaced b) return s.withBid(b);
    if (e instanceof AuctionClosed a) return s.closed(a);
    if (e instanceof ProjectSettled settled) return s.settled(settled);
    if (e instanceof ProjectFailed f) return s.failed(f);
    if (e instanceof DispatchSent sent) return s.sent(sent.dispatch());
    if (e instanceof DispatchConfirmed c) return s.confirmed(c.dispatchId());
    if (e instanceof DispatchesConfirmed c) return c.confirmEach(s, ProjectState::confirmed);
    throw new IllegalStateException("a project cannot apply " + e.getClass().getName());
  }

  @Override
  protected void onRecovered(ProjectState s) {
    super.onRecovered(s);
    if (s.status() == ProjectStatus.BIDDING) scheduleClose(s);
  }


  private ProjectView view(ProjectState s) {
    if (s.status() == ProjectStatus.NONE)
      return new ProjectView(projectId, ProjectStatus.NONE, null, null, null, null, null, 0, 0, null, null, null, List.of(), 0,
          null, s.escrow());
    AuctionClosed a = s.auction();
    return new ProjectView(projectId, s.status(), s.requester(), s.terms().quoteId(), s.terms().fp(), s.terms().maxBid(),
        Hex.encode(Keccak256.hash(Hex.decode(s.order().secret()))), s.order().openedAt(), s.closesAt(),
        a == null ? null : a.winner(), a == null ? null : a.pricePaid(), a,
        s.settlement() == null ? List.of() : s.settlement().legs(), s.settlement() == null ? 0 : s.settlement().at(),
        s.failure(), s.escrow());
  }
}
