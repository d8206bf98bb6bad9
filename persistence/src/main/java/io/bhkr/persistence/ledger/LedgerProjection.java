package io.bhkr.persistence.ledger;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.ShardedDaemonProcessSettings;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.persistence.query.Offset;
import akka.persistence.query.Sequence;
import akka.persistence.query.TimeBasedUUID;
import akka.projection.ProjectionBehavior;
import akka.projection.ProjectionId;
import akka.projection.eventsourced.EventEnvelope;
import akka.projection.javadsl.GroupedProjection;
import akka.projection.javadsl.SourceProvider;
import akka.projection.jdbc.javadsl.JdbcHandler;
import akka.projection.jdbc.javadsl.JdbcProjection;
import io.bhkr.persistence.projection.FoldedEvents;
import io.bhkr.persistence.projection.LateTagWindow;
import io.bhkr.transfer.ValueEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conservation audit's read side: every event of the "ledger" tag, in the journal's global
 * order, folded exactly once, in groups, into the ledger tables of the journal's own database (the
 * offset is committed in the same transaction as the totals). One instance for the whole cluster. On the
 * Cassandra profile the events come from Cassandra's events-by-tag (time-UUID offsets) and the
 * tables and offset are in the profile's PostgreSQL database, so it stays exactly once; there the
 * query starts a window early and skips what was folded ({@link LateTagWindow}).
 */
public final class LedgerProjection {

  private static final Logger log = LoggerFactory.getLogger(LedgerProjection.class);
  public static final ProjectionId ID = ProjectionId.of("ledger", ValueEvent.TAG);

  private LedgerProjection() {}

  /**
   * Runs the projection on one node of the cluster, through a sharded daemon process of one
   * instance: it moves to another node if its node leaves, and restarts with back-off if the
   * database fails.
   */
  public static void init(ActorSystem<?> system) {
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "ledger-projection", 1,
        instance -> behavior(system), ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The projection as a behavior, for a test or a node without sharding. */
  public static Behavior<ProjectionBehavior.Command> behavior(ActorSystem<?> system) {
    return ProjectionBehavior.create(projection(system));
  }

  /**
   * Grouped: up to {@code akka.projection.grouped.group-after-envelopes} events, or what arrived
   * within {@code group-after-duration}, are folded and their offset stored in one transaction, so
   * a catch-up pays one commit per group rather than per event; still exactly once.
   */
  static GroupedProjection<Offset, EventEnvelope<ValueEvent>> projection(ActorSystem<?> system) {
    SourceProvider<Offset, EventEnvelope<ValueEvent>> source = LateTagWindow.eventsByTag(system, ValueEvent.TAG);
    LedgerDatabase database = LedgerDatabase.get(system);
    return JdbcProjection.groupedWithin(ID, source, () -> new LedgerSession(database), Fold::new, system);
  }

  /** Folds a group of envelopes into the tables, in the session's transaction. */
  private static final class Fold extends JdbcHandler<List<EventEnvelope<ValueEvent>>, LedgerSession> {
    @Override
    public void process(LedgerSession session, List<EventEnvelope<ValueEvent>> envelopes) throws Exception {
      session.withConnection(c -> {
        List<LedgerEntry> entries = new ArrayList<>(envelopes.size());
        for (EventEnvelope<ValueEvent> envelope : envelopes)
          if (FoldedEvents.firstTime(c, ID.id(), envelope)) entries.add(entry(envelope));
        LedgerTables.applyAll(c, entries);
        return null;
      });
    }
  }

  static LedgerEntry entry(EventEnvelope<?> envelope) {
    long offset = offset(envelope.offset());
    Object event = envelope.event();
    if (event instanceof ValueEvent v) return new LedgerEntry(offset, envelope.persistenceId(), v.changes());
    // Only value events carry the tag; anything else moved nothing, but the offset still advances.
    log.warn("event {} of {} carries the ledger tag but is no ValueEvent; it is counted as moving nothing",
        event.getClass().getName(), envelope.persistenceId());
    return new LedgerEntry(offset, envelope.persistenceId(), List.of());
  }

  /**
   * The journal position a report names: JDBC's global ordering; on Cassandra, whose offsets are
   * time UUIDs, the event's write time in Unix milliseconds (ordered like the tag query, not unique).
   */
  static long offset(Offset offset) {
    if (offset instanceof Sequence s) return s.value();
    if (offset instanceof TimeBasedUUID t) return (t.value().timestamp() - UUID_EPOCH_TO_UNIX_EPOCH) / 10_000;
    return 0;
  }

  /** 100 ns intervals from 1582-10-15 (the time UUID epoch) to 1970-01-01. */
  private static final long UUID_EPOCH_TO_UNIX_EPOCH = 0x01B21DD213814000L;
}
