package io.bhkr.chain;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import io.bhkr.money.Amount;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closes payout epochs and puts them on chain: a persistent cluster singleton beside the bridge.
 *
 * <p>Each payout an account reserved is recorded here once (the chain feed reads it from the
 * journal). After an epoch's period ends, a {@link Tick} closes it: the leaves (one per account,
 * its payouts summed), the root and the total are persisted in one event ({@link PayoutBook#close}),
 * and the bridge's outbox gets, by stable ids, {@code anchor(epoch, root, total)} on the anchor and
 * then {@code fundEpoch(epoch)} on the vault. Once the funding is mined and confirmed the epoch
 * is funded, and each reservation's account is told, until it acknowledges, that the value left
 * the market. Time arrives on {@link Tick}s.
 */
public final class PayoutEpochs
    extends EventSourcedBehaviorWithEnforcedReplies<PayoutEpochs.Command, DomainEvent, PayoutEpochs.State> {

  public static final String TAG = "payout-epochs";
  private static final Duration ASK = Duration.ofSeconds(10);

  /**
   * @param closeDelaySeconds how long after its end an epoch is closed: the chain feed reads
   *     reservations from the journal with some lag, and one that arrives after its epoch closed
   *     goes into the next one (correct, but later than its holder expects)
   */
  public record Settings(ContractAddresses contracts, long epochSeconds, long closeDelaySeconds) {
    public Settings {
      if (epochSeconds < 1) throw new IllegalArgumentException("a payout epoch lasts at least one second");
      if (closeDelaySeconds < 0) throw new IllegalArgumentException("the close delay is not negative");
    }
  }

  public sealed interface Command extends JsonSerializable {}

  /** An account reserved payout {@code number} into epoch {@code epoch} at {@code at} (unix seconds); answered once recorded. */
  public record Record(String account, long number, long epoch, Amount amount, long at, ActorRef<Done> replyTo) implements Command {}

  /** The time is {@code now} (unix seconds): close what has ended, push what is not on chain yet. */
  public record Tick(long now) implements Command {}

  public record GetClaims(String account, ActorRef<Claims> replyTo) implements Command {}

  public record GetBook(ActorRef<PayoutBook> replyTo) implements Command {}

  record BridgeSeen(Map<String, TransactionOutbox.Outcome> outcomes) implements Command {}

  record SettleAnswered(long epoch, String key, boolean applied) implements Command {}

  public record Claims(List<PayoutBook.Claim> claims) {}

  /** A payout to chain reserved by an account, recorded in its payout epoch. */
  public record PayoutRecorded(PayoutBook.Recorded payout) implements DomainEvent {}

  /** The epoch as it goes to the anchor: every input of its root is in the event. */
  public record EpochClosed(PayoutBook.Closed epoch) implements DomainEvent {}

  /** The vault's {@code fundEpoch} was mined and confirmed: the epoch is claimable. */
  public record EpochFunded(long epoch, String transactionHash) implements DomainEvent {}

  /** The account applied the funding of this reservation (it counted it WITHDRAWN). */
  public record PayoutSettled(long epoch, String key) implements DomainEvent {}

  public record State(PayoutBook book) implements JsonSerializable {
    public State {
      if (book == null) book = PayoutBook.empty();
    }
  }

  public static String anchorId(long epoch) {
    return "payout-epoch:" + epoch + ":anchor";
  }

  public static String fundId(long epoch) {
    return "payout-epoch:" + epoch + ":fund";
  }

  public static ActorRef<Command> startSingleton(ActorSystem<?> system, Settings settings, ActorRef<ChainBridge.Command> bridge,
      DepositSink sink) {
    Behavior<Command> b = Behaviors.supervise(create(settings, bridge, sink))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(b, "payout-epochs"));
  }

  public static Behavior<Command> create(Settings settings, ActorRef<ChainBridge.Command> bridge, DepositSink sink) {
    return Behaviors.setup(ctx -> new PayoutEpochs(ctx, settings, bridge, sink));
  }

  private final ActorContext<Command> ctx;
  private final Settings settings;
  private final ActorRef<ChainBridge.Command> bridge;
  private final DepositSink sink;
  // in memory only: which account reports await an answer (a restart only repeats them)
  private final Set<String> settlementsUnderWay = new HashSet<>();

  private PayoutEpochs(ActorContext<Command> ctx, Settings settings, ActorRef<ChainBridge.Command> bridge, DepositSink sink) {
    super(PersistenceId.of("PayoutEpochs", settings.contracts().chainId() + "-" + settings.contracts().anchor()));
    this.ctx = ctx;
    this.settings = settings;
    this.bridge = bridge;
    this.sink = sink;
  }

  @Override
  public State emptyState() {
    return new State(PayoutBook.empty());
  }

  /** The book before its first payout. */
  public static State empty() {
    return new State(PayoutBook.empty());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Record.class, this::onRecord)
        .onCommand(Tick.class, this::onTick)
        .onCommand(GetClaims.class, (s, c) -> Effect().reply(c.replyTo(), new Claims(s.book().claimsOf(c.account()))))
        .onCommand(GetBook.class, (s, c) -> Effect().reply(c.replyTo(), s.book()))
        .onCommand(BridgeSeen.class, this::onBridgeSeen)
        .onCommand(SettleAnswered.class, this::onSettleAnswered)
        .build();
  }

  private ReplyEffect<DomainEvent, State> onRecord(State s, Record c) {
    String account = c.account().toLowerCase();
    if (s.book().knows(account, c.number())) return Effect().reply(c.replyTo(), Done.getInstance());
    long epoch = s.book().placeOf(c.epoch(), c.at(), settings.epochSeconds());
    PayoutBook.Recorded r = new PayoutBook.Recorded(account, c.number(), epoch, c.amount().asset(), c.amount().amount());
    return Effect().persist(new PayoutRecorded(r)).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, State> onTick(State s, Tick t) {
    List<DomainEvent> events = new ArrayList<>();
    for (long epoch : s.book().due(t.now() - settings.closeDelaySeconds(), settings.epochSeconds()))
      events.add(new EpochClosed(s.book().close(epoch, settings.contracts().token())));
    if (events.isEmpty()) {
      pushToChain(s);
      return Effect().noReply();
    }
    return Effect().persist(events).thenRun(this::pushToChain).thenNoReply();
  }

  /**
   * Every closed epoch not yet funded goes to the bridge again (it keeps each id once): the
   * anchoring first, then the funding, which the vault refuses until the root is on the anchor.
   * Then asks the bridge what became of them, and tells accounts of funded epochs.
   */
  private void pushToChain(State s) {
    List<PayoutBook.Closed> unfunded = s.book().closed().values().stream().filter(c -> !c.funded()).toList();
    for (PayoutBook.Closed c : unfunded) {
      bridge.tell(new ChainBridge.Submit(ChainCalls.anchorRoot(anchorId(c.epoch()), settings.contracts(), c.tree()), ctx.getSystem().ignoreRef()));
      bridge.tell(new ChainBridge.Submit(ChainCalls.fundEpoch(fundId(c.epoch()), settings.contracts(), c.epoch()), ctx.getSystem().ignoreRef()));
    }
    if (!unfunded.isEmpty())
      ctx.pipeToSelf(AskPattern.<ChainBridge.Command, ChainBridge.BridgeView>ask(bridge, ChainBridge.Get::new, ASK, ctx.getSystem().scheduler()),
          (view, failure) -> new BridgeSeen(failure == null ? view.outbox().outcomes() : Map.of()));
    deliverSettlements(s);
  }

  private ReplyEffect<DomainEvent, State> onBridgeSeen(State s, BridgeSeen c) {
    List<DomainEvent> events = new ArrayList<>();
    for (PayoutBook.Closed epoch : s.book().closed().values()) {
      if (epoch.funded()) continue;
      TransactionOutbox.Outcome fund = c.outcomes().get(fundId(epoch.epoch()));
      if (fund == null) continue;
      if (fund.status() == TransactionOutbox.Status.MINED) events.add(new EpochFunded(epoch.epoch(), fund.hash()));
      else ctx.getLog().error("Payout epoch {} is not funded: the vault's fundEpoch was {} ({}); an operator must reconcile",
          epoch.epoch(), fund.status(), fund.note());
    }
    if (events.isEmpty()) return Effect().noReply();
    return Effect().persist(events).thenRun(this::deliverSettlements).thenNoReply();
  }

  /** Tells each account of a funded epoch that its payout left the market, until it acknowledges (it applies each number once). */
  private void deliverSettlements(State s) {
    for (PayoutBook.Closed c : s.book().closed().values()) {
      if (!c.funded()) continue;
      for (PayoutBook.Recorded r : c.unsettled()) {
        if (!settlementsUnderWay.add(r.key())) continue;
        ctx.pipeToSelf(sink.settlePayout(r.account(), r.number()), (done, failure) -> new SettleAnswered(c.epoch(), r.key(), failure == null));
      }
    }
  }

  private ReplyEffect<DomainEvent, State> onSettleAnswered(State s, SettleAnswered c) {
    settlementsUnderWay.remove(c.key());
    PayoutBook.Closed epoch = s.book().closed().get(c.epoch());
    if (!c.applied() || epoch == null || epoch.settled().contains(c.key())) return Effect().noReply();
    return Effect().persist(new PayoutSettled(c.epoch(), c.key())).thenNoReply();
  }

  @Override
  public EventHandler<State, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(PayoutEpochs::apply);
  }

  /** The event handler as a pure function: recovery and replay fold with it alike. */
  public static State apply(State s, DomainEvent event) {
    if (event instanceof PayoutRecorded e) return new State(s.book().recorded(e.payout()));
    if (event instanceof EpochClosed e) return new State(s.book().closed(e.epoch()));
    if (event instanceof EpochFunded e) return new State(s.book().funded(e.epoch()));
    if (event instanceof PayoutSettled e) return new State(s.book().settled(e.epoch(), e.key()));
    throw new IllegalStateException("the payout epochs cannot apply " + event.getClass().getName());
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return Set.of(TAG);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(500, 2);
  }
}
