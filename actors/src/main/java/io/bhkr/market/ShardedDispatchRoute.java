package io.bhkr.market;

import akka.actor.typed.ActorRef;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.Party;
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
      case POOL -> {
        if (d.to().equals(Party.REWARD_POOL))
          sharding.entityRefFor(RewardPoolEntity.TYPE_KEY, id).tell(new RewardPoolEntity.Receive(d, replyTo));
        else if (d.to().equals(Party.INSURANCE_POOL))
          sharding.entityRefFor(InsurancePoolEntity.TYPE_KEY, id).tell(new InsurancePoolEntity.Receive(d, replyTo));
        else throw new IllegalArgumentException("no pool " + id);
      }
      case NODE -> sharding.entityRefFor(NodeEntity.TYPE_KEY, id).tell(new NodeEntity.Receive(d, replyTo));
      case MICROPOOL -> sharding.entityRefFor(MicroPoolEntity.TYPE_KEY, id).tell(new MicroPoolEntity.Receive(d, replyTo));
      case GOVERNANCE -> sharding.entityRefFor(GovernanceEntity.TYPE_KEY, GovernanceEntity.ID).tell(new GovernanceEntity.Receive(d, replyTo));
      case AUDITS -> throw new IllegalArgumentException("the audit round receives no dispatches: " + d.id());
    }
  }
}
