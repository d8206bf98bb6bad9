package io.bhkr.cli;

import io.bhkr.chain.EthereumNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chain}: what an account does on chain by hand, signed with the same key options as
 * {@code deploy} and {@code run}: deposit into the vault, withdraw through it, claim payouts on the
 * anchor, stake in a micro-pool contract. Amounts are base units (wei, BHKR's 10^-18). The steps
 * themselves are {@link ChainSteps}; a refusal of the chain or the node exits 1 with one line.
 */
@Command(name = "chain", description = {"an account's own steps on chain: deposit, withdraw, claim payouts, stake in a micro-pool",
    "signed with --chain-dev-account N, --chain-key-file F or BHKR_CHAIN_KEY; amounts in base units (1 ETH = 10^18)"},
    subcommands = {ChainCommands.Deposit.class, ChainCommands.Withdraw.class, ChainCommands.Claim.class,
        ChainCommands.Stake.class, ChainCommands.Unstake.class, ChainCommands.Redeem.class, ChainCommands.Complete.class,
        ChainCommands.Mint.class},
    footer = {"", "Example (anvil, contracts deployed by deploy):",
        "  java -jar bhkr.jar chain deposit --chain-rpc http://127.0.0.1:8545 --chain-contracts contracts.json \\",
        "      --chain-dev-account 7 ETH 1000000000000000000"})
final class ChainCommands implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new UsageError("chain takes a step: deposit, withdraw, claim, stake, unstake, redeem, complete or mint");
  }

  /** The chain and the signer, as deploy takes them. */
  static final class Connection {
    @Option(names = "--chain-rpc", paramLabel = "URL", description = "the chain's JSON-RPC endpoint") String rpc;
    @Option(names = "--chain-contracts", paramLabel = "FILE", converter = Converters.PathName.class, description = "the addresses written by deploy")
    java.nio.file.Path contracts;
    @Mixin RunOptions.Key key = new RunOptions.Key();
  }

  /** One step: its own checks of the command line first (exit 2), then the chain (exit 1 with the reason). */
  abstract static class Step implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Connection chain = new Connection();

    /** Checks what the command line says, before anything is sent; throws {@link UsageError}. */
    void check() {}

    abstract int run(ChainSteps steps);

    @Override
    public Integer call() {
      check();
      PrintWriter out = spec.commandLine().getOut();
      try (ChainWallet wallet = ChainWallet.open(chain.rpc, chain.contracts, chain.key, System.getenv(ChainMode.KEY_VARIABLE))) {
        return run(new ChainSteps(wallet, out));
      } catch (ChainWallet.Refused | ChainSteps.NodeRefused | EthereumNode.NodeError e) {
        return fail(e.getMessage());
      } catch (UncheckedIOException e) {
        return fail(ChainWallet.reason(e));
      } finally {
        out.flush();
      }
    }

    private int fail(String why) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("bhkr: chain " + spec.name() + " failed: " + why);
      err.flush();
      return 1;
    }
  }

  @Command(name = "deposit", sortOptions = false, description = {"deposit ETH or BHKR into the vault for your own account or --account",
      "ETH: CustodyVault.depositEth with the value; BHKR: approve the vault if needed, then depositBhkr;",
      "the node credits it once the block is confirmed"})
  static final class Deposit extends Step {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ASSET", converter = AssetName.class, description = "ETH or BHKR") String asset;
    @Parameters(index = "1", arity = "0..1", paramLabel = "AMOUNT", converter = BaseUnits.class, description = "base units, e.g. 1000000000000000000 for 1 ETH") BigInteger amount;
    @Option(names = "--account", paramLabel = "0xADDR", converter = Converters.Address.class, description = "the market account credited (default the signer's)") String account;

    @Override
    void check() {
      asset(asset);
      positive("AMOUNT", amount);
    }

    @Override
    int run(ChainSteps steps) {
      return steps.deposit(asset(asset), positive("AMOUNT", amount), account);
    }
  }

  @Command(name = "withdraw", sortOptions = false, description = {"withdraw from your market account through the vault",
      "the node reserves the amount and signs it (POST /api/v1/accounts/{a}/vault-withdrawals), you sign it too,",
      "and CustodyVault.withdraw pays; the node counts it withdrawn once the block is confirmed"})
  static final class Withdraw extends Step {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ASSET", converter = AssetName.class, description = "ETH or BHKR") String asset;
    @Parameters(index = "1", arity = "0..1", paramLabel = "AMOUNT", converter = BaseUnits.class, description = "base units") BigInteger amount;
    @Option(names = "--to", paramLabel = "0xADDR", converter = Converters.Address.class, description = "who receives it on chain (default the account)") String to;
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = ToolCommands.API_HELP)
    java.net.URI api = java.net.URI.create(CallCommand.DEFAULT_API);

    @Override
    void check() {
      asset(asset);
      positive("AMOUNT", amount);
    }

    @Override
    int run(ChainSteps steps) {
      return steps.withdraw(api, asset(asset), positive("AMOUNT", amount),
          to);
    }
  }

  @Command(name = "claim", sortOptions = false, description = {"claim an account's unclaimed payouts on the settlement anchor",
      "with the proofs of GET /api/v1/accounts/{a}/claims; anyone may claim, the anchor pays the account"})
  static final class Claim extends Step {
    @Option(names = "--account", paramLabel = "0xADDR", converter = Converters.Address.class, description = "whose payouts (default the signer's)") String account;
    @Option(names = "--api", paramLabel = "URL", converter = Converters.Api.class, description = ToolCommands.API_HELP)
    java.net.URI api = java.net.URI.create(CallCommand.DEFAULT_API);

    @Override
    int run(ChainSteps steps) {
      return steps.claim(api, account);
    }
  }

  /** A step on one micro-pool contract. */
  abstract static class PoolStep extends Step {
    @Option(names = "--pool", paramLabel = "0xADDR", converter = Converters.Address.class, description = "the micro-pool contract (deploy-micropool printed it)")
    String pool;

    @Override
    void check() {
      address("--pool", pool);
    }
  }

  /** A step on one micro-pool contract with an AMOUNT: stake, unstake, redeem. */
  abstract static class PoolAmountStep extends PoolStep {
    @Parameters(index = "0", arity = "0..1", paramLabel = "AMOUNT", converter = BaseUnits.class, description = "wei") BigInteger amount;

    @Override
    void check() {
      super.check();
      positive("AMOUNT", amount);
    }

    @Override
    int run(ChainSteps steps) {
      return run(steps, address("--pool", pool), positive("AMOUNT", amount));
    }

    abstract int run(ChainSteps steps, String pool, BigInteger amount);
  }

  @Command(name = "stake", sortOptions = false, description = {"stake AMOUNT wei in a micro-pool contract, for as much aETH",
      "approves the pool for its fee, floor(fp × AMOUNT / 32 ETH) BHKR, if needed, then calls stake()"})
  static final class Stake extends PoolAmountStep {
    @Override
    int run(ChainSteps steps, String pool, BigInteger amount) {
      return steps.stake(pool, amount);
    }
  }

  @Command(name = "unstake", sortOptions = false, description = "take AMOUNT wei back for as much aETH, while the pool has not activated")
  static final class Unstake extends PoolAmountStep {
    @Override
    int run(ChainSteps steps, String pool, BigInteger amount) {
      return steps.unstake(pool, amount);
    }
  }

  @Command(name = "redeem", sortOptions = false, description = "redeem AMOUNT aETH for as much ETH once the provider completed the pool")
  static final class Redeem extends PoolAmountStep {
    @Override
    int run(ChainSteps steps, String pool, BigInteger amount) {
      return steps.redeem(pool, amount);
    }
  }

  @Command(name = "complete", sortOptions = false, description = "the provider completes its active pool after the end time, so holders can redeem")
  static final class Complete extends PoolStep {
    @Override
    int run(ChainSteps steps) {
      return steps.complete(address("--pool", pool));
    }
  }

  @Command(name = "mint", sortOptions = false, description = {"mint AMOUNT BHKR base units to --to, as the token's owner (the key that ran deploy)",
      "on a development chain, so an account has BHKR to deposit or to pay a micro-pool's fee with"})
  static final class Mint extends Step {
    @Parameters(index = "0", arity = "0..1", paramLabel = "AMOUNT", converter = BaseUnits.class, description = "BHKR base units") BigInteger amount;
    @Option(names = "--to", paramLabel = "0xADDR", converter = Converters.Address.class, description = "who receives it (required)") String to;

    @Override
    void check() {
      positive("AMOUNT", amount);
      address("--to", to);
    }

    @Override
    int run(ChainSteps steps) {
      return steps.mint(address("--to", to), positive("AMOUNT", amount));
    }
  }

  static String asset(String value) {
    if (value == null) throw new UsageError("needs ASSET AMOUNT, e.g. ETH 1000000000000000000");
    return value; // checked by AssetName
  }

  static BigInteger positive(String name, BigInteger value) {
    if (value == null) throw new UsageError("needs " + name + " in base units, e.g. 1000000000000000000 for 1 ETH");
    return value; // checked by BaseUnits
  }

  static String address(String name, String value) {
    if (value == null) throw new UsageError("needs " + name + " 0xADDRESS");
    return value; // checked and lower-cased by Converters.Address
  }

  /** ASSET: what the vault holds. */
  static final class AssetName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.equals("ETH") || value.equals("BHKR")) return value;
      throw new TypeConversionException("must be ETH or BHKR, not '" + value + "'");
    }
  }

  /** AMOUNT: a positive amount of base units that fits a uint256. */
  static final class BaseUnits implements ITypeConverter<BigInteger> {
    @Override
    public BigInteger convert(String value) {
      try {
        BigInteger n = new BigInteger(value);
        if (n.signum() > 0 && n.bitLength() <= 256) return n;
      } catch (NumberFormatException e) {
        // the same message as zero
      }
      throw new TypeConversionException("must be a positive whole number of base units (1 ETH = 1000000000000000000), not '" + value + "'");
    }
  }
}
