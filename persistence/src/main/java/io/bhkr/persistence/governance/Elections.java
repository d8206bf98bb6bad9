package io.bhkr.persistence.governance;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.Proposal;
import io.bhkr.market.Market;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.persistence.EntityDirectory;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The shell of elections: reads what every staker has on sidecars (the nodes' stake lots) and hands
 * governance the time and those stakes in a {@link GovernanceEntity.Tick}. Used by the
 * {@link ElectionClock} and by the operator's "hold the election now" endpoint.
 */
public final class Elections {

  private final Market market;
  private final EntityDirectory directory;
  private final Duration askTimeout;

  public Elections(ActorSystem<?> system, Market market, Duration askTimeout) {
    this.market = market;
    this.directory = new EntityDirectory(system);
    this.askTimeout = askTimeout;
  }

  /** Every staker's BHKR on all sidecars, in base units. Fine for hundreds of nodes, like the reward census. */
  public CompletionStage<Map<String, BigInteger>> sidecarStakes() {
    return directory.ids(NodeEntity.TYPE_KEY.name()).thenCompose(ids -> {
      List<CompletableFuture<NodeEntity.NodeView>> views = ids.stream()
          .map(id -> market.node(id).<NodeEntity.NodeView>ask(NodeEntity.Get::new, askTimeout).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> {
        TreeMap<String, BigInteger> stakes = new TreeMap<>();
        for (CompletableFuture<NodeEntity.NodeView> v : views)
          v.join().stakes().forEach((staker, lots) -> lots.forEach(lot -> stakes.merge(staker, lot.amount(), BigInteger::add)));
        return stakes;
      });
    });
  }

  /** What {@code staker} has on all sidecars. */
  public CompletionStage<BigInteger> stakedBy(String staker) {
    return sidecarStakes().thenApply(m -> m.getOrDefault(staker, BigInteger.ZERO));
  }

  /**
   * Time passes at {@code now}: expire what is due and hold the election if due, or at once if
   * {@code electNow}. The sidecar stakes are read only when an election may be held; governance
   * decides again from its own state, so a stale look here never holds one wrongly.
   */
  public CompletionStage<GovernanceEntity.Ticked> tick(long now, boolean electNow) {
    return market.governance().<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, askTimeout)
        .thenCompose(v -> {
          // an expiry may unseat a governor and so open a seat: then an election may follow in the same tick
          boolean expiring = v.proposals().values().stream().anyMatch(p -> p.status() == Proposal.Status.OPEN && now > p.deadline());
          boolean mayElect = electNow || expiring || (v.council() != null && v.council().electionDue(now, v.parameters().elections()));
          return mayElect ? sidecarStakes() : CompletableFuture.completedFuture(Map.<String, BigInteger>of());
        })
        .thenCompose(stakes -> market.governance().<GovernanceEntity.Ticked>ask(
            (ActorRef<GovernanceEntity.Ticked> r) -> new GovernanceEntity.Tick(now, stakes, electNow, r), askTimeout));
  }
}
