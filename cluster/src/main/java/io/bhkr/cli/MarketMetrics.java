package io.bhkr.cli;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.sharding.ClusterSharding;
import akka.cluster.sharding.ShardRegion;
import akka.pattern.Patterns;
import akka.stream.RestartSettings;
import akka.stream.javadsl.RestartSource;
import akka.stream.javadsl.Sink;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.http.ChainServices;
import io.bhkr.money.Asset;
import io.bhkr.persistence.events.EventCursor;
import io.bhkr.persistence.events.MarketEvents;
import io.bhkr.persistence.ledger.ConservationReport;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.persistence.metrics.NodeMetrics;
import io.bhkr.pool.CompensationPaid;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.ProjectFailed;
import io.bhkr.project.ProjectSettled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market's meters. Counters follow the journal: a stream of the public entities' events from
 * the journal's start counts auctions closed, projects settled and failed, distributions and
 * decisions as they are journaled, so every node of the cluster shows the market's totals (and a
 * restarted node counts them again from the journal, not from zero). Gauges are read every
 * {@code bhkr.metrics.poll-interval}: live entities of this node's shard regions, the conservation
 * audit per asset, the ledger projection's lag, and in chain mode the bridge's state.
 */
final class MarketMetrics {

  private static final Logger log = LoggerFactory.getLogger(MarketMetrics.class);
  private static final Duration ASK = Duration.ofSeconds(3);

  private final ActorSystem<?> system;
  private final MeterRegistry registry;
  private final ChainServices chain;
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
  private final Executor blocking;

  private MarketMetrics(ActorSystem<?> system, ChainServices chain) {
    this.system = system;
    this.registry = NodeMetrics.get(system).registry();
    this.chain = chain;
    this.blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig("akka.projection.jdbc.blocking-jdbc-dispatcher"));
  }

  /** @param chain chain mode's services, or null on a chain-less node */
  static void start(ActorSystem<?> system, ChainServices chain) {
    MarketMetrics m = new MarketMetrics(system, chain);
    m.countJournaledFacts();
    Duration every = system.settings().config().getDuration("bhkr.metrics.poll-interval");
    system.scheduler().scheduleWithFixedDelay(Duration.ZERO, every, m::poll, system.executionContext());
  }

  /** From the journal's market tags (MarketEvents); not on Cassandra, whose tag offsets are no global order: the counters stay at 0. */
  private void countJournaledFacts() {
    // a failing query (the database restarting) resumes after the last fact counted, so none counts twice
    EventCursor[] last = {EventCursor.START};
    if (io.bhkr.persistence.ReadJournals.isJdbc(system)) RestartSource.withBackoff(RestartSettings.create(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2), () ->
        MarketEvents.live(system, last[0]).map(j -> {
          count(j.event());
          last[0] = j.cursor();
          return j;
        })).runWith(Sink.ignore(), system);
    for (String name : new String[] {"bhkr.auctions.closed", "bhkr.auctions.unassigned", "bhkr.projects.settled", "bhkr.projects.failed",
        "bhkr.distributions", "bhkr.compensations"})
      Counter.builder(name).register(registry); // present (at 0) before the first fact
  }

  private void count(Object e) {
    if (e instanceof AuctionClosed a) {
      Counter.builder("bhkr.auctions.closed").description("auctions closed, as journaled (AuctionClosed)").register(registry).increment();
      Counter.builder("bhkr.auctions.unassigned").description("auctions closed with no admissible bid")
          .register(registry).increment(a.winner() == null ? 1 : 0);
    } else if (e instanceof ProjectSettled) {
      Counter.builder("bhkr.projects.settled").description("projects settled, as journaled (ProjectSettled)").register(registry).increment();
    } else if (e instanceof ProjectFailed) {
      Counter.builder("bhkr.projects.failed").description("projects failed, as journaled (ProjectFailed)").register(registry).increment();
    } else if (e instanceof RewardsDistributed) {
      Counter.builder("bhkr.distributions").description("Reward Pool epochs distributed (RewardsDistributed)").register(registry).increment();
    } else if (e instanceof CompensationPaid) {
      Counter.builder("bhkr.compensations").description("Insurance Pool compensations paid").register(registry).increment();
    } else if (e instanceof GovernanceEntity.ProposalDecided d) {
      Counter.builder("bhkr.proposals.decided").tag("outcome", d.outcome().name()).register(registry).increment();
    }
  }

  private void poll() {
    try {
      pollEntities();
      pollConservation();
      if (chain != null) pollChain();
    } catch (RuntimeException e) {
      log.debug("metrics poll failed: {}", e.toString());
    }
  }

  /** Entities alive in this node's shard regions, per entity type. */
  private void pollEntities() {
    ClusterSharding sharding = ClusterSharding.get(Adapter.toClassic(system));
    for (String type : sharding.getShardTypeNames()) {
      Patterns.ask(sharding.shardRegion(type), ShardRegion.getShardRegionStateInstance(), ASK).thenAccept(answer -> {
        if (answer instanceof ShardRegion.CurrentShardRegionState state)
          gauge("bhkr.entities.live", Tags.of("type", type)).set(state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum());
      });
    }
  }

  /** The conservation audit's verdict per asset (1 balanced, 0 not), transfers in flight, and the ledger projection's lag. */
  private void pollConservation() {
    LedgerDatabase ledger = LedgerDatabase.get(system);
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        ConservationReport r = ledger.report(0);
        for (Asset asset : Asset.values())
          gauge("bhkr.conservation.ok", Tags.of("asset", asset.name())).set(r.assets().get(asset).ok() ? 1 : 0);
        gauge("bhkr.conservation.ok", Tags.of("asset", "all")).set(r.ok() ? 1 : 0);
        gauge("bhkr.transfers.in.flight", Tags.empty()).set(r.transfers().inFlight());
        // the lag needs the journal's own tables: H2 and PostgreSQL only
        if (io.bhkr.persistence.ReadJournals.isJdbc(system))
          gauge("bhkr.projection.lag", Tags.of("projection", "ledger")).set(Math.max(0, ledger.journaledUpTo() - r.projectedUpTo()));
        gauge("bhkr.projection.offset", Tags.of("projection", "ledger")).set(r.projectedUpTo());
      } catch (java.sql.SQLException e) {
        log.debug("conservation metrics: {}", e.toString());
      }
    }, blocking);
  }

  @SuppressWarnings("unchecked")
  private void pollChain() {
    chain.status().status().thenAccept(s -> {
      Map<String, Object> cursor = (Map<String, Object>) s.get("cursor");
      if (cursor != null && cursor.get("block") instanceof Number n) gauge("bhkr.chain.cursor.block", Tags.empty()).set(n.longValue());
      gauge("bhkr.chain.halted", Tags.empty()).set(s.get("halted") == null ? 0 : 1);
      if (s.get("confirmations") instanceof Number n) gauge("bhkr.chain.confirmations", Tags.empty()).set(n.longValue());
      Map<String, Object> outbox = (Map<String, Object>) s.get("outbox");
      if (outbox != null && outbox.get("queued") instanceof java.util.List<?> q)
        gauge("bhkr.chain.outbox.queued", Tags.empty()).set(q.size() + (outbox.get("inFlight") == null ? 0 : 1));
      Map<String, Object> deposits = (Map<String, Object>) s.get("deposits");
      if (deposits != null && deposits.get("pendingCredits") instanceof Number n)
        gauge("bhkr.chain.deposits.pending", Tags.empty()).set(n.longValue());
    });
  }

  private AtomicLong gauge(String name, Tags tags) {
    return gauges.computeIfAbsent(name + tags, k -> registry.gauge(name, tags, new AtomicLong()));
  }
}
