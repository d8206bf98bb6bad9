package io.bhkr.cli;

import io.bhkr.chain.ContractAddresses;
import io.bhkr.chain.EthereumNode;
import io.bhkr.chain.contracts.MicroPool;
import io.bhkr.http.MicroPoolContracts;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.exceptions.ContractCallException;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Chain mode's check of the contract a new micro-pool links to, read from the chain's latest
 * block off the actor threads: the contract's immutables must be this deployment's and the pool's
 * terms, it must not be opened yet, and its code must be exactly the {@code MicroPool} this node
 * was built with for those terms (so look-alike getters on some other contract do not pass).
 */
final class ChainMicroPools implements MicroPoolContracts {

  private final EthereumNode node;
  private final Web3j web3j;
  private final ContractAddresses contracts;
  private final String platform;
  private final int confirmations;
  private final Executor blocking;

  /**
   * @param platform      the node's chain key address: the only key that may open a pool
   * @param confirmations how deep a block must be to count, as for the bridge
   */
  ChainMicroPools(EthereumNode node, ContractAddresses contracts, String platform, int confirmations, Executor blocking) {
    this.node = node;
    this.web3j = node.web3j();
    this.contracts = contracts;
    this.platform = platform.toLowerCase();
    this.confirmations = confirmations;
    this.blocking = blocking;
  }

  /**
   * Read at the newest confirmed block: if its time is at or past the contract's end time, no
   * stake can come any more (the contract refuses them), so if it is not active there it never will be.
   */
  @Override
  public CompletionStage<Boolean> endedUnactivated(String address) {
    return CompletableFuture.supplyAsync(() -> {
      long confirmed = node.head() - confirmations;
      if (confirmed < 0) return false;
      MicroPool pool = MicroPool.load(address, web3j, new ReadonlyTransactionManager(web3j, platform), new DefaultGasProvider());
      pool.setDefaultBlockParameter(DefaultBlockParameter.valueOf(BigInteger.valueOf(confirmed)));
      try {
        return node.timestamp(confirmed) >= pool.endTime().send().longValueExact() && !pool.active().send();
      } catch (Exception e) {
        throw new IllegalStateException("cannot read the micro-pool contract at " + address + ": " + e.getMessage(), e);
      }
    }, blocking);
  }

  @Override
  public CompletionStage<String> refusal(String address, String provider, long endsAt, BigInteger feePer32Eth,
      BigInteger activationStake) {
    return CompletableFuture.supplyAsync(() -> {
      if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) return "chainPool " + address + " is not an Ethereum address";
      String at = address.toLowerCase();
      try {
        return check(at, provider.toLowerCase(), endsAt, feePer32Eth, activationStake);
      } catch (ContractCallException e) {
        return "no BHKR micro-pool at " + at;  // empty answers or reverts: not our contract
      } catch (Exception e) {
        return "cannot read the micro-pool contract at " + at + " from the chain (" + e.getMessage() + "); try again";
      }
    }, blocking);
  }

  private String check(String at, String provider, long endsAt, BigInteger fp, BigInteger activationStake) throws Exception {
    String code = web3j.ethGetCode(at, DefaultBlockParameterName.LATEST).send().getCode();
    if (code == null || code.equals("0x")) return "no BHKR micro-pool at " + at;
    MicroPool pool = MicroPool.load(at, web3j, new ReadonlyTransactionManager(web3j, platform), new DefaultGasProvider());
    String mismatch = firstMismatch(
        differs("platform", pool.platform().send(), "this node's chain key", platform),
        differs("vault", pool.vault().send(), "this deployment's vault", contracts.vault()),
        differs("BHKR token", pool.bhkr().send(), "this deployment's token", contracts.token()),
        differs("provider", pool.provider().send(), "the pool's provider", provider),
        differs("endTime", pool.endTime().send(), "the pool's endsAt", BigInteger.valueOf(endsAt)),
        differs("feePer32Eth", pool.feePer32Eth().send(), "the pool's fp", fp),
        differs("activationStake", pool.activationStake().send(), "the pool's validator stake less k", activationStake));
    if (mismatch != null) return mismatch;
    if (pool.opened().send()) return "the micro-pool contract at " + at + " is already opened";
    if (!code.equalsIgnoreCase(expectedCode(provider, endsAt, fp, activationStake)))
      return "the code at " + at + " is not the BHKR MicroPool of this node's version";
    return null;
  }

  /** The runtime code a MicroPool with these terms has: its creation code run by an eth_call, not sent. */
  private String expectedCode(String provider, long endsAt, BigInteger fp, BigInteger activationStake) throws IOException {
    String constructor = FunctionEncoder.encodeConstructor(Arrays.<Type>asList(new Address(provider), new Uint64(BigInteger.valueOf(endsAt)),
        new Uint256(activationStake), new Uint256(fp), new Address(platform), new Address(contracts.token()), new Address(contracts.vault())));
    EthCall created = web3j.ethCall(Transaction.createEthCallTransaction(platform, null, MicroPool.BINARY + constructor),
        DefaultBlockParameterName.LATEST).send();
    if (created.hasError()) throw new IOException("the chain cannot build the expected code: " + created.getError().getMessage());
    return created.getValue();
  }

  private static String differs(String field, Object actual, String whose, Object expected) {
    boolean same = actual instanceof String a ? a.equalsIgnoreCase((String) expected) : actual.equals(expected);
    return same ? null : "the contract's " + field + " is " + actual.toString().toLowerCase() + " but " + whose + " is " + expected;
  }

  private static String firstMismatch(String... mismatches) {
    return Arrays.stream(mismatches).filter(m -> m != null).findFirst().orElse(null);
  }
}
