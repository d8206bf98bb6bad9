package io.bhkr.http;

import akka.actor.typed.ActorSystem;
import io.bhkr.market.Market;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.StakeLot;
import io.bhkr.persistence.EntityDirectory;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The BHKR an account has staked on sidecars, found by reading every node. Fine for hundreds of
 * nodes; a read-side projection takes over when there are many more.
 */
final class StakePositions {

  record Position(String nodeId, BigInteger amount, long since) {}

  private final Market market;
  private final EntityDirectory directory;
  private final Duration askTimeout;

  StakePositions(ActorSystem<?> system, Market market, Duration askTimeout) {
    this.market = market;
    this.directory = new EntityDirectory(system);
    this.askTimeout = askTimeout;
  }

  CompletionStage<List<Position>> of(String address) {
    return directory.ids(NodeEntity.TYPE_KEY.name()).thenCompose(ids -> {
      List<CompletableFuture<NodeEntity.NodeView>> views = ids.stream()
          .map(id -> market.node(id).<NodeEntity.NodeView>ask(NodeEntity.Get::new, askTimeout).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> {
        List<Position> out = new ArrayList<>();
        views.stream().map(CompletableFuture::join).sorted(Comparator.comparing(NodeEntity.NodeView::nodeId)).forEach(v -> {
          for (StakeLot lot : v.stakes().getOrDefault(address, List.of())) out.add(new Position(v.nodeId(), lot.amount(), lot.since()));
        });
        return out;
      });
    });
  }

  CompletionStage<BigInteger> total(String address) {
    return of(address).thenApply(list -> list.stream().map(Position::amount).reduce(BigInteger.ZERO, BigInteger::add));
  }
}
