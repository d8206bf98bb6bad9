package io.bhkr.persistence.listings;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.cluster.sharding.typed.ShardedDaemonProcessSettings;
import akka.cluster.sharding.typed.javadsl.ShardedDaemonProcess;
import akka.persistence.query.Offset;
import akka.persistence.query.Sequence;
import akka.projection.ProjectionBehavior;
import akka.projection.ProjectionId;
import akka.projection.eventsourced.EventEnvelope;
import akka.projection.javadsl.GroupedProjection;
import akka.projection.jdbc.javadsl.JdbcHandler;
import akka.projection.jdbc.javadsl.JdbcProjection;
import io.bhkr.nodes.NodeDecisions;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.NodeRegistered;
import io.bhkr.persistence.projection.FoldedEvents;
import io.bhkr.persistence.projection.LateTagWindow;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.persistence.ledger.LedgerSession;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectListing;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.serialization.DomainEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The listings' read side: the provider, node and project tags, each folded exactly once into the
 * listing tables of the journal's database (the offset committed in the same transaction as the
 * rows, a group of events per transaction), one projection per tag, each running once in the cluster.
 */
public final class ListingProjection {

  public static final String NAME = "listings";
  /** The entity tags the listings follow, in the order of the daemon process's instances. */
  public static final List<String> TAGS = List.of(ProviderEntity.TAG, NodeEntity.TAG, ProjectEntity.TAG);

  static final String PROVIDER = "Provider";
  static final String NODE = "Node";

  private ListingProjection() {}

  /** One sharded daemon process instance per tag: it moves to another node if its node leaves. */
  public static void init(ActorSystem<?> system) {
    ShardedDaemonProcess.get(system).init(ProjectionBehavior.Command.class, "listings-projection", TAGS.size(),
        i -> behavior(system, TAGS.get(i)), ShardedDaemonProcessSettings.create(system),
        Optional.of(ProjectionBehavior.stopMessage()));
  }

  /** The projection of one tag as a behavior, for a test or a node without sharding. */
  public static Behavior<ProjectionBehavior.Command> behavior(ActorSystem<?> system, String tag) {
    return ProjectionBehavior.create(projection(system, tag));
  }

  /** Grouped like the ledger's ({@code LedgerProjection}): one transaction and one offset per group. */
  static GroupedProjection<Offset, EventEnvelope<DomainEvent>> projection(ActorSystem<?> system, String tag) {
    LedgerDatabase database = LedgerDatabase.get(system);
    return JdbcProjection.groupedWithin(ProjectionId.of(NAME, tag),
        LateTagWindow.<DomainEvent>eventsByTag(system, tag), () -> new LedgerSession(database), () -> new Listing(tag), system);
  }

  private static final class Listing extends JdbcHandler<List<EventEnvelope<DomainEvent>>, LedgerSession> {
    private final String projection;

    Listing(String tag) {
      this.projection = ProjectionId.of(NAME, tag).id();
    }

    @Override
    public void process(LedgerSession session, List<EventEnvelope<DomainEvent>> envelopes) throws Exception {
      session.withConnection(c -> {
        for (EventEnvelope<DomainEvent> envelope : envelopes) {
          long offset = envelope.offset() instanceof Sequence s ? s.value() : 0;
          if (FoldedEvents.firstTime(c, projection, envelope)) apply(c, envelope.persistenceId(), envelope.event(), offset);
        }
        return null;
      });
    }
  }

  /** What one event adds to or changes in the listings. */
  static void apply(Connection c, String persistenceId, DomainEvent e, long offset) throws SQLException {
    String id = persistenceId.substring(persistenceId.indexOf('|') + 1);
    if (e instanceof ProviderEntity.ProviderApplied) ListingTables.list(c, PROVIDER, id, null, offset);
    else if (e instanceof NodeRegistered r) ListingTables.list(c, NODE, id, r.providerId(), offset);
    else if (persistenceId.startsWith(NODE + "|")) {
      Optional<String> staker = NodeDecisions.stakerOf(e);
      if (staker.isPresent()) ListingTables.listStake(c, staker.get(), id, offset);
    } else if (persistenceId.startsWith("Project|")) {
      Optional<ProjectListing> before = ListingTables.project(c, id);
      Optional<ProjectListing> after = before.orElse(ProjectListing.NONE).next(e);
      if (after.isPresent()) ListingTables.putProject(c, id, after.get(), offset, before.isPresent());
    }
  }
}
