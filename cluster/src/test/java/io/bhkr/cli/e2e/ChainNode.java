package io.bhkr.cli.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.cli.process.Anvil;
import io.bhkr.cli.walkthrough.DevelopmentMarket;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
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

  /** A market on the node at {@code baseUrl} that funds accounts on chain, as {@link #deposit} does. */
  DevelopmentMarket market(String baseUrl) {
    DevelopmentMarket reads = new DevelopmentMarket(baseUrl, null);
    return reads.withDeposits((account, asset, amount) -> deposit(reads, account, asset, amount));
  }

  /**
   * Funds {@code account} as chain mode does (a chain-mode node has no development deposits): the
   * account deposits into the vault on chain, BHKR minted to it first by the token's owner, and
   * this waits until the bridge has credited it.
   */
  void deposit(DevelopmentMarket market, int account, String asset, String amount) {
    String who = DevelopmentAccounts.address(account);
    BigInteger value = new BigInteger(amount);
    BigInteger before = new BigInteger(market.balances(account).get(asset).asText());
    Credentials key = DevelopmentAccounts.credentials(account);
    CustodyVault vault = CustodyVault.load(deployment.contracts().vault(), eth.web3j(),
        Deployment.transactions(eth, key, eth.chainId()), Deployment.gas(eth, eth.chainId()));
    try {
      if (asset.equals("ETH")) {
        vault.depositEth(who, value).send();
      } else if (asset.equals("BHKR")) {
        BhkrToken.load(deployment.contracts().token(), eth.web3j(), Deployment.transactions(eth, BRIDGE, eth.chainId()),
            Deployment.gas(eth, eth.chainId())).mint(who, value).send();
        BhkrToken.load(deployment.contracts().token(), eth.web3j(), Deployment.transactions(eth, key, eth.chainId()),
            Deployment.gas(eth, eth.chainId())).approve(deployment.contracts().vault(), value).send();
        vault.depositBhkr(who, value).send();
      } else {
        throw new IllegalArgumentException("no vault deposit of " + asset);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the deposit of " + amount + " " + asset + " for " + who + " failed on chain", e);
    }
    await(asset + " credited to " + who, () -> new BigInteger(market.balances(account).get(asset).asText()).equals(before.add(value)));
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
