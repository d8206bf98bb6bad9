package io.bhkr.market;

import akka.actor.typed.ActorSystem;
import akka.cluster.sharding.typed.ClusterShardingSettings;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.Entity;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.pool.PoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.transfer.DispatchRoute;
import java.time.Clock;
import java.time.Duration;

/**
 * The sharded entities of the core market, started on one actor system, and typed references to
 * them. Entity types that own an outbox or a timer (accounts, projects, governance) are
 * remembered, so after a crash sharding restarts them and they resume sending and closing.
 */
public final class Market {

  public record Settings(Duration redelivery, Clock clock) {
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(2), Clock.systemUTC());
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
    sharding.init(Entity.of(GovernanceEntity.TYPE_KEY, ctx -> GovernanceEntity.create(route, settings.redelivery()))
        .withSettings(remembered));
    sharding.init(Entity.of(ProviderEntity.TYPE_KEY, ctx -> ProviderEntity.create(ctx.getEntityId())));
    sharding.init(Entity.of(PoolEntity.TYPE_KEY, ctx -> PoolEntity.create(ctx.getEntityId())));
    sharding.init(Entity.of(QuoteEntity.TYPE_KEY, ctx -> QuoteEntity.create(ctx.getEntityId())));
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

  public EntityRef<PoolEntity.Command> pool(String pool) {
    return sharding.entityRefFor(PoolEntity.TYPE_KEY, pool);
  }

  public EntityRef<GovernanceEntity.Command> governance() {
    return sharding.entityRefFor(GovernanceEntity.TYPE_KEY, GovernanceEntity.ID);
  }

  public EntityRef<QuoteEntity.Command> quote(String quoteId) {
    return sharding.entityRefFor(QuoteEntity.TYPE_KEY, quoteId);
  }
}
