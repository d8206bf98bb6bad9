package io.bhkr.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;

/**
 * The Ethereum node the bridge reads and writes through, over JSON-RPC. Every call blocks and
 * throws {@link UncheckedIOException} when the node cannot be reached, or {@link NodeError} when
 * it answers with an error; the bridge calls it off the actor, on Akka's blocking dispatcher.
 */
public final class EthereumNode implements AutoCloseable {

  /** The node answered with a JSON-RPC error. */
  public static class NodeError extends RuntimeException {
    public NodeError(String message) {
      super(message);
    }
  }

  /** The call would revert: sending it would only burn gas. */
  public static final class CallReverted extends NodeError {
    public CallReverted(String message) {
      super(message);
    }
  }

  private final String url;
  private final HttpService service;
  private final Web3j web3j;
  private final ScheduledExecutorService scheduler;

  private EthereumNode(String url, HttpService service, Web3j web3j, ScheduledExecutorService scheduler) {
    this.url = url;
    this.service = service;
    this.web3j = web3j;
    this.scheduler = scheduler;
  }

  /** Short timeouts: a round that cannot reach the node fails fast and the next one tries again. */
  public static EthereumNode connect(String url) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20)).writeTimeout(Duration.ofSeconds(20)).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "web3j-" + url);
      t.setDaemon(true);
      return t;
    });
    // 100 ms polling for Web3j's own receipt processor (its default of 15 s suits no test or bridge)
    HttpService service = new HttpService(url, http);
    return new EthereumNode(url, service, Web3j.build(service, 100, scheduler), scheduler);
  }

  public String url() {
    return url;
  }

  /** For contract wrappers (deployment, tests); the bridge itself uses the methods below. */
  public Web3j web3j() {
    return web3j;
  }

  public long chainId() {
    return ok(send(web3j.ethChainId())).getChainId().longValueExact();
  }

  public long head() {
    return ok(send(web3j.ethBlockNumber())).getBlockNumber().longValueExact();
  }

  public BigInteger baseFee() {
    EthBlock.Block b = ok(send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))).getBlock();
    return b.getBaseFeePerGasRaw() == null ? BigInteger.ZERO : b.getBaseFeePerGas();
  }

  /** Headers of blocks {@code from..to} in one batch; a block the node does not have is null. */
  public List<BlockHeader> headers(long from, long to) {
    var batch = web3j.newBatch();
    for (long n = from; n <= to; n++) batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false));
    BatchResponse response;
    try {
      response = batch.send();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + url, e);
    }
    List<BlockHeader> headers = new ArrayList<>();
    for (Response<?> r : response.getResponses()) {
      EthBlock.Block b = ok((EthBlock) r).getBlock();
      headers.add(b == null ? null : new BlockHeader(b.getNumber().longValueExact(), b.getHash().toLowerCase(), b.getParentHash().toLowerCase(),
          b.getTimestamp().longValueExact()));
    }
    return headers;
  }

  /**
   * The logs of exactly these blocks (EIP-234 block-hash filters, in one batch) from
   * {@code addresses} with any of {@code topics} as first topic. A block the node no longer knows
   * is an error, never an empty answer.
   */
  public List<ChainLog> logsOfBlocks(List<String> blockHashes, List<String> addresses, List<String> topics) {
    var batch = web3j.newBatch();
    for (String hash : blockHashes) {
      // Web3j's EthFilter takes a block hash with one address only; the node takes a list
      Map<String, Object> filter = Map.of("blockHash", hash, "address", addresses, "topics", List.of(topics));
      batch.add(new Request<>("eth_getLogs", List.of(filter), service, EthLog.class));
    }
    BatchResponse response;
    try {
      response = batch.send();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + url, e);
    }
    List<ChainLog> logs = new ArrayList<>();
    for (Response<?> r : response.getResponses()) {
      for (EthLog.LogResult<?> result : ok((EthLog) r).getLogs()) {
        Log l = (Log) result.get();
        logs.add(new ChainLog(l.getAddress().toLowerCase(), l.getTopics().stream().map(String::toLowerCase).toList(), l.getData(),
            l.getBlockNumber().longValueExact(), l.getBlockHash().toLowerCase(), l.getTransactionHash().toLowerCase(),
            l.getLogIndex().longValueExact(), l.isRemoved()));
      }
    }
    return logs;
  }

  public Optional<TransactionOutbox.ReceiptSeen> receipt(String hash) {
    Optional<TransactionReceipt> r = ok(send(web3j.ethGetTransactionReceipt(hash))).getTransactionReceipt();
    return r.map(t -> new TransactionOutbox.ReceiptSeen(t.getTransactionHash().toLowerCase(), t.getBlockNumber().longValueExact(),
        t.getBlockHash().toLowerCase(), t.isStatusOK()));
  }

  /** The timestamp (unix seconds) of block {@code number}. */
  public long timestamp(long number) {
    EthBlock.Block b = ok(send(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false))).getBlock();
    if (b == null) throw new NodeError("the node has no block " + number);
    return b.getTimestamp().longValueExact();
  }

  /** An eth_call of {@code data} on {@code to} in the state after block {@code number}: the returned bytes, 0x-hex. */
  public String call(String to, String data, long number) {
    return ok(send(web3j.ethCall(Transaction.createEthCallTransaction(null, to, data),
        DefaultBlockParameter.valueOf(BigInteger.valueOf(number))))).getValue();
  }

  /** How many transactions of {@code address} are mined ({@code pending = false}) or known to the node. */
  public BigInteger nonce(String address, boolean pending) {
    return ok(send(web3j.ethGetTransactionCount(address,
        pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST))).getTransactionCount();
  }

  public BigInteger estimateGas(String from, String to, String data) {
    var r = send(web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data)));
    if (r.hasError()) {
      String message = r.getError().getMessage() + (r.getError().getData() == null ? "" : " " + r.getError().getData());
      if (message.toLowerCase(Locale.ROOT).contains("revert")) throw new CallReverted(message);
      throw new NodeError(message);
    }
    return r.getAmountUsed();
  }

  /**
   * Sends a signed transaction. Sending the same bytes again is harmless, so a node that already
   * has it (or has mined it, or holds a newer attempt of the same nonce) is not an error.
   */
  public void broadcast(String raw) {
    var r = send(web3j.ethSendRawTransaction(raw));
    if (r.hasError()) {
      String message = r.getError().getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("already") || message.contains("nonce too low") || message.contains("underpriced")) return;
      throw new NodeError(r.getError().getMessage());
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
    scheduler.shutdownNow();
  }

  private <T extends Response<?>> T send(Request<?, T> request) {
    try {
      return request.send();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach " + url + ": " + e.getMessage(), e);
    }
  }

  private static <T extends Response<?>> T ok(T response) {
    if (response.hasError()) throw new NodeError(response.getError().getMessage());
    return response;
  }
}
