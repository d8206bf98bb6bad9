package io.bhkr.chain;

import static io.bhkr.chain.testing.MarketCluster.await;
import static io.bhkr.chain.testing.MarketCluster.freshAddress;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import io.bhkr.chain.contracts.SettlementAnchor;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import io.bhkr.chain.testing.MarketCluster;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The chain bridge against a real anvil and the real sharded market. No snapshot/revert here:
 * every test deploys its own contracts (new addresses, so a bridge journal of its own).
 */
@ExtendWith(AnvilExtension.class)
class ChainBridgeTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final AtomicInteger names = new AtomicInteger();
  private static MarketCluster cluster;
  private static final List<ActorRef<ChainBridge.Command>> running = new java.util.ArrayList<>();

  @BeforeAll
  static void start() {
    cluster = new MarketCluster("ChainBridgeTest");
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static ChainBridge.Settings settings(Deployed d, int confirmations) {
    return ChainBridge.Settings.of(d.contracts(), d.deployment().startBlock()).withConfirmations(confirmations)
        .withPollInterval(Duration.ofMillis(100));
  }

  @AfterEach
  void stopBridges() {
    running.forEach(b -> cluster.kit().stop(b, Duration.ofSeconds(10)));
    running.clear();
  }

  private static ActorRef<ChainBridge.Command> bridge(Anvil anvil, ChainBridge.Settings settings) {
    return track(cluster.kit().spawn(ChainBridge.create(settings, anvil.node(), DevKeys.key(0), cluster.deposits(), settings.contracts().chainId()),
        "bridge-" + names.incrementAndGet()));
  }

  private static ActorRef<ChainBridge.Command> track(ActorRef<ChainBridge.Command> bridge) {
    running.add(bridge);
    return bridge;
  }

  private static void stopBridge(ActorRef<ChainBridge.Command> bridge) {
    running.remove(bridge);
    cluster.kit().stop(bridge, Duration.ofSeconds(10));
  }

  private static Amount eth(String account) {
    return cluster.balance(account, Asset.ETH);
  }

  private static void submit(ActorRef<ChainBridge.Command> bridge, ChainTransaction tx) throws Exception {
    AskPattern.<ChainBridge.Command, Done>ask(bridge, r -> new ChainBridge.Submit(tx, r), Duration.ofSeconds(5), cluster.kit().system().scheduler())
        .toCompletableFuture().get();
  }

  /** The bridge has read every block confirmed at the current head. */
  private static ChainBridge.BridgeView caughtUp(Anvil anvil, ActorRef<ChainBridge.Command> bridge, int confirmations) {
    long confirmed = anvil.head() - confirmations;
    return await(WAIT, () -> cluster.view(bridge), v -> v.cursor().number() >= confirmed);
  }

  @Test
  void aDepositIsCreditedOnceAndOnlyAfterItsConfirmations(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ChainBridge.Settings settings = settings(d, 3);
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings);
    String alice = freshAddress();

    TransactionReceipt deposit = d.vault(DevKeys.key(1)).depositEth(alice, E18).send();
    long block = deposit.getBlockNumber().longValueExact();
    anvil.mine(2); // the head is 2 blocks past the deposit: not yet confirmed
    ChainBridge.BridgeView before = caughtUp(anvil, bridge, 3);
    assertEquals(block - 1, before.cursor().number());
    assertEquals(BigInteger.ZERO, eth(alice).amount());

    anvil.mine(1); // now 3 past it
    await(WAIT, () -> eth(alice).amount(), E18::equals);
    await(WAIT, () -> cluster.view(bridge), v -> v.pendingCredits().isEmpty());

    // a restart reads the journal, not the chain again: still credited once
    stopBridge(bridge);
    ActorRef<ChainBridge.Command> again = bridge(anvil, settings);
    anvil.mine(5);
    ChainBridge.BridgeView after = caughtUp(anvil, again, 3);
    assertEquals(1, after.depositsConfirmed());
    assertEquals(E18, eth(alice).amount());
    stopBridge(again);
  }

  @Test
  void bhkrDepositsAndProfitDepositsAreCredited(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings(d, 1));
    String bob = freshAddress();
    String provider = DevKeys.address(4);
    Amount providerBefore = eth(provider);

    d.token(DevKeys.key(0)).mint(DevKeys.address(1), E18.multiply(BigInteger.TEN)).send();
    d.token(DevKeys.key(1)).approve(d.contracts().vault(), E18.multiply(BigInteger.TEN)).send();
    d.vault(DevKeys.key(1)).depositBhkr(bob, E18.multiply(BigInteger.TEN)).send();
    d.vault(DevKeys.key(4)).depositProfit("project-9", SettlementEpoch.ETH, E18.multiply(BigInteger.valueOf(3)),
        E18.multiply(BigInteger.valueOf(3))).send();
    anvil.mine(1);

    await(WAIT, () -> cluster.balance(bob, Asset.BHKR).amount(), E18.multiply(BigInteger.TEN)::equals);
    await(WAIT, () -> eth(provider).amount(), providerBefore.amount().add(E18.multiply(BigInteger.valueOf(3)))::equals);
    ChainBridge.BridgeView v = await(WAIT, () -> cluster.view(bridge), x -> x.pendingCredits().isEmpty());
    assertEquals(2, v.depositsConfirmed());
    stopBridge(bridge);
  }

  @Test
  void aDepositReorgedOutBeforeItsConfirmationsIsNeverCredited(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings(d, 3));
    String alice = freshAddress();
    String bob = freshAddress();

    TransactionReceipt orphan = d.vault(DevKeys.key(1)).depositEth(alice, E18).send();
    anvil.mine(1);
    caughtUp(anvil, bridge, 3);
    anvil.reorg(2); // the deposit's block and the one after it are replaced by empty blocks
    assertTrue(anvil.node().web3j().ethGetTransactionReceipt(orphan.getTransactionHash()).send().getTransactionReceipt().isEmpty());

    d.vault(DevKeys.key(1)).depositEth(bob, E18.multiply(BigInteger.TWO)).send();
    anvil.mine(5);
    await(WAIT, () -> eth(bob).amount(), E18.multiply(BigInteger.TWO)::equals);
    ChainBridge.BridgeView v = caughtUp(anvil, bridge, 3);
    assertEquals(1, v.depositsConfirmed());
    assertEquals(BigInteger.ZERO, eth(alice).amount());
    assertNull(v.halted());
    stopBridge(bridge);
  }

  @Test
  void aReorgDeeperThanTheConfirmationsStopsInboundInsteadOfGuessing(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings(d, 1));
    String alice = freshAddress();
    d.vault(DevKeys.key(1)).depositEth(alice, E18).send();
    anvil.mine(1);
    await(WAIT, () -> eth(alice).amount(), E18::equals);
    BlockHeader cursor = caughtUp(anvil, bridge, 1).cursor();

    anvil.reorg(3); // replaces the confirmed deposit block too
    anvil.mine(2);
    ChainBridge.BridgeView v = await(WAIT, () -> cluster.view(bridge), x -> x.halted() != null);
    assertEquals(cursor, v.cursor());
    stopBridge(bridge);
  }

  @Test
  void aSettlementRootIsAnchoredThroughTheOutboxAndEachPayoutClaimedExactlyOnce(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings(d, 1));
    String token = d.contracts().token();
    SettlementEpoch epoch = new SettlementEpoch(1, List.of(
        new SettlementEpoch.Payout(DevKeys.address(1), token, new BigInteger("75000000000000000000")),
        new SettlementEpoch.Payout(DevKeys.address(2), token, new BigInteger("225000000000000000000")),
        new SettlementEpoch.Payout(DevKeys.address(3), token, BigInteger.valueOf(7))));
    d.token(DevKeys.key(0)).mint(d.contracts().anchor(), epoch.total()).send();

    submit(bridge, ChainCalls.anchorRoot("anchor:epoch:1", d.contracts(), epoch));
    ChainBridge.BridgeView v = await(WAIT, () -> { anvil.mine(1); return cluster.view(bridge); },
        x -> x.outbox().outcomes().containsKey("anchor:epoch:1"));
    assertEquals(TransactionOutbox.Status.MINED, v.outbox().outcomes().get("anchor:epoch:1").status());

    SettlementAnchor asUser = d.anchor(DevKeys.key(2));
    assertArrayEquals(epoch.root(), asUser.rootOf(BigInteger.ONE).send());
    SettlementEpoch.Payout mine = epoch.payouts().get(1);
    asUser.claim(BigInteger.ONE, mine.account(), mine.asset(), mine.amount(), epoch.proof(mine)).send();
    assertEquals(mine.amount(), d.token(DevKeys.key(0)).balanceOf(DevKeys.address(2)).send());
    assertThrows(Exception.class, () -> asUser.claim(BigInteger.ONE, mine.account(), mine.asset(), mine.amount(), epoch.proof(mine)).send());
    assertEquals(mine.amount(), d.token(DevKeys.key(0)).balanceOf(DevKeys.address(2)).send());

    // anchoring the same epoch again would revert: the bridge does not send it and says why
    submit(bridge, ChainCalls.anchorRoot("anchor:epoch:1-again", d.contracts(), epoch));
    ChainBridge.BridgeView w = await(WAIT, () -> cluster.view(bridge), x -> x.outbox().outcomes().containsKey("anchor:epoch:1-again"));
    assertEquals(TransactionOutbox.Status.REJECTED, w.outbox().outcomes().get("anchor:epoch:1-again").status());
    stopBridge(bridge);
  }

  @Test
  void aRestartBetweenSigningAndMiningNeitherLosesNorRepeatsTheTransaction(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ChainBridge.Settings settings = settings(d, 1);
    String provider = DevKeys.address(4);
    BigInteger noncesBefore = anvil.node().nonce(DevKeys.address(0), false);
    anvil.automine(false);
    try {
      ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings);
      ChainTransaction qualify = ChainCalls.setQualified("qualify:p4", d.contracts(), provider, true);
      submit(bridge, qualify);
      TransactionOutbox.InFlight signed = await(WAIT, () -> cluster.view(bridge).outbox().inFlight(), f -> f != null);
      stopBridge(bridge);

      ActorRef<ChainBridge.Command> restarted = bridge(anvil, settings);
      submit(restarted, qualify); // submitted again by a market that restarted too: still one transaction
      anvil.mine(1);
      ChainBridge.BridgeView v = await(WAIT, () -> { anvil.mine(1); return cluster.view(restarted); },
          x -> x.outbox().outcomes().containsKey("qualify:p4"));

      TransactionOutbox.Outcome outcome = v.outbox().outcomes().get("qualify:p4");
      assertEquals(TransactionOutbox.Status.MINED, outcome.status());
      assertEquals(signed.latest().hash(), outcome.hash(), () -> "signed " + signed + " view " + v);
      assertEquals(noncesBefore.add(BigInteger.ONE), anvil.node().nonce(DevKeys.address(0), false));
      assertTrue(d.registry(DevKeys.key(0)).qualified(provider).send());
      assertNull(v.outbox().inFlight());
      stopBridge(restarted);
    } finally {
      anvil.automine(true);
    }
  }

  @Test
  void theBridgeRunsAsTheClusterSingleton(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ActorRef<ChainBridge.Command> singleton = ChainBridge.startSingleton(cluster.kit().system(), settings(d, 1),
        EthereumNode.connect(anvil.url()), DevKeys.key(0), cluster.deposits());
    String carol = freshAddress();
    d.vault(DevKeys.key(1)).depositEth(carol, E18).send();
    anvil.mine(1);
    await(WAIT, () -> eth(carol).amount(), E18::equals);
    assertNotNull(cluster.view(singleton).cursor().hash());
  }
}
