package io.bhkr.market;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import io.bhkr.account.AccountEntity;
import io.bhkr.audit.AuditRoundEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.transfer.DispatchRoute;
import java.time.Clock;
import java.time.Duration;

/**
 * The sharded entities of the core market, started on one actor system, and typed references to
 * them. Every entity type that owns an outbox or a timer (all but quotes) is
 * remembered, so after a crash sharding restarts them and they resume sending and closing.
 */
public final class Market {

  public record Settings(Duration redelivery, Clock clock) {
    /** From {@code bhkr.entities} of the given configuration (the actor system's, in a node). */
    public static Settings of(com.typesafe.config.Config config) {
      return new Settings(config.getDuration("bhkr.entities.redelivery-interval"), Clock.systemUTC());
    }

    /** The reference configuration's settings (tests and tools that start a market of their own). */
    public static Settings defaults() {
      return of(com.typesafe.config.ConfigFactory.defaultReference());
    }
  }

  private final ClusterSharding sharding;

  private Market(ClusterSharding sharding) {
    this.sharding = sharding;
  }

  public static Market start(ActorSystem<?> system, Settings settings) {
    ClusterSharding sharding = ClusterSharding.get(system);
    DispatchRoute route = new ShardedDispatchRoute(sharding);
    ClusterShardingSettings remembered = ClusterShardingSettings.create(system).withRememberEntities(true);
    sharding.init(Entity.of(AccountEntity.TYPE_KEY, ctx -> AccountEntity.create(ctx.getEntityId(), route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(ProjectEntity.TYPE_KEY,
            ctx -> ProjectEntity.create(ctx.getEntityId(), route, settings.redelivery(), settings.clock()))
        .withSettings(remembered));
    sharding.init(Entity.of(NodeEntity.TYPE_KEY, ctx -> NodeEntity.create(ctx.getEntityId(), route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(GovernanceEntity.TYPE_KEY, ctx -> GovernanceEntity.create(route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(ProviderEntity.TYPE_KEY, ctx -> ProviderEntity.create(ctx.getEntityId(), route,
            projectId -> sharding.entityRefFor(ProjectEntity.TYPE_KEY, projectId), settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(RewardPoolEntity.TYPE_KEY, ctx -> RewardPoolEntity.create(route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(InsurancePoolEntity.TYPE_KEY, ctx -> InsurancePoolEntity.create(route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(AuditRoundEntity.TYPE_KEY, ctx -> AuditRoundEntity.create(route, settings.redelivery())).withSettings(remembered));
    sharding.init(Entity.of(MicroPoolEntity.TYPE_KEY,
            ctx -> MicroPoolEntity.create(ctx.getEntityId(), route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(QuoteEntity.TYPE_KEY, ctx -> QuoteEntity.create(ctx.getEntityId())));
    io.bhkr.nodes.SidecarIndex.init(sharding);
    return new Market(sharding);
  }

  public EntityRef<AccountEntity.Command> account(String address) {
    return sharding.entityRefFor(AccountEntity.TYPE_KEY, address);
  }

  public EntityRef<ProviderEntity.Command> provider(String providerId) {
    return sharding.entityRefFor(ProviderEntity.TYPE_KEY, providerId);
  }

  public EntityRef<ProjectEntity.Command> project(String projectId) {
    return sharding.entityRefFor(ProjectEntity.TYPE_KEY, projectId);
  }

  public EntityRef<RewardPoolEntity.Command> rewardPool() {
    return sharding.entityRefFor(RewardPoolEntity.TYPE_KEY, PoolView.REWARD);
  }

  public EntityRef<InsurancePoolEntity.Command> insurancePool() {
    return sharding.entityRefFor(InsurancePoolEntity.TYPE_KEY, PoolView.INSURANCE);
  }

  public EntityRef<GovernanceEntity.Command> governance() {
    return sharding.entityRefFor(GovernanceEntity.TYPE_KEY, GovernanceEntity.ID);
  }

  /** The one audit round of the market (economics 9). */
  public EntityRef<AuditRoundEntity.Command> auditRound() {
    return sharding.entityRefFor(AuditRoundEntity.TYPE_KEY, AuditRoundEntity.ID);
  }

  public EntityRef<NodeEntity.Command> node(String nodeId) {
    return sharding.entityRefFor(NodeEntity.TYPE_KEY, nodeId);
  }

  public EntityRef<MicroPoolEntity.Command> microPool(String poolId) {
    return sharding.entityRefFor(MicroPoolEntity.TYPE_KEY, poolId);
  }

  /** Which node a sidecar address (lowercase 0x) belongs to. */
  public EntityRef<io.bhkr.nodes.SidecarIndex.Command> sidecar(String sidecarAddress) {
    return sharding.entityRefFor(io.bhkr.nodes.SidecarIndex.TYPE_KEY, sidecarAddress);
  }

  public EntityRef<QuoteEntity.Command> quote(String quoteId) {
    return sharding.entityRefFor(QuoteEntity.TYPE_KEY, quoteId);
  }
}
