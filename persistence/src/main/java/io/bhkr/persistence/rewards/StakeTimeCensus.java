package io.bhkr.persistence.rewards;

import akka.actor.typed.ActorSystem;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.StakeLot;
import io.bhkr.persistence.EntityDirectory;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.StakeTime;
import java.math.BigInteger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Gathers, for one epoch window, each group's stake-times (economics 5) from the entities that
 * hold the stakes. The Reward Pool records them in its distribution event, so the split replays
 * without asking anyone again.
 *
 * <ul>
 *   <li>providers: collateral above pMin, from when it last changed;
 *   <li>requesters: the FP of their projects while a provider runs them (auction close to
 *       settlement or failure);
 *   <li>sidecar stakers: each stake lot, from when it was staked or last touched by a withdrawal;
 *   <li>governors: each seated governor's stake held by governance (economics 10), from when it
 *       last changed (seated, added to, slashed); a governor that left the seat is not counted.
 *       With no governor stake at all (the development genesis stakes 0) the governors' share
 *       waits in the pool.
 * </ul>
 */
public final class StakeTimeCensus {

  private final Market market;
  private final EntityDirectory directory;
  private final Duration askTimeout;

  public StakeTimeCensus(ActorSystem<?> system, Market market, Duration askTimeout) {
    this.market = market;
    this.directory = new EntityDirectory(system);
    this.askTimeout = askTimeout;
  }

  public CompletionStage<Map<Group, SortedMap<String, BigInteger>>> take(long windowStart, long windowEnd) {
    CompletableFuture<List<ProviderView>> providers = all(ProviderEntity.TYPE_KEY.name(),
        id -> market.provider(id).<ProviderView>ask(ProviderEntity.Get::new, askTimeout));
    CompletableFuture<List<ProjectView>> projects = all(ProjectEntity.TYPE_KEY.name(),
        id -> market.project(id).<ProjectView>ask(ProjectEntity.Get::new, askTimeout));
    CompletableFuture<List<NodeEntity.NodeView>> nodes = all(NodeEntity.TYPE_KEY.name(),
        id -> market.node(id).<NodeEntity.NodeView>ask(NodeEntity.Get::new, askTimeout));
    CompletableFuture<GovernanceEntity.GovernanceView> governance = market.governance()
        .<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, askTimeout).toCompletableFuture();
    return CompletableFuture.allOf(providers, projects, nodes, governance).thenApply(x -> {
      Map<Group, SortedMap<String, BigInteger>> census = new EnumMap<>(Group.class);
      SortedMap<String, BigInteger> providersRequesters = new TreeMap<>();
      for (ProviderView p : providers.join()) {
        if (p.pMin() == null || !p.collateral().isGreaterThan(p.pMin())) continue;
        BigInteger above = p.collateral().amount().subtract(p.pMin().amount());
        add(providersRequesters, p.providerId(), StakeTime.of(above, p.collateralSince(), windowStart, windowEnd));
      }
      for (ProjectView v : projects.join()) {
        if (v.auction() == null || v.winner() == null) continue;
        long until = v.status() == ProjectStatus.SETTLED ? v.settledAt()
            : v.status() == ProjectStatus.FAILED ? v.failure().failedAt() : Long.MAX_VALUE;
        add(providersRequesters, v.requester(), StakeTime.between(v.fp().amount(), v.auction().closedAt(), until, windowStart, windowEnd));
      }
      SortedMap<String, BigInteger> stakers = new TreeMap<>();
      for (NodeEntity.NodeView n : nodes.join())
        n.stakes().forEach((staker, lots) -> {
          for (StakeLot lot : lots) add(stakers, staker, StakeTime.of(lot.amount(), lot.since(), windowStart, windowEnd));
        });
      SortedMap<String, BigInteger> governors = new TreeMap<>();
      if (governance.join().council() != null)
        governance.join().council().seats().forEach((g, seat) ->
            add(governors, g, StakeTime.of(seat.stake(), seat.since(), windowStart, windowEnd)));
      census.put(Group.GOVERNORS, governors);
      census.put(Group.PROVIDERS_REQUESTERS, providersRequesters);
      census.put(Group.STAKERS, stakers);
      return census;
    });
  }

  private static void add(SortedMap<String, BigInteger> into, String who, BigInteger stakeTime) {
    if (stakeTime.signum() > 0) into.merge(who, stakeTime, BigInteger::add);
  }

  private <V> CompletableFuture<List<V>> all(String entityType, Function<String, CompletionStage<V>> view) {
    return directory.ids(entityType).toCompletableFuture().thenCompose(ids -> {
      List<CompletableFuture<V>> views = ids.stream().map(id -> view.apply(id).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> views.stream().map(CompletableFuture::join).toList());
    });
  }

}
