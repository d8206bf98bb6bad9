package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.cluster.sharding.typed.javadsl.ClusterSharding;
import akka.cluster.sharding.typed.javadsl.EntityRef;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Join;
import akka.persistence.testkit.PersistenceTestKitPlugin;
import akka.persistence.testkit.PersistenceTestKitSnapshotPlugin;
import com.typesafe.config.ConfigFactory;
import io.bhkr.http.auth.NonceBook.Claim;
import io.bhkr.http.auth.NonceBook.ClaimResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link NonceBook#init} on a one-node cluster: one book per address, reached by entity id. */
class NonceBookShardingTest {

  private static final long NOW = 1_700_000_000L;
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  private static ActorTestKit testKit;

  @BeforeAll
  static void startCluster() {
    var config = ConfigFactory.parseString(String.join("\n",
            "akka.actor.provider = cluster",
            "akka.remote.artery.canonical.hostname = 127.0.0.1",
            "akka.remote.artery.canonical.port = 0",
            "akka.actor.serialize-messages = on",
            "akka.actor.serialize-creators = off"))
        .withFallback(PersistenceTestKitPlugin.config())
        .withFallback(PersistenceTestKitSnapshotPlugin.config())
        .withFallback(ConfigFactory.load());
    testKit = ActorTestKit.create("NonceBookShardingTest", config);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    NonceBook.init(testKit.system());
  }

  @AfterAll
  static void stopCluster() {
    testKit.shutdownTestKit();
  }

  @Test
  void keepsOneBookPerAddress() {
    var sharding = ClusterSharding.get(testKit.system());
    var dev1 = sharding.entityRefFor(NonceBook.TYPE_KEY, DevelopmentAccounts.address(1));
    var dev2 = sharding.entityRefFor(NonceBook.TYPE_KEY, DevelopmentAccounts.address(2));

    assertTrue(claim(dev1, "shared-nonce").accepted());
    assertFalse(claim(dev1, "shared-nonce").accepted());
    // Nonces are per signer: another address may use the same one.
    assertTrue(claim(dev2, "shared-nonce").accepted());
  }

  private static ClaimResult claim(EntityRef<NonceBook.Command> book, String nonce) {
    return book.<ClaimResult>ask(replyTo -> new Claim(nonce, NOW + 120, NOW, replyTo), TIMEOUT)
        .toCompletableFuture()
        .join();
  }
}
