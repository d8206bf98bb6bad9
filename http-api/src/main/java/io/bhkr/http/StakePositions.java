package io.bhkr.http;

import akka.actor.typed.ActorSystem;
import io.bhkr.market.Market;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.StakeLot;
import io.bhkr.persistence.listings.Listings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The BHKR an account has staked on sidecars: the nodes it staked on come from the listings' read
 * side, and each of those nodes says what lots the account holds there now.
 */
final class StakePositions {

  record Position(String nodeId, BigInteger amount, long since) {}

  /** One page of positions, and the node id to continue after (null on the last page). */
  record Page(List<Position> positions, String next) {}

  private final Market market;
  private final Listings listings;
  private final Duration askTimeout;

  StakePositions(ActorSystem<?> system, Market market, Duration askTimeout) {
    this.market = market;
    this.listings = new Listings(system);
    this.askTimeout = askTimeout;
  }

  /** The positions on one page of the nodes the account has staked on, in node id order. */
  CompletionStage<Page> page(String address, String after, int limit) {
    return listings.stakedNodes(address, after, limit).thenCompose(nodes -> {
      List<CompletableFuture<NodeEntity.NodeView>> views = nodes.ids().stream()
          .map(id -> market.node(id).<NodeEntity.NodeView>ask(NodeEntity.Get::new, askTimeout).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> {
        List<Position> out = new ArrayList<>();
        for (var view : views) {
          NodeEntity.NodeView v = view.join();
          for (StakeLot lot : v.stakes().getOrDefault(address, List.of())) out.add(new Position(v.nodeId(), lot.amount(), lot.since()));
        }
        return new Page(out, nodes.next());
      });
    });
  }

  /** Every position of the account, page after page. */
  CompletionStage<List<Position>> all(String address) {
    return rest(address, null, new ArrayList<>());
  }

  private CompletionStage<List<Position>> rest(String address, String after, List<Position> sofar) {
    return page(address, after, listings.maxLimit()).thenCompose(p -> {
      sofar.addAll(p.positions());
      return p.next() == null ? CompletableFuture.completedFuture(sofar) : rest(address, p.next(), sofar);
    });
  }

  CompletionStage<BigInteger> total(String address) {
    return all(address).thenApply(list -> list.stream().map(Position::amount).reduce(BigInteger.ZERO, BigInteger::add));
  }
}
