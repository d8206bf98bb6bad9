package io.bhkr.chain;

import static io.bhkr.chain.testing.MarketCluster.await;
import static io.bhkr.chain.testing.MarketCluster.freshAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import io.bhkr.chain.testing.MarketCluster;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node goes away and comes back: anvil is stopped (SIGTERM, writing its --state file) and
 * started again on the same port from that file, and the bridge itself restarts while the node is
 * down. Its own anvil and its own market, so the shared ones are not disturbed.
 */
class ChainBridgeRestartTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theBridgeResumesWithoutLossWhenAnvilRestartsAndWasUnreachableMeanwhile(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("anvil-state.json");
    Anvil first = Anvil.start(0, "--state", state.toString());
    int port = first.port();
    String alice = freshAddress();
    String bob = freshAddress();
    try (MarketCluster cluster = new MarketCluster("ChainBridgeRestartTest");
        // the bridge's own connection, as in a node: it outlives both anvil processes
        EthereumNode node = EthereumNode.connect(first.url())) {
      Deployed d = Deployed.on(first);
      ChainBridge.Settings settings = ChainBridge.Settings.of(d.contracts(), d.deployment().startBlock()).withConfirmations(1)
          .withPollInterval(Duration.ofMillis(100));
      ActorRef<ChainBridge.Command> bridge = cluster.kit().spawn(
          ChainBridge.create(settings, node, DevKeys.key(0), cluster.deposits(), d.chainId()), "bridge-1");
      d.vault(DevKeys.key(1)).depositEth(alice, E18).send();
      first.mine(1);
      await(WAIT, () -> cluster.balance(alice, Asset.ETH).amount(), E18::equals);

      first.close(); // unreachable from here on
      await(WAIT, () -> cluster.view(bridge), v -> v.lastRoundFailure() != null);

      // while the node is down, the market submits a transaction and the bridge restarts
      ChainTransaction seat = ChainCalls.setGovernor("governor:dev3", d.contracts(), DevKeys.address(3), true);
      AskPattern.<ChainBridge.Command, Done>ask(bridge, r -> new ChainBridge.Submit(seat, r), Duration.ofSeconds(5),
          cluster.kit().system().scheduler()).toCompletableFuture().get();
      BlockHeader cursorWhileDown = cluster.view(bridge).cursor();
      cluster.kit().stop(bridge, Duration.ofSeconds(10));
      ActorRef<ChainBridge.Command> restarted = cluster.kit().spawn(
          ChainBridge.create(settings, node, DevKeys.key(0), cluster.deposits(), d.chainId()), "bridge-2");
      assertEquals(cursorWhileDown, await(WAIT, () -> cluster.view(restarted), v -> v.lastRoundFailure() != null).cursor());

      try (Anvil second = Anvil.start(port, "--state", state.toString())) {
        Deployed again = new Deployed(second.node(), d.deployment());
        again.vault(DevKeys.key(1)).depositEth(bob, E18.multiply(BigInteger.TWO)).send();
        second.mine(1);

        await(WAIT, () -> cluster.view(restarted), v -> v.lastRoundFailure() == null);
        await(WAIT, () -> cluster.balance(bob, Asset.ETH).amount(), E18.multiply(BigInteger.TWO)::equals);
        ChainBridge.BridgeView v = await(WAIT, () -> { second.mine(1); return cluster.view(restarted); },
            x -> x.outbox().outcomes().containsKey("governor:dev3") && x.pendingCredits().isEmpty());
        assertEquals(TransactionOutbox.Status.MINED, v.outbox().outcomes().get("governor:dev3").status());
        assertTrue(again.registry(DevKeys.key(0)).isGovernor(DevKeys.address(3)).send());
        assertEquals(E18, cluster.balance(alice, Asset.ETH).amount()); // not credited a second time
        assertEquals(2, v.depositsConfirmed());
        cluster.kit().stop(restarted, Duration.ofSeconds(10));
      }
    } finally {
      first.close();
    }
  }
}
