package io.bhkr.persistence.entities;

import akka.actor.typed.ActorRef;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivers dispatches between entities spawned directly in one actor system, as sharding does in
 * a node. A party with no entity registered (yet) is unreachable: its dispatches stay in the
 * sender's outbox, as they would while a node is down.
 */
public final class LocalRoute implements DispatchRoute {

  private final Map<Party, ActorRef<?>> entities = new ConcurrentHashMap<>();

  public <T> void register(Party party, ActorRef<T> entity) {
    entities.put(party, entity);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void deliver(Dispatch d, ActorRef<Receipt> replyTo) {
    ActorRef<?> target = entities.get(d.to());
    if (target == null) return;
    switch (d.to().kind()) {
      case ACCOUNT -> ((ActorRef<AccountEntity.Command>) target).tell(new AccountEntity.Receive(d, replyTo));
      case PROJECT -> ((ActorRef<ProjectEntity.Command>) target).tell(new ProjectEntity.Receive(d, replyTo));
      case PROVIDER -> ((ActorRef<ProviderEntity.Command>) target).tell(new ProviderEntity.Receive(d, replyTo));
      case POOL -> {
        if (d.to().equals(Party.REWARD_POOL)) ((ActorRef<RewardPoolEntity.Command>) target).tell(new RewardPoolEntity.Receive(d, replyTo));
        else ((ActorRef<InsurancePoolEntity.Command>) target).tell(new InsurancePoolEntity.Receive(d, replyTo));
      }
      case NODE -> ((ActorRef<NodeEntity.Command>) target).tell(new NodeEntity.Receive(d, replyTo));
      case GOVERNANCE -> ((ActorRef<GovernanceEntity.Command>) target).tell(new GovernanceEntity.Receive(d, replyTo));
    }
  }
}
