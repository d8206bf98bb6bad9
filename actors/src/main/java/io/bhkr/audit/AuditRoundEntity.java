package io.bhkr.audit;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.governance.Parameters;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Receipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peer audit round (economics 9): one entity for the whole market, because an assignment
 * spans all active nodes. Time arrives on commands; the first command of a new period closes the
 * open one (median uptimes, dispute marks) and opens the next with a fresh assignment whose beacon
 * the caller supplies and the event records, so anyone can recompute who audited whom. A closed
 * period is told to each provider the round has seen a node of ({@link PeriodAudited}, through
 * the outbox, at least once): the provider records its score and judges its projects' service level.
 */
public final class AuditRoundEntity extends OutboxEntity<AuditRoundEntity.Command, AuditRoundState> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "AuditRound");
  public static final String ID = "audits";
  public static final String TAG = "audit";

  public sealed interface Command extends JsonSerializable {
    long at();

    /** 32 random bytes (hex), used only if this command opens a period. */
    String beacon();

    /** The parameters in force; the audit ones drive the round, all travel with the period's notices. */
    Parameters parameters();
  }

  public record Heartbeat(String nodeId, String providerId, long blockNumber, long at, String beacon, Parameters parameters,
      ActorRef<RoundView> replyTo) implements Command {}

  public record Report(long period, String auditorNodeId, String targetNodeId, int upBps, long at, String beacon,
      Parameters parameters, ActorRef<ReportResult> replyTo) implements Command {}

  public record Current(long at, String beacon, Parameters parameters, ActorRef<RoundView> replyTo) implements Command {}

  /** Reads without moving time on. */
  public record Get(ActorRef<AuditRoundState> replyTo) implements Timeless {}

  /** A command that does not move time on. */
  sealed interface Timeless extends Command {
    default long at() {
      return 0;
    }

    default String beacon() {
      return null;
    }

    default Parameters parameters() {
      return null;
    }
  }

  record Confirm(Receipt receipt) implements Timeless {}

  record RedeliveryDue() implements Timeless {}

  public sealed interface ReportResult extends JsonSerializable {}

  public record Accepted(long period) implements ReportResult {}

  /** Not this period's report, or not this auditor's target: the API answers 403. */
  public record Refused(String reason) implements ReportResult {}

  /** What GET /audits/current shows; {@code period} −1 while no node has been seen. */
  public record RoundView(long period, String seed, Map<String, List<String>> assignment, long periodSeconds)
      implements JsonSerializable {}

  public static Behavior<Command> create(DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new AuditRoundEntity(courier));
  }

  private AuditRoundEntity(Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), ID), TAG, courier, AuditRoundState::outbox);
  }

  @Override
  public AuditRoundState emptyState() {
    return AuditRoundState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, AuditRoundState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
        .onCommand(Heartbeat.class, this::onHeartbeat)
        .onCommand(Report.class, this::onReport)
        .onCommand(Current.class, (s, c) -> persistAndSend(AuditRoundDecisions.roll(s, c, new ArrayList<>()))
            .thenReply(c.replyTo(), AuditRoundEntity::view))
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
        .build();
  }

  private ReplyEffect<DomainEvent, AuditRoundState> onHeartbeat(AuditRoundState s, Heartbeat c) {
    return persistAndSend(AuditRoundDecisions.heartbeat(s, c)).thenReply(c.replyTo(), AuditRoundEntity::view);
  }

  /** A refused report still moves time on: the period it finds closed or opened is journaled first. */
  private ReplyEffect<DomainEvent, AuditRoundState> onReport(AuditRoundState s, Report c) {
    AuditRoundDecisions.Reported r = AuditRoundDecisions.report(s, c);
    return persistAndSend(r.events())
        .thenReply(c.replyTo(), ns -> r.refusal() == null ? new Accepted(c.period()) : new Refused(r.refusal()));
  }

  /** The event handler as a pure function: recovery and replay fold with it alike. */
  public static AuditRoundState next(AuditRoundState s, DomainEvent e) {
    if (e instanceof NodeSeen x) return s.seen(x);
    if (e instanceof AuditPeriodOpened x) return s.opened(x);
    if (e instanceof AuditReported x) return s.reported(x);
    if (e instanceof AuditPeriodClosed x) return s.closed(x);
    if (e instanceof DispatchSent x) return s.sent(x.dispatch());
    if (e instanceof DispatchConfirmed x) return s.confirmed(x.dispatchId());
    if (e instanceof DispatchesConfirmed x) return x.confirmEach(s, AuditRoundState::confirmed);
    throw new IllegalStateException("the audit round cannot apply " + e.getClass().getName());
  }

  static RoundView view(AuditRoundState s) {
    if (s.open() == null) return new RoundView(-1, null, Map.of(), 0);
    return new RoundView(s.period(), s.open().seed(), s.open().assignment(), s.open().periodSeconds());
  }

  @Override
  public EventHandler<AuditRoundState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AuditRoundEntity::next);
  }
}
