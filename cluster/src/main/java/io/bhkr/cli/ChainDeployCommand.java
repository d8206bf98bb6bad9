package io.bhkr.cli;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;

/**
 * {@code deploy} (the base contracts of a chain, written to a file for {@code run}) and
 * {@code deploy-micropool} (one provider's micro-pool contract, against such a file).
 */
final class ChainDeployCommand {

  /** The ETH of one validator, of which the provider stakes k in the market and the users the rest on chain. */
  static final BigInteger VALIDATOR_STAKE = new BigInteger("32000000000000000000");

  private ChainDeployCommand() {}

  /** {@code deploy}: deploys the contracts to a chain, prints their addresses and writes them to a file for {@code run}. */
  static int deploy(String rpc, RunOptions.Key keys, String platform, Path file, PrintStream out, String keyFromEnvironment) {
    if (rpc == null) throw new UsageError("deploy needs --chain-rpc URL");
    Credentials key = Credentials.create(keys.hex(keyFromEnvironment));
    String deployer = key.getAddress().toLowerCase();
    try (EthereumNode node = EthereumNode.connect(rpc)) {
      // progress on standard error, so that standard output stays the summary below
      System.err.println("deploy: the contracts to " + rpc + " as " + deployer + ", each waits to be mined");
      Deployment d = Deployment.deploy(node, key, platform == null ? deployer : platform, deployer, step -> System.err.println("deploy: " + step));
      Files.writeString(file, ChainMode.JSON.writeValueAsString(d), StandardCharsets.UTF_8);
      ContractAddresses c = d.contracts();
      out.println("BHKR contracts on chain " + c.chainId() + " (logs from block " + d.startBlock() + " on), deployed by " + deployer + ":");
      out.println("  token      " + c.token());
      out.println("  vault      " + c.vault() + "   (platform signer " + (platform == null ? deployer : platform) + ")");
      out.println("  registry   " + c.registry() + "   (owner " + deployer + ")");
      out.println("  anchor     " + c.anchor() + "   (owner " + deployer + ")");
      out.println("Written to " + file.toAbsolutePath() + ". Run a node against them, sending with the same key:");
      out.println("  java -jar bhkr.jar run --chain-rpc " + rpc + " --chain-contracts " + file + keys.asOption() + " --chain-confirmations 2");
      return 0;
    } catch (Exception e) {
      System.err.println("bhkr: deploy failed: " + e.getMessage());
      return 1;
    }
  }

  /** The terms of a micro-pool contract as the command line gives them. */
  record PoolTerms(String provider, long endsAt, BigInteger fp, BigInteger k, BigInteger validatorStake) {
    /** The users' ETH at which the contract activates: the validator less the provider's k (staked in the market). */
    BigInteger activationStake() {
      return validatorStake.subtract(k);
    }
  }

  /** {@code deploy-micropool}: one provider's micro-pool contract, whose platform is the deployment vault's. */
  static int deployMicroPool(String rpc, Path file, RunOptions.Key keys, String provider, Long endsAt, BigInteger fp, BigInteger k,
      BigInteger validatorStake, PrintStream out, String keyFromEnvironment) {
    if (rpc == null) throw new UsageError("deploy-micropool needs --chain-rpc URL");
    if (file == null) throw new UsageError("deploy-micropool needs --chain-contracts FILE (written by deploy)");
    if (provider == null || endsAt == null || fp == null || k == null)
      throw new UsageError("deploy-micropool needs --provider 0xADDR, --ends-at UNIXSECONDS, --fp BHKR_BASE_UNITS and --k WEI");
    if (fp.signum() < 0) throw new UsageError("--fp must not be negative");
    if (k.signum() < 0) throw new UsageError("--k must not be negative");
    if (k.compareTo(validatorStake) >= 0)
      throw new UsageError("--k " + k + " must be below the validator stake " + validatorStake + " (the users stake the rest)");
    PoolTerms terms = new PoolTerms(provider, endsAt, fp, k, validatorStake);
    Credentials key = Credentials.create(keys.hex(keyFromEnvironment));
    Deployment deployment;
    try {
      deployment = ChainMode.read(file);
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    try (EthereumNode node = EthereumNode.connect(rpc)) {
      System.err.println("deploy-micropool: sending the micro-pool contract of " + terms.provider() + " to " + rpc + "…");
      String pool = Deployment.deployMicroPool(node, key, deployment.contracts(), terms.provider(), terms.endsAt(),
          terms.activationStake(), terms.fp());
      System.err.println("deploy-micropool: " + pool + " mined");
      print(out, pool, terms, deployment.contracts(), key.getAddress().toLowerCase());
      return 0;
    } catch (Exception e) {
      System.err.println("bhkr: deploy-micropool failed: " + e.getMessage());
      return 1;
    }
  }

  private static void print(PrintStream out, String pool, PoolTerms t, ContractAddresses c, String deployer) {
    out.println("BHKR micro-pool of provider " + t.provider() + " on chain " + c.chainId() + ", deployed by " + deployer + ":");
    out.println("  micro-pool " + pool);
    out.println("  active at " + t.activationStake() + " wei staked (validator " + t.validatorStake() + " less k " + t.k()
        + "), fee " + t.fp() + " BHKR base units per 32 ETH into the vault " + c.vault() + ", stakes until " + t.endsAt());
    out.println("It takes no stake until the node opens it. The provider opens its market pool on it:");
    out.println("  POST /api/v1/micropools {\"stake\":{\"asset\":\"ETH\",\"amount\":\"" + t.k() + "\"},\"endsAt\":" + t.endsAt()
        + ",\"fp\":{\"asset\":\"BHKR\",\"amount\":\"" + t.fp() + "\"},\"chainPool\":\"" + pool + "\"}");
  }
}
