package io.bhkr.node.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.node.process.Anvil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.web3j.crypto.Credentials;

/**
 * A local anvil with the contracts deployed by development account 0 (the bridge's key, the
 * vault's platform signer and the registry's and anchor's owner), and the configuration that
 * puts a node in chain mode against them: one confirmation, a round every 200 ms.
 */
final class ChainNode implements AutoCloseable {

  static final Credentials BRIDGE = DevelopmentAccounts.credentials(0);

  final Anvil anvil;
  final EthereumNode eth;
  final Deployment deployment;
  final Config config;

  ChainNode(Path dir) throws Exception {
    anvil = Anvil.start();
    eth = EthereumNode.connect(anvil.url());
    String bridge = BRIDGE.getAddress().toLowerCase();
    deployment = Deployment.deploy(eth, BRIDGE, bridge, bridge);
    Path file = dir.resolve("contracts.json");
    Files.writeString(file, new ObjectMapper().writeValueAsString(deployment));
    config = ConfigFactory.parseMap(Map.of(
        "bhkr.chain.rpc-url", anvil.url(),
        "bhkr.chain.contracts-file", file.toString(),
        "bhkr.chain.key", BRIDGE.getEcKeyPair().getPrivateKey().toString(16),
        "bhkr.chain.confirmations", 1,
        "bhkr.chain.poll-interval", "200ms"));
  }

  /** A bounded poll of the chain or the node (the chain mines a block a second): at most 60 s. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  @Override
  public void close() {
    eth.close();
    anvil.close();
  }
}
