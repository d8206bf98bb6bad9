package io.bhkr.cli;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.Deployment;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.GasSettings;
import io.bhkr.chain.RevertReasons;
import io.bhkr.chain.contracts.BhkrToken;
import io.bhkr.chain.contracts.CustodyVault;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.chain.contracts.SettlementAnchor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A person's key on the chain of a {@code deploy}, for the {@code chain} commands: the contracts as
 * wrappers, and {@link #send} that first asks the chain whether the call would revert and, if so,
 * says why (the contract's custom error by name) without spending gas.
 */
final class ChainWallet implements AutoCloseable {

  /** The chain or the contract refused; the message is the one line a person reads. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  /** A mined transaction. */
  record Sent(String hash, long block) {}

  final EthereumNode node;
  final Credentials key;
  final ContractAddresses contracts;
  private final long chainId;
  private final TransactionManager transactions;
  private final ContractGasProvider gas;

  private ChainWallet(EthereumNode node, Credentials key, ContractAddresses contracts) {
    this.node = node;
    this.key = key;
    this.contracts = contracts;
    this.chainId = node.chainId();
    if (chainId != contracts.chainId())
      throw new Refused("the RPC serves chain " + chainId + ", the contracts file is for chain " + contracts.chainId());
    this.transactions = Deployment.transactions(node, key, chainId);
    this.gas = Deployment.gas(node, chainId);
  }

  /**
   * The key of {@code --chain-dev-account}, {@code --chain-key-file} or BHKR_CHAIN_KEY (as deploy and
   * run read it) on the chain at {@code rpc}, with the contracts of the file {@code deploy} wrote.
   */
  static ChainWallet open(String rpc, Path contractsFile, RunOptions.Key keyOptions, String keyFromEnvironment) {
    if (rpc == null) throw new UsageError("chain needs --chain-rpc URL");
    if (contractsFile == null) throw new UsageError("chain needs --chain-contracts FILE (written by deploy)");
    Credentials key = Credentials.create(ChainMode.key(keyOptions.keyFile, keyOptions.devAccount, keyFromEnvironment));
    ContractAddresses contracts;
    try {
      contracts = ChainMode.read(contractsFile).contracts();
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    EthereumNode node = EthereumNode.connect(rpc);
    try {
      return new ChainWallet(node, key, contracts);
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  String address() {
    return key.getAddress().toLowerCase();
  }

  BhkrToken token() {
    return BhkrToken.load(contracts.token(), node.web3j(), transactions, gas);
  }

  CustodyVault vault() {
    return CustodyVault.load(contracts.vault(), node.web3j(), transactions, gas);
  }

  SettlementAnchor anchor() {
    return SettlementAnchor.load(contracts.anchor(), node.web3j(), transactions, gas);
  }

  MicroPool pool(String address) {
    return MicroPool.load(address, node.web3j(), transactions, gas);
  }

  /** A read of a contract; an unreachable RPC or a failing call becomes one line. */
  <T> T read(String what, RemoteFunctionCall<T> call) {
    try {
      return call.send();
    } catch (Exception e) {
      throw new Refused("cannot read " + what + ": " + reason(e));
    }
  }

  /**
   * Sends {@code call} (to {@code to}, with {@code value} wei) once the chain says it would not revert,
   * and waits until it is mined. A call that would revert is not sent: {@link Refused} names the
   * contract's error, e.g. {@code NotSignedByAccount()} or {@code ERC20InsufficientBalance(…)}.
   */
  Sent send(String what, String to, BigInteger value, RemoteFunctionCall<?> call) {
    String data = call.encodeFunctionCall();
    BigInteger limit = gasLimit(what, to, value, data);
    GasSettings g = GasSettings.defaults();
    try {
      EthSendTransaction sent = transactions.sendEIP1559Transaction(chainId, g.maxPriorityFeePerGas(), g.maxFeePerGas(node.baseFee()),
          limit, to, data, value);
      if (sent.hasError()) throw new Refused(what + " refused by the chain: " + sent.getError().getMessage());
      TransactionReceipt receipt = new PollingTransactionReceiptProcessor(node.web3j(), 100, 1_200)
          .waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) throw new Refused(what + " reverted on chain in transaction " + receipt.getTransactionHash());
      return new Sent(receipt.getTransactionHash(), receipt.getBlockNumber().longValueExact());
    } catch (IOException e) {
      throw new Refused("cannot reach " + node.url() + ": " + e.getMessage());
    } catch (TransactionException e) {
      throw new Refused(what + ": no receipt within 2 minutes (" + e.getMessage() + ")");
    }
  }

  /** The chain's gas estimate with the bridge's margin; an estimate that reverts is the reason not to send. */
  private BigInteger gasLimit(String what, String to, BigInteger value, String data) {
    var request = Transaction.createFunctionCallTransaction(address(), null, null, null, to, value, data);
    org.web3j.protocol.core.methods.response.EthEstimateGas answer;
    try {
      answer = node.web3j().ethEstimateGas(request).send();
    } catch (IOException e) {
      throw new Refused("cannot reach " + node.url() + ": " + e.getMessage());
    }
    if (answer.hasError()) {
      String message = answer.getError().getMessage();
      if (message != null && message.toLowerCase().contains("revert"))
        throw new Refused(what + " would revert: " + RevertReasons.describe(answer.getError().getData()));
      throw new Refused(what + " refused by the chain: " + message);
    }
    return GasSettings.defaults().gasLimit(answer.getAmountUsed());
  }

  static String reason(Throwable e) {
    if (e instanceof UncheckedIOException || e instanceof IOException) return "cannot reach the chain (" + e.getMessage() + ")";
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  @Override
  public void close() {
    node.close();
  }
}
