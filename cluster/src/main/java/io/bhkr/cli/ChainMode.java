package io.bhkr.cli;

import akka.actor.Cancellable;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.AskPattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.bhkr.chain.ChainBridge;
import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.MarketDeposits;
import io.bhkr.chain.PayoutEpochs;
import io.bhkr.http.ChainServices;
import io.bhkr.http.MicroPoolContracts;
import io.bhkr.chain.RegistryMirror;
import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.VaultWithdrawal;
import io.bhkr.bytes.Hex;
import io.bhkr.http.VaultSigner;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.http.auth.DevelopmentAccounts;
import io.bhkr.market.Market;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * Chain mode, a profile of the node: with {@code --chain-rpc URL} the node runs the chain bridge
 * (a cluster singleton) against the contracts of a {@code deploy} and mirrors governance's
 * decisions into the registry; without it nothing here runs and the node is chain-less. The
 * {@code deploy} subcommands are {@link ChainDeployCommand}.
 */
final class ChainMode {

  private static final Logger log = LoggerFactory.getLogger(ChainMode.class);

  /** Read instead of a key option, so the key need not show in {@code ps} or the shell history. */
  static final String KEY_VARIABLE = "BHKR_CHAIN_KEY";
  private static final Duration MIRROR_EVERY = Duration.ofSeconds(10);
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ChainMode() {}

  /**
   * Chain mode's options as {@code bhkr.chain} configuration: none given means a chain-less node
   * (empty configuration); any given needs --chain-rpc, --chain-contracts and a key.
   */
  static Config config(RunOptions.Chain options, String keyFromEnvironment) {
    boolean any = options.chainRpc != null || options.chainContracts != null || options.chainConfirmations != null
        || options.key.devAccount != null || options.key.keyFile != null;
    if (!any) return ConfigFactory.empty();
    if (options.chainRpc == null) throw new UsageError("the --chain-* options need --chain-rpc URL");
    if (options.chainContracts == null) throw new UsageError("--chain-rpc needs --chain-contracts FILE (written by deploy)");
    Map<String, Object> config = new HashMap<>();
    config.put("rpc-url", options.chainRpc);
    config.put("contracts-file", options.chainContracts.toString());
    config.put("key", options.key.hex(keyFromEnvironment));
    if (options.chainConfirmations != null) config.put("confirmations", options.chainConfirmations);
    return ConfigFactory.empty().withValue("bhkr.chain", ConfigValueFactory.fromMap(config));
  }

  /**
   * Starts the bridge and the payout epochs if the configuration asks for chain mode, and answers
   * what they give the API; a chain-less node does nothing here and gets null.
   */
  static ChainServices start(ActorSystem<?> system, Market market, Config config) {
    if (!config.hasPath("bhkr.chain.rpc-url")) return null;
    Config c = config.getConfig("bhkr.chain");
    Deployment deployment = read(Path.of(c.getString("contracts-file")));
    ContractAddresses contracts = deployment.contracts();
    Credentials key = Credentials.create(c.getString("key"));
    int confirmations = c.hasPath("confirmations") ? c.getInt("confirmations") : 12;
    EthereumNode node = EthereumNode.connect(c.getString("rpc-url"));
    system.getWhenTerminated().thenRun(node::close);
    ChainBridge.Settings settings = ChainBridge.Settings.of(contracts, deployment.startBlock()).withConfirmations(confirmations);
    // not a command-line option: tests against a fast local chain shorten the pause between rounds
    if (c.hasPath("poll-interval")) settings = settings.withPollInterval(c.getDuration("poll-interval"));
    MarketDeposits sink = new MarketDeposits(market, Duration.ofSeconds(10));
    ActorRef<ChainBridge.Command> bridge = ChainBridge.startSingleton(system, settings, node, key, sink);
    long payoutEpochSeconds = c.getLong("payout-epoch-seconds");
    ActorRef<PayoutEpochs.Command> payouts =
        PayoutEpochs.startSingleton(system, new PayoutEpochs.Settings(contracts, payoutEpochSeconds,
        c.getDuration("payout-close-delay").toSeconds()), bridge, sink);
    // the clock of the payout epochs: time arrives on their ticks
    Cancellable ticks = system.scheduler().scheduleWithFixedDelay(Duration.ofSeconds(1), c.getDuration("payout-check-interval"),
        () -> payouts.tell(new PayoutEpochs.Tick(Instant.now().getEpochSecond())), system.executionContext());
    // Governance's decisions reach the registry by polling its view: every fact has a stable id,
    // so the bridge sends each once however often it is submitted (from every node of the cluster).
    Cancellable mirror = system.scheduler().scheduleWithFixedDelay(Duration.ofSeconds(1), MIRROR_EVERY, () ->
        market.governance().<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, Duration.ofSeconds(5))
            .thenAccept(view -> RegistryMirror.transactions(view, contracts)
                .forEach(tx -> bridge.tell(new ChainBridge.Submit(tx, system.ignoreRef())))), system.executionContext());
    ChainFeed.init(system, market, bridge, payouts, contracts);
    stopBeforeTheJournal(system, bridge, ticks, mirror);
    log.info("Chain mode: bridge on {} (chain {}), vault {}, {} confirmations, sending as {}", c.getString("rpc-url"),
        contracts.chainId(), contracts.vault(), confirmations, key.getAddress());
    VaultSigner vault = (account, asset, amount, to, nonce, deadline) -> {
      String assetAddress = asset == Asset.ETH ? SettlementEpoch.ETH : contracts.token();
      VaultWithdrawal w = new VaultWithdrawal(account, assetAddress, amount, to, BigInteger.valueOf(nonce), BigInteger.valueOf(deadline));
      return new VaultSigner.Signed(contracts.vault(), contracts.chainId(), assetAddress,
          Hex.encode(w.sign(key, contracts.chainId(), contracts.vault())));
    };
    // the node's key is every pool contract's platform, and the platform opens a pool once the bridge follows it
    MicroPoolContracts microPools = new ChainMicroPools(node, contracts, key.getAddress(), confirmations, system.dispatchers().lookup(DispatcherSelector.blocking()));
    return new ChainServices(vault, new AnchorClaims(system, payouts, node, contracts, payoutEpochSeconds), microPools,
        new BridgeStatus(system, bridge, contracts, confirmations));
  }

  /**
   * On shutdown the bridge stops in the service-stop phase: after the API stopped taking requests,
   * well before sharding, the cluster and then the journal close. Left running, a round could
   * persist into a closing journal and log a persist failure, which would say something went
   * wrong when nothing did. The clocks that feed it stop first.
   */
  private static void stopBeforeTheJournal(ActorSystem<?> system, ActorRef<ChainBridge.Command> bridge, Cancellable... clocks) {
    CoordinatedShutdown.get(Adapter.toClassic(system)).addTask(CoordinatedShutdown.PhaseServiceStop(), "chain-bridge-stop", () -> {
      for (Cancellable clock : clocks) clock.cancel();
      String self = akka.cluster.typed.Cluster.get(system).selfMember().address().toString();
      return AskPattern.<ChainBridge.Command, akka.Done>ask(bridge, r -> new ChainBridge.Stop(self, r), Duration.ofSeconds(5), system.scheduler())
          .exceptionally(e -> {
            log.warn("The chain bridge did not confirm its stop within 5 s: {}", e.toString());
            return akka.Done.getInstance();
          });
    });
  }

  static Deployment read(Path file) {
    try {
      return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Deployment.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the contracts file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The sending key: a file holding it, a development account, or the environment variable. */
  static String key(Path keyFile, Integer devAccount, String fromEnvironment) {
    if (keyFile != null && devAccount != null) throw new UsageError("give --chain-key-file or --chain-dev-account, not both");
    String key;
    if (keyFile != null) {
      try {
        key = Files.readString(keyFile, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new UsageError("cannot read --chain-key-file " + keyFile + ": " + e.getMessage());
      }
    } else if (devAccount != null) {
      try {
        key = DevelopmentAccounts.credentials(devAccount).getEcKeyPair().getPrivateKey().toString(16);
      } catch (RuntimeException e) {
        throw new UsageError("--chain-dev-account must be a development account number 0-9");
      }
    } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      key = fromEnvironment.trim();
    } else {
      throw new UsageError("chain mode needs a key: --chain-key-file FILE, --chain-dev-account N, or " + KEY_VARIABLE);
    }
    if (!key.matches("(0x)?[0-9a-fA-F]{1,64}")) throw new UsageError("the chain key is not a hex private key");
    return key;
  }
}
