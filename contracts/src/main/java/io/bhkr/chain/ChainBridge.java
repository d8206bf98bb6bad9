package io.bhkr.chain;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.typed.ClusterSingleton;
import akka.cluster.typed.SingletonActor;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.RecoveryCompleted;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import akka.persistence.typed.javadsl.ReplyEffect;
import akka.persistence.typed.javadsl.RetentionCriteria;
import akka.persistence.typed.javadsl.SignalHandler;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.web3j.crypto.Credentials;

/**
 * Keeps the journal and Ethereum in step: a persistent cluster singleton.
 *
 * <p>Inbound, every round it reads the next confirmed blocks ({@link ConfirmedRange}), persists
 * the deposits their logs carry together with the new cursor in one event, and credits each to
 * its account under the id {@code chain:<tx hash>:<log index>} until the account acknowledges.
 * A log is read once because the cursor moves with it; it is credited once because the account
 * applies each id once; and it is credited only from a block the cursor's chain of hashes leads to.
 * The logs of the micro-pool contracts it follows ({@link MicroPoolFollowing}) go the same way to
 * their market pools, one at a time per pool and in chain order.
 *
 * <p>Outbound, the market submits {@link ChainTransaction}s (idempotent by id). The bridge sends
 * them one at a time: it signs the next with its own next nonce and persists the signed bytes
 * before broadcasting them, so after a restart it sends the same bytes again (never a second
 * transaction), re-broadcasts while nothing is mined, re-prices after a while, and records the
 * receipt once it is {@code confirmations} deep.
 */
public final class ChainBridge
    extends EventSourcedBehaviorWithEnforcedReplies<ChainBridge.Command, DomainEvent, BridgeState> {

  public static final String TAG = "chain";
  private static final Object TICK = "chain-bridge-round";

  /**
   * @param startBlock        the first block whose logs count (the block the contracts were deployed in)
   * @param confirmations     a block counts once the head is this many blocks past it
   * @param maxBlocksPerRound how far one round reads
   * @param pollInterval      pause between rounds
   * @param creditTimeout     how long one credit may take before the next round retries it
   */
  public record Settings(ContractAddresses contracts, long startBlock, int confirmations, int maxBlocksPerRound,
      Duration pollInterval, Duration creditTimeout, GasSettings gas) {
    public Settings {
      if (startBlock < 0 || confirmations < 0 || maxBlocksPerRound < 1) throw new IllegalArgumentException("bad chain bridge settings");
    }

    public static Settings of(ContractAddresses contracts, long startBlock) {
      return new Settings(contracts, startBlock, 12, 200, Duration.ofSeconds(2), Duration.ofSeconds(10), GasSettings.defaults());
    }

    public Settings withConfirmations(int n) {
      return new Settings(contracts, startBlock, n, maxBlocksPerRound, pollInterval, creditTimeout, gas);
    }

    public Settings withPollInterval(Duration d) {
      return new Settings(contracts, startBlock, confirmations, maxBlocksPerRound, d, creditTimeout, gas);
    }

    public Settings withGas(GasSettings g) {
      return new Settings(contracts, startBlock, confirmations, maxBlocksPerRound, pollInterval, creditTimeout, g);
    }
  }

  // ---- protocol

  public sealed interface Command extends JsonSerializable {}

  /** Put this transaction on chain once; answered when it is persisted (or was known already). */
  public record Submit(ChainTransaction tx, ActorRef<Done> replyTo) implements Command {}

  public record Get(ActorRef<BridgeView> replyTo) implements Command {}

  /**
   * Watch a vault withdrawal the market signed: paid once its {@code Withdrawn} log is confirmed;
   * refunded once a confirmed block is past its deadline with its nonce unused. Answered when persisted.
   */
  public record Watch(String account, long nonce, long deadline, ActorRef<Done> replyTo) implements Command {}

  /**
   * Follow the logs of micro-pool contract {@code contract} for market pool {@code poolId}, and
   * open the contract for stakes (through the outbox, so after the following is persisted: no
   * stake can precede it). Answered when persisted, or at once if the contract is followed already.
   */
  public record Follow(String contract, String poolId, ActorRef<Done> replyTo) implements Command {}

  /**
   * Stop for good (the node is shutting down): answered once every event under way is persisted,
   * so the bridge writes nothing after the journal starts to close. A round that is still reading
   * finds no one to report to, which costs only a repeated read at the next start. Only the node
   * the bridge runs on ({@code node}, its cluster address) stops it: another node leaving the
   * cluster leaves the bridge running where it is.
   */
  public record Stop(String node, ActorRef<Done> replyTo) implements Command {}

  record Round() implements Command {}

  /**
   * What one round read; {@code failure} says why it read nothing (the node is unreachable, …).
   * {@code pastDeadline}: the watched withdrawals a confirmed block is past the deadline of, each
   * with whether its nonce was used by then.
   */
  record Observed(InboundObservation inbound, OutboundObservation outbound, Map<String, Boolean> pastDeadline, String failure,
      String cursorLost) implements Command {
    Observed(InboundObservation inbound, OutboundObservation outbound, Map<String, Boolean> pastDeadline, String failure) {
      this(inbound, outbound, pastDeadline, failure, null);
    }
  }

  record CreditAnswered(String depositId, boolean applied) implements Command {}

  record SettlementAnswered(String key, boolean applied) implements Command {}

  record PoolLogAnswered(String logId, String poolId, boolean applied) implements Command {}

  public record InboundObservation(ConfirmedRange.Span span, long head, List<BlockHeader> headers, List<ChainLog> logs)
      implements JsonSerializable {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Prepared.class, name = "Prepared"),
    @JsonSubTypes.Type(value = Unsendable.class, name = "Unsendable"),
    @JsonSubTypes.Type(value = Tracked.class, name = "Tracked")
  })
  public sealed interface OutboundObservation extends JsonSerializable {}

  public record Prepared(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce, TransactionOutbox.Attempt attempt)
      implements OutboundObservation {}

  public record Unsendable(String id, String reason) implements OutboundObservation {}

  public record Tracked(String id, List<TransactionOutbox.ReceiptSeen> receipts, long head,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger minedNonces, TransactionOutbox.Attempt replacement)
      implements OutboundObservation {}

  /**
   * What the bridge holds: where it reads, what it has not yet credited, its transactions, and why
   * its last round failed (null when it succeeded: the node answers).
   */
  public record BridgeView(BlockHeader cursor, List<ChainDeposit> pendingCredits, long depositsConfirmed, MicroPoolFollowing microPools,
      String halted, TransactionOutbox outbox, String lastRoundFailure, List<WithdrawalWatch.Watched> withdrawalsWatched,
      List<WithdrawalWatch.Settlement> pendingSettlements) implements JsonSerializable {}

  // ---- wiring

  /** The bridge as the cluster's singleton: one per cluster, moved to another node if its node leaves. */
  public static ActorRef<Command> startSingleton(ActorSystem<?> system, Settings settings, EthereumNode node, Credentials key,
      DepositSink sink) {
    long chainId = node.chainId();
    if (chainId != settings.contracts().chainId())
      throw new IllegalArgumentException("the node serves chain " + chainId + ", the contracts are on chain " + settings.contracts().chainId());
    Behavior<Command> bridge = Behaviors.supervise(create(settings, node, key, sink, chainId))
        .onFailure(SupervisorStrategy.restartWithBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2));
    return ClusterSingleton.get(system).init(SingletonActor.of(bridge, "chain-bridge"));
  }

  public static Behavior<Command> create(Settings settings, EthereumNode node, Credentials key, DepositSink sink, long chainId) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers ->
        new ChainBridge(ctx, timers, settings, new BridgeRound(node, key, chainId, settings), sink, chainId)));
  }

  /** One bridge per chain and vault: pointing a node at another chain starts a new journal, not a wrong cursor. */
  public static PersistenceId persistenceId(ContractAddresses contracts) {
    return PersistenceId.of("ChainBridge", contracts.chainId() + "-" + contracts.vault());
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final Settings settings;
  private final BridgeRound io;
  private final DepositSink sink;
  private final Executor blocking;
  // In memory only: which round is under way, which credits await an answer, how long the
  // transaction in flight has waited. Losing them on a restart only costs a repeated read.
  private boolean roundUnderWay;
  private final Set<String> creditsUnderWay = new HashSet<>();
  private final Set<String> settlementsUnderWay = new HashSet<>();
  private final Set<String> poolsUnderWay = new HashSet<>();
  private String waitingId;
  private int roundsWaiting;
  private String lastRoundFailure;
  // Why the chain no longer has the cursor's block (a chain reset), or null: see noteCursorLost.
  private String cursorLost;

  private ChainBridge(ActorContext<Command> ctx, TimerScheduler<Command> timers, Settings settings, BridgeRound io,
      DepositSink sink, long chainId) {
    super(persistenceId(settings.contracts()));
    this.ctx = ctx;
    this.timers = timers;
    this.settings = settings;
    this.io = io;
    this.sink = sink;
    this.blocking = ctx.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  @Override
  public BridgeState emptyState() {
    return new BridgeState(BlockHeader.before(settings.startBlock()), Map.of(), 0, MicroPoolFollowing.empty(), null, TransactionOutbox.empty(),
        WithdrawalWatch.empty());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, BridgeState> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Submit.class, this::onSubmit)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .onCommand(Round.class, this::onRound)
        .onCommand(Stop.class, (s, c) -> {
          if (!akka.cluster.typed.Cluster.get(ctx.getSystem()).selfMember().address().toString().equals(c.node()))
            return Effect().reply(c.replyTo(), Done.getInstance());
          ctx.getLog().info("Chain bridge stops: the node is shutting down");
          return Effect().stop().thenReply(c.replyTo(), ns -> Done.getInstance());
        })
        .onCommand(Observed.class, this::onObserved)
        .onCommand(CreditAnswered.class, this::onCreditAnswered)
        .onCommand(Watch.class, this::onWatch)
        .onCommand(SettlementAnswered.class, this::onSettlementAnswered)
        .onCommand(Follow.class, this::onFollow)
        .onCommand(PoolLogAnswered.class, this::onPoolLogAnswered)
        .build();
  }

  private ReplyEffect<DomainEvent, BridgeState> onSubmit(BridgeState s, Submit c) {
    if (s.outbox().knows(c.tx().id())) return Effect().reply(c.replyTo(), Done.getInstance());
    return Effect().persist(new BridgeEvents.TransactionRequested(c.tx())).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, BridgeState> onWatch(BridgeState s, Watch c) {
    WithdrawalWatch.Watched w = new WithdrawalWatch.Watched(c.account().toLowerCase(), c.nonce(), c.deadline());
    if (s.withdrawals().knows(w.key())) return Effect().reply(c.replyTo(), Done.getInstance());
    return Effect().persist(new BridgeEvents.WithdrawalWatched(w)).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, BridgeState> onFollow(BridgeState s, Follow c) {
    String contract = c.contract().toLowerCase();
    if (s.pools().follows(contract)) return Effect().reply(c.replyTo(), Done.getInstance());
    ChainTransaction opening = ChainCalls.openMicroPool("micropool-open:" + c.poolId(), contract);
    return Effect().persist(List.of(new BridgeEvents.MicroPoolFollowed(contract, c.poolId()), new BridgeEvents.TransactionRequested(opening)))
        .thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  /** Starts one round off the actor: read the chain, sign what is next. Never two at once. */
  private ReplyEffect<DomainEvent, BridgeState> onRound(BridgeState s, Round c) {
    deliverCredits(s);
    deliverSettlements(s);
    deliverPoolLogs(s);
    if (roundUnderWay) return Effect().noReply();
    roundUnderWay = true;
    TransactionOutbox.InFlight inFlight = s.outbox().inFlight();
    if (inFlight == null || !inFlight.tx().id().equals(waitingId)) {
      waitingId = inFlight == null ? null : inFlight.tx().id();
      roundsWaiting = 0;
    }
    boolean wantReplacement = roundsWaiting >= settings.gas().repriceAfterRounds();
    BlockHeader cursor = s.cursor();
    boolean halted = s.halted() != null;
    var next = s.outbox().nextToSend();
    BigInteger nonce = s.outbox().nextNonce();
    List<WithdrawalWatch.Watched> watched = List.copyOf(s.withdrawals().watched().values());
    List<String> addresses = settings.contracts().followed(s.pools().pools().keySet());
    ctx.pipeToSelf(CompletableFuture.supplyAsync(() -> {
      // A chain without the cursor's block is not the chain the bridge followed (reset, or another
      // node): nothing is read from it or sent to it, or outbound would judge its transactions
      // against contracts that are not there.
      String lost = halted ? null : io.cursorLost(cursor);
      if (lost != null) return new Observed(null, null, Map.of(), null, lost);
      // deadlines against the cursor, before the read moves past it: see BridgeRound.pastDeadline
      Map<String, Boolean> pastDeadline = io.pastDeadline(cursor, watched);
      InboundObservation in = halted ? null : io.inbound(cursor, addresses);
      OutboundObservation out = inFlight != null ? io.track(inFlight, wantReplacement)
          : next.map(tx -> io.prepare(tx, nonce)).orElse(null);
      return new Observed(in, out, pastDeadline, null);
    }, blocking), (observed, failure) -> failure == null ? observed : new Observed(null, null, Map.of(), String.valueOf(rootCause(failure))));
    return Effect().noReply();
  }

  private ReplyEffect<DomainEvent, BridgeState> onObserved(BridgeState s, Observed o) {
    roundUnderWay = false;
    timers.startSingleTimer(TICK, new Round(), settings.pollInterval());
    lastRoundFailure = o.failure();
    if (o.failure() == null) noteCursorLost(o.cursorLost());
    if (o.failure() != null) {
      ctx.getLog().warn("Chain bridge round failed, trying again in {}: {}", settings.pollInterval(), o.failure());
      return Effect().noReply();
    }
    List<DomainEvent> events = new ArrayList<>();
    if (o.inbound() != null && s.halted() == null) events.addAll(inbound(s, o.inbound()));
    o.pastDeadline().forEach((key, used) -> {
      if (s.withdrawals().watched().containsKey(key)) events.add(used ? new BridgeEvents.WithdrawalUnwatched(key) : new BridgeEvents.WithdrawalExpired(key));
    });
    TransactionOutbox.Attempt toBroadcast = null;
    if (o.outbound() instanceof Prepared p && s.outbox().nextToSend().filter(t -> t.id().equals(p.id())).isPresent()) {
      events.add(new BridgeEvents.TransactionSigned(p.id(), p.nonce(), p.attempt()));
      toBroadcast = p.attempt();
    } else if (o.outbound() instanceof Unsendable u && s.outbox().nextToSend().filter(t -> t.id().equals(u.id())).isPresent()) {
      ctx.getLog().warn("Chain transaction {} would revert and is not sent: {}", u.id(), u.reason());
      events.add(new BridgeEvents.TransactionFinished(new TransactionOutbox.Outcome(u.id(), TransactionOutbox.Status.REJECTED, null, -1, u.reason())));
    } else if (o.outbound() instanceof Tracked t && s.outbox().inFlight() != null && s.outbox().inFlight().tx().id().equals(t.id())) {
      TransactionOutbox.InFlight f = s.outbox().inFlight();
      TransactionOutbox.Tracking tracking = TransactionOutbox.track(f, t.receipts(), t.head(), t.minedNonces(), settings.confirmations());
      if (tracking instanceof TransactionOutbox.Confirmed done) {
        events.add(new BridgeEvents.TransactionFinished(done.outcome()));
      } else if (tracking instanceof TransactionOutbox.NonceTaken taken) {
        ctx.getLog().warn("Nonce {} of the bridge's key was used by another transaction; {} is signed again", f.nonce(), t.id());
        events.add(new BridgeEvents.NonceTaken(t.id(), f.nonce(), taken.nextNonce()));
      } else {
        roundsWaiting++;
        if (t.replacement() != null && t.receipts().isEmpty()) {
          events.add(new BridgeEvents.TransactionRepriced(t.id(), t.replacement()));
          toBroadcast = t.replacement();
          roundsWaiting = 0;
        }
      }
    }
    if (events.isEmpty()) return Effect().noReply();
    TransactionOutbox.Attempt broadcast = toBroadcast;
    return Effect().persist(events).thenRun(ns -> {
      deliverCredits(ns);
      deliverSettlements(ns);
      deliverPoolLogs(ns);
      // only now, with the signed bytes in the journal, may they leave: a crash before this
      // point sends nothing, a crash after it sends the same bytes again
      if (broadcast != null) CompletableFuture.runAsync(() -> io.broadcast(broadcast), blocking)
          .whenComplete((ok, e) -> { if (e != null) ctx.getLog().warn("Broadcast of {} failed; the next round sends it again: {}",
              broadcast.hash(), rootCause(e).toString()); });
    }).thenNoReply();
  }

  /**
   * Halts the bridge while its chain lacks the cursor's block, and resumes it once the chain has it
   * again (the operator pointed the node back at its chain). Kept in memory, not journaled: it is
   * a fact about the node the bridge talks to now, re-judged every round.
   */
  private void noteCursorLost(String lost) {
    if (lost != null && !lost.equals(cursorLost))
      ctx.getLog().error("Chain bridge halted: {}. Nothing is read from or sent to this chain; see docs/chain.md, "
          + "\"The bridge halted\".", lost);
    if (lost == null && cursorLost != null) ctx.getLog().info("Chain bridge resumes: the chain has the cursor's block again");
    cursorLost = lost;
  }

  private List<DomainEvent> inbound(BridgeState s, InboundObservation in) {
    ConfirmedRange.Verdict verdict = ConfirmedRange.judge(s.cursor(), in.span(), in.headers(), in.logs());
    if (verdict instanceof ConfirmedRange.Advance a) {
      Map<Long, Long> times = new java.util.HashMap<>();
      in.headers().forEach(h -> times.put(h.number(), h.timestamp()));
      return List.of(new BridgeEvents.BlocksConfirmed(s.cursor(), a.to(),
          a.logs().stream().flatMap(l -> ChainEvents.decode(l, settings.contracts(), times.get(l.blockNumber())).stream()).toList(),
          a.logs().stream().flatMap(l -> ChainEvents.decodeWithdrawal(l, settings.contracts()).stream()).toList(),
          a.logs().stream().flatMap(l -> ChainEvents.decodePoolLog(l, s.pools().pools(), times.get(l.blockNumber())).stream()).toList()));
    }
    if (verdict instanceof ConfirmedRange.Orphaned o) {
      ctx.getLog().error("Block {} ({}) that the bridge took as confirmed is no longer on the chain (block {} builds on {}): "
          + "a re-org deeper than {} confirmations. Inbound stops; an operator must reconcile.",
          o.cursor().number(), o.cursor().hash(), o.successor().number(), o.successor().parentHash(), settings.confirmations());
      return List.of(new BridgeEvents.ReorgBeyondConfirmations(o.cursor(), o.successor()));
    }
    ctx.getLog().info("Chain bridge reads blocks {}..{} again: {}", in.span().from(), in.span().to(), ((ConfirmedRange.Retry) verdict).reason());
    return List.of();
  }

  private ReplyEffect<DomainEvent, BridgeState> onCreditAnswered(BridgeState s, CreditAnswered c) {
    creditsUnderWay.remove(c.depositId());
    if (!c.applied() || !s.pendingCredits().containsKey(c.depositId())) return Effect().noReply();
    return Effect().persist(new BridgeEvents.DepositCredited(c.depositId())).thenNoReply();
  }

  private ReplyEffect<DomainEvent, BridgeState> onSettlementAnswered(BridgeState s, SettlementAnswered c) {
    settlementsUnderWay.remove(c.key());
    if (!c.applied() || !s.withdrawals().settlements().containsKey(c.key())) return Effect().noReply();
    return Effect().persist(new BridgeEvents.WithdrawalSettled(c.key())).thenNoReply();
  }

  private ReplyEffect<DomainEvent, BridgeState> onPoolLogAnswered(BridgeState s, PoolLogAnswered c) {
    poolsUnderWay.remove(c.poolId());
    if (!c.applied() || !s.pools().pending().containsKey(c.logId())) return Effect().noReply();
    return Effect().persist(new BridgeEvents.PoolLogRecorded(c.logId())).thenRun(this::deliverPoolLogs).thenNoReply();
  }

  /** Sends each followed pool its next log not yet recorded: one at a time per pool, in chain order (it records each id once). */
  private void deliverPoolLogs(BridgeState s) {
    for (MicroPoolLog l : s.pools().nextPerPool(poolsUnderWay)) {
      poolsUnderWay.add(l.poolId());
      ctx.pipeToSelf(sink.recordPoolFact(l.poolId(), l.fact()),
          (done, failure) -> new PoolLogAnswered(l.fact().id(), l.poolId(), failure == null));
    }
  }

  /** Tells each account its withdrawal's fate until it acknowledges (it applies each nonce once). */
  private void deliverSettlements(BridgeState s) {
    s.withdrawals().settlements().forEach((key, st) -> {
      if (!settlementsUnderWay.add(key)) return;
      ctx.pipeToSelf(sink.settleWithdrawal(st.account(), st.nonce(), st.paid()),
          (done, failure) -> new SettlementAnswered(key, failure == null));
    });
  }

  /** Sends every credit not yet acknowledged (at least once; the account applies each id once). */
  private void deliverCredits(BridgeState s) {
    for (ChainDeposit d : s.pendingCredits().values()) {
      if (!creditsUnderWay.add(d.depositId())) continue;
      ctx.pipeToSelf(d.kind() == ChainDeposit.Kind.PROFIT_DEPOSIT ? sink.depositProfit(d) : sink.deposit(d.depositId(), d.account(), d.amount()),
          (done, failure) -> new CreditAnswered(d.depositId(), failure == null));
    }
  }

  @Override
  public EventHandler<BridgeState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder()
        .forAnyState()
        .onEvent(BridgeEvents.BlocksConfirmed.class, (s, e) -> {
          Map<String, ChainDeposit> pending = new LinkedHashMap<>(s.pendingCredits());
          for (ChainDeposit d : e.deposits()) pending.put(d.depositId(), d);
          return new BridgeState(e.to(), pending, s.depositsConfirmed() + e.deposits().size(),
              s.pools().read(e.poolLogs() == null ? List.of() : e.poolLogs()), s.halted(), s.outbox(),
              s.withdrawals().paid(e.withdrawals() == null ? List.of() : e.withdrawals()));
        })
        .onEvent(BridgeEvents.DepositCredited.class, (s, e) -> {
          Map<String, ChainDeposit> pending = new LinkedHashMap<>(s.pendingCredits());
          pending.remove(e.depositId());
          return s.with(s.cursor(), pending, s.depositsConfirmed(), s.halted(), s.outbox());
        })
        .onEvent(BridgeEvents.ReorgBeyondConfirmations.class, (s, e) -> s.with(s.cursor(), s.pendingCredits(), s.depositsConfirmed(),
            "block " + e.cursor().number() + " " + e.cursor().hash() + " was re-orged away", s.outbox()))
        .onEvent(BridgeEvents.TransactionRequested.class, (s, e) -> withOutbox(s, s.outbox().requested(e.tx())))
        .onEvent(BridgeEvents.TransactionSigned.class, (s, e) -> withOutbox(s, s.outbox().signed(e.id(), e.nonce(), e.attempt())))
        .onEvent(BridgeEvents.TransactionRepriced.class, (s, e) -> withOutbox(s, s.outbox().repriced(e.id(), e.attempt())))
        .onEvent(BridgeEvents.TransactionFinished.class, (s, e) -> withOutbox(s, s.outbox().finished(e.outcome())))
        .onEvent(BridgeEvents.NonceTaken.class, (s, e) -> withOutbox(s, s.outbox().nonceTaken(e.id(), e.nextNonce())))
        .onEvent(BridgeEvents.WithdrawalWatched.class, (s, e) -> s.with(s.withdrawals().watch(e.withdrawal())))
        .onEvent(BridgeEvents.WithdrawalExpired.class, (s, e) -> s.with(s.withdrawals().expired(e.key())))
        .onEvent(BridgeEvents.WithdrawalUnwatched.class, (s, e) -> s.with(s.withdrawals().unwatched(e.key())))
        .onEvent(BridgeEvents.WithdrawalSettled.class, (s, e) -> s.with(s.withdrawals().settled(e.key())))
        .onEvent(BridgeEvents.MicroPoolFollowed.class, (s, e) -> s.with(s.pools().follow(e.contract(), e.poolId())))
        .onEvent(BridgeEvents.PoolLogRecorded.class, (s, e) -> s.with(s.pools().delivered(e.logId())))
        .build();
  }

  private static BridgeState withOutbox(BridgeState s, TransactionOutbox outbox) {
    return s.with(s.cursor(), s.pendingCredits(), s.depositsConfirmed(), s.halted(), outbox);
  }

  @Override
  public SignalHandler<BridgeState> signalHandler() {
    return newSignalHandlerBuilder().onSignal(RecoveryCompleted.instance(), s -> {
      // signed bytes persisted before a crash go out again at once; pending credits too
      TransactionOutbox.InFlight f = s.outbox().inFlight();
      if (f != null) CompletableFuture.runAsync(() -> io.broadcast(f.latest()), blocking);
      ctx.getSelf().tell(new Round());
    }).build();
  }

  @Override
  public Set<String> tagsFor(DomainEvent event) {
    return Set.of(TAG);
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(500, 2);
  }

  private BridgeView view(BridgeState s) {
    return new BridgeView(s.cursor(), List.copyOf(s.pendingCredits().values()), s.depositsConfirmed(), s.pools(),
        s.halted() != null ? s.halted() : cursorLost,
        s.outbox(), lastRoundFailure, List.copyOf(s.withdrawals().watched().values()),
        List.copyOf(s.withdrawals().settlements().values()));
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    return t;
  }
}
