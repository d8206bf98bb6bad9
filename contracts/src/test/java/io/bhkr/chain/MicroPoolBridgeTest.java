package io.bhkr.chain;

import static io.bhkr.chain.testing.MarketCluster.await;
import static io.bhkr.chain.testing.MarketCluster.freshAddress;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import io.bhkr.account.AccountEntity;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import io.bhkr.chain.testing.MarketCluster;
import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.micropool.MicroPoolStatus;
import io.bhkr.micropool.MicroPoolTerms;
import io.bhkr.micropool.MicroPoolView;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * A market pool whose principal is held by a real MicroPool contract on anvil: the bridge follows
 * the contract and opens it, and the contract's stakes, unstakes and activation reach the pool
 * once each and in order, over a restart of the bridge.
 */
@ExtendWith(AnvilExtension.class)
class MicroPoolBridgeTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static MarketCluster cluster;

  @BeforeAll
  static void start() {
    cluster = new MarketCluster("MicroPoolBridgeTest");
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static BigInteger wei(String ether) {
    return new java.math.BigDecimal(ether).multiply(new java.math.BigDecimal(E18)).toBigIntegerExact();
  }

  private static ActorRef<ChainBridge.Command> bridge(Anvil anvil, ChainBridge.Settings settings, String name) {
    return cluster.kit().spawn(ChainBridge.create(settings, anvil.node(), DevKeys.key(0), cluster.deposits(),
        settings.contracts().chainId()), name);
  }

  private static MicroPoolView pool(String poolId) {
    try {
      return cluster.market().microPool(poolId).<MicroPoolView>ask(MicroPoolEntity.Get::new, Duration.ofSeconds(5))
          .toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, BigInteger> stakes(MicroPoolView v) {
    return v.stakes().stream().collect(Collectors.toMap(MicroPoolView.StakeLine::address, MicroPoolView.StakeLine::amount));
  }

  private static MicroPool contract(Deployed d, String address, Credentials as) {
    return MicroPool.load(address, d.node().web3j(), d.tm(as), d.gas());
  }

  @Test
  void theContractsLogsReachTheirPoolOnceInOrderAndOverARestart(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    ChainBridge.Settings settings = ChainBridge.Settings.of(d.contracts(), d.deployment().startBlock()).withConfirmations(1)
        .withPollInterval(Duration.ofMillis(100));
    ActorRef<ChainBridge.Command> bridge = bridge(anvil, settings, "bridge-1");
    String provider = freshAddress(), poolId = "mp-chain-1";
    String a = DevKeys.address(1), b = DevKeys.address(2);

    // the provider's k reaches its market account through the vault
    d.vault(DevKeys.key(3)).depositEth(provider, wei("8")).send();
    anvil.mine(1);
    await(WAIT, () -> cluster.balance(provider, Asset.ETH).amount(), wei("8")::equals);

    long endsAt = anvil.node().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getTimestamp().longValueExact() + 3600;
    String address = Deployment.deployMicroPool(anvil.node(), DevKeys.key(0), d.contracts(), provider, endsAt, wei("24"), wei("100"));
    MicroPoolTerms terms = MicroPoolTerms.of(new Amount(Asset.BHKR, wei("100")), endsAt, Parameters.development(), address.toLowerCase());
    cluster.market().account(provider).<AccountEntity.SendResult>ask(r -> new AccountEntity.Send(new MicroPoolOpening("open:" + poolId,
        Party.account(provider), Party.microPool(poolId), provider, new Amount(Asset.ETH, wei("8")), terms, endsAt - 3600), r),
        Duration.ofSeconds(5)).toCompletableFuture().get();
    await(WAIT, () -> pool(poolId).status(), MicroPoolStatus.OPEN::equals);

    // the stakers hold BHKR for their fees and let the pool take it
    for (int i : new int[] {1, 2}) {
      d.token(DevKeys.key(0)).mint(DevKeys.address(i), wei("100")).send();
      d.token(DevKeys.key(i)).approve(address, wei("100")).send();
    }
    MicroPool asA = contract(d, address, DevKeys.key(1));
    assertThrows(Exception.class, () -> asA.stake(wei("1")).send(), "not opened yet: nobody stakes before the bridge follows");

    AskPattern.<ChainBridge.Command, Done>ask(bridge, r -> new ChainBridge.Follow(address, poolId, r), Duration.ofSeconds(5),
        cluster.kit().system().scheduler()).toCompletableFuture().get();
    await(WAIT, () -> { try { return asA.opened().send(); } catch (Exception e) { throw new IllegalStateException(e); } },
        Boolean.TRUE::equals);

    asA.stake(wei("5")).send();
    asA.unstake(wei("1")).send();
    contract(d, address, DevKeys.key(2)).stake(wei("20")).send(); // 24 ETH of stakers: the contract activates
    anvil.mine(1);

    MicroPoolView active = await(WAIT, () -> pool(poolId), v -> v.status() == MicroPoolStatus.ACTIVE);
    assertEquals(Map.of(a, wei("4"), b, wei("20")), stakes(active), "A's unstake came after its stake");
    assertEquals(wei("32"), active.total(), "k and the stakes of record: the validator's 32 ETH");
    // fees floor(100 BHKR · s / 32 ETH): A 15.625, B 62.5; 90 % to the provider
    await(WAIT, () -> cluster.balance(provider, Asset.BHKR).amount(), wei("70.3125")::equals);
    assertEquals(wei("78.125"), d.token(DevKeys.key(0)).balanceOf(d.contracts().vault()).send(), "the fees are in the vault's custody");
    ChainBridge.BridgeView v = await(WAIT, () -> cluster.view(bridge), x -> x.microPools().pending().isEmpty());
    assertEquals(4, v.microPools().recorded(), "Staked, Unstaked, Staked, Activated");

    cluster.kit().stop(bridge, Duration.ofSeconds(10));
    ActorRef<ChainBridge.Command> again = bridge(anvil, settings, "bridge-2");
    anvil.mine(3);
    long head = anvil.head();
    ChainBridge.BridgeView after = await(WAIT, () -> cluster.view(again), x -> x.cursor().number() >= head - 1);
    assertEquals(4, after.microPools().recorded(), "a restart reads the journal, not the chain again");
    assertEquals(java.util.Set.of("micropool-open:" + poolId), after.outbox().outcomes().keySet(), "the contract was opened once");
    assertEquals(Map.of(a, wei("4"), b, wei("20")), stakes(pool(poolId)));
    assertEquals(wei("70.3125"), cluster.balance(provider, Asset.BHKR).amount());
    cluster.kit().stop(again, Duration.ofSeconds(10));
  }
}
