package io.bhkr.chain;

import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.chain.contracts.Registry;
import io.bhkr.chain.contracts.SettlementAnchor;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import org.web3j.crypto.Credentials;
import org.web3j.tx.Contract;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the BHKR contracts to a chain: the token (owned by the deployer), the custody vault
 * (whose platform signer is {@code platform}, and which funds payout epochs of this anchor only),
 * and the registry and settlement anchor (owned by {@code bridge}, the key the chain bridge sends with). Micro-pools are deployed one per market pool.
 *
 * @param startBlock the first block that may hold a log of these contracts (where a bridge starts reading)
 */
public record Deployment(ContractAddresses contracts, long startBlock) {

  /** Enough gas for the largest of our contracts (the vault, ~1.3 M). */
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(5_000_000);

  public static Deployment deploy(EthereumNode node, Credentials deployer, String platform, String bridge) throws Exception {
    return deploy(node, deployer, platform, bridge, step -> { });
  }

  /**
   * The same, telling {@code progress} of each contract as it is sent and once it is mined: on a
   * public chain each waits for a block, so a person sees which one the deployment is at.
   */
  public static Deployment deploy(EthereumNode node, Credentials deployer, String platform, String bridge, Consumer<String> progress)
      throws Exception {
    long chainId = node.chainId();
    TransactionManager tm = transactions(node, deployer, chainId);
    ContractGasProvider gas = gas(node, chainId);
    long startBlock = node.head() + 1;
    progress.accept("sending the token (1/4)…");
    BhkrToken token = mined(progress, "token", BhkrToken.deploy(node.web3j(), tm, gas, deployer.getAddress()).send());
    progress.accept("sending the settlement anchor (2/4)…");
    SettlementAnchor anchor = mined(progress, "anchor", SettlementAnchor.deploy(node.web3j(), tm, gas, bridge).send());
    // the vault funds payout epochs of this anchor only
    progress.accept("sending the custody vault (3/4)…");
    CustodyVault vault = mined(progress, "vault",
        CustodyVault.deploy(node.web3j(), tm, gas, token.getContractAddress(), platform, anchor.getContractAddress()).send());
    progress.accept("sending the registry (4/4)…");
    Registry registry = mined(progress, "registry", Registry.deploy(node.web3j(), tm, gas, bridge).send());
    return new Deployment(new ContractAddresses(chainId, token.getContractAddress(), vault.getContractAddress(),
        registry.getContractAddress(), anchor.getContractAddress()), startBlock);
  }

  /**
   * A micro-pool of {@code provider}, completable after {@code endTime} (unix seconds), active at
   * {@code activationStake} wei, charging {@code feePer32Eth} BHKR base units per 32 ETH staked into
   * the deployment's vault. Its platform (the only key that may open it) is the vault's, whoever deploys it.
   */
  public static String deployMicroPool(EthereumNode node, Credentials deployer, ContractAddresses contracts, String provider,
      long endTime, BigInteger activationStake, BigInteger feePer32Eth) throws Exception {
    long chainId = node.chainId();
    TransactionManager tm = transactions(node, deployer, chainId);
    ContractGasProvider gas = gas(node, chainId);
    String platform = CustodyVault.load(contracts.vault(), node.web3j(), tm, gas).platform().send();
    return MicroPool.deploy(node.web3j(), tm, gas, provider, BigInteger.valueOf(endTime), activationStake, feePer32Eth,
        platform, contracts.token(), contracts.vault()).send().getContractAddress();
  }

  private static <C extends Contract> C mined(Consumer<String> progress, String name, C contract) {
    String block = contract.getTransactionReceipt().map(r -> " in block " + r.getBlockNumber()).orElse("");
    progress.accept(name + " " + contract.getContractAddress() + " mined" + block);
    return contract;
  }

  /** Plain (not caching) nonces, receipts polled every 100 ms for up to 10 minutes. */
  public static TransactionManager transactions(EthereumNode node, Credentials key, long chainId) {
    return new RawTransactionManager(node.web3j(), key, chainId, new PollingTransactionReceiptProcessor(node.web3j(), 100, 6_000));
  }

  /** EIP-1559 fees from the current base fee, with the bridge's defaults. */
  public static ContractGasProvider gas(EthereumNode node, long chainId) {
    GasSettings g = GasSettings.defaults();
    return new StaticEIP1559GasProvider(chainId, g.maxFeePerGas(node.baseFee()), g.maxPriorityFeePerGas(), GAS_LIMIT);
  }
}
