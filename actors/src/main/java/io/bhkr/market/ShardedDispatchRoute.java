package io.bhkr.market;

import akka.actor.typed.ActorRef;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import io.bhkr.account.AccountEntity;
import io.bhkr.pool.PoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.Receipt;

/** Delivers a dispatch to its receiver's sharded entity, wherever in the cluster it lives. */
final class ShardedDispatchRoute implements DispatchRoute {

  private final ClusterSharding sharding;

  ShardedDispatchRoute(ClusterSharding sharding) {
    this.sharding = sharding;
  }

  @Override
  public void deliver(Dispatch d, ActorRef<Receipt> replyTo) {
    String id = d.to().id();
    switch (d.to().kind()) {
      case ACCOUNT -> sharding.entityRefFor(AccountEntity.TYPE_KEY, id).tell(new AccountEntity.Receive(d, replyTo));
      case PROVIDER -> sharding.entityRefFor(ProviderEntity.TYPE_KEY, id).tell(new ProviderEntity.Receive(d, replyTo));
      case PROJECT -> sharding.entityRefFor(ProjectEntity.TYPE_KEY, id).tell(new ProjectEntity.Receive(d, replyTo));
      case POOL -> sharding.entityRefFor(PoolEntity.TYPE_KEY, id).tell(new PoolEntity.Receive(d, replyTo));
      case GOVERNANCE -> throw new IllegalArgumentException("governance receives no dispatches: " + d.id());
    }
  }
}
