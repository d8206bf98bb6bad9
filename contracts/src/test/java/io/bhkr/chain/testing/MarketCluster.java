package io.bhkr.chain.testing;

import static org.junit.jupiter.api.Assertions.fail;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import com.typesafe.config.ConfigFactory;
import io.bhkr.account.AccountEntity;
import io.bhkr.chain.ChainBridge;
import io.bhkr.chain.MarketDeposits;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.testing.EntityTests;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A one-node cluster with the real sharded market on the in-memory journal, every message
 * crossing Jackson (serialize-messages on), for the bridge's tests.
 */
public final class MarketCluster implements AutoCloseable {

  private static final Duration ASK = Duration.ofSeconds(5);

  private final ActorTestKit kit;
  private final Market market;

  public MarketCluster(String name) {
    kit = ActorTestKit.create(name, ConfigFactory.parseString("""
            akka.actor.provider = cluster
            akka.remote.artery.canonical.hostname = 127.0.0.1
            akka.remote.artery.canonical.port = 0
            akka.cluster.jmx.multi-mbeans-in-same-jvm = on
            """).withFallback(EntityTests.config()));
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    await(Duration.ofSeconds(20), () -> cluster.selfMember().status(), s -> s == MemberStatus.up());
    market = Market.start(kit.system(), Market.Settings.defaults());
  }

  public ActorTestKit kit() {
    return kit;
  }

  public Market market() {
    return market;
  }

  public MarketDeposits deposits() {
    return new MarketDeposits(market, ASK);
  }

  public Amount balance(String account, Asset asset) {
    try {
      return market.account(account).<AccountEntity.AccountView>ask(AccountEntity.Get::new, ASK).toCompletableFuture().get()
          .balances().of(asset);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public ChainBridge.BridgeView view(ActorRef<ChainBridge.Command> bridge) {
    try {
      return AskPattern.<ChainBridge.Command, ChainBridge.BridgeView>ask(bridge, ChainBridge.Get::new, ASK, kit.system().scheduler())
          .toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh address nobody has used: deposits can be made for any address. */
  public static String freshAddress() {
    byte[] b = new byte[20];
    new SecureRandom().nextBytes(b);
    return "0x" + HexFormat.of().formatHex(b);
  }

  /** A bounded condition poll: the value once it satisfies {@code ok}, or a failure after {@code max}. */
  public static <T> T await(Duration max, Supplier<T> probe, Predicate<T> ok) {
    long deadline = System.nanoTime() + max.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (ok.test(last)) return last;
      } catch (RuntimeException e) {
        // not answering yet (an ask timed out); poll again
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fail("condition not met within " + max + "; last seen: " + last);
  }

  @Override
  public void close() {
    kit.shutdownTestKit();
  }
}
