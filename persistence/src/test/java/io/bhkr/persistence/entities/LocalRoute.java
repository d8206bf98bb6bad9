package io.bhkr.persistence.entities;

import akka.actor.typed.ActorRef;
import io.bhkr.account.AccountEntity;
import io.bhkr.pool.PoolEntity;
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
      case POOL -> ((ActorRef<PoolEntity.Command>) target).tell(new PoolEntity.Receive(d, replyTo));
      case GOVERNANCE -> { }
    }
  }
}
