package io.bhkr.chain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import io.bhkr.bytes.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The input/output of one bridge round, run off the actor: it reads what the rules need from the
 * node and signs, but decides nothing and changes no state. The actor judges what it returns.
 */
final class BridgeRound {

  private final EthereumNode node;
  private final Credentials key;
  private final long chainId;
  private final ChainBridge.Settings settings;

  BridgeRound(EthereumNode node, Credentials key, long chainId, ChainBridge.Settings settings) {
    this.node = node;
    this.key = key;
    this.chainId = chainId;
    this.settings = settings;
  }

  String sender() {
    return key.getAddress().toLowerCase();
  }

  /**
   * Why the chain the node serves does not have the cursor's block, or null if it has it: its head
   * is behind the cursor (a chain reset, or a node far behind), or the block at the cursor's number
   * has another hash and too few blocks follow it for the range check to see it.
   */
  String cursorLost(BlockHeader cursor) {
    long head = node.head();
    if (head < cursor.number())
      return "the chain's head is block " + head + ", behind the bridge's cursor at block " + cursor.number()
          + " (was the chain reset, or is the node on another chain?)";
    // Enough blocks follow the cursor: the range check sees a replaced cursor block (a re-org deeper than the confirmations).
    if (cursor.hash() == null || ConfirmedRange.next(cursor, head, settings.confirmations(), settings.maxBlocksPerRound()).isPresent())
      return null;
    List<BlockHeader> at = node.headers(cursor.number(), cursor.number());
    BlockHeader found = at.isEmpty() ? null : at.get(0);
    if (found == null || found.hash() == null)
      return "the chain has no block " + cursor.number() + ", the bridge's cursor (was the chain reset?)";
    if (!found.hash().equalsIgnoreCase(cursor.hash()))
      return "block " + cursor.number() + " on the chain is " + found.hash() + ", not the cursor's " + cursor.hash()
          + " (was the chain reset, or is the node on another chain?)";
    return null;
  }

  /** The next confirmed range after {@code cursor} with its headers and the logs of {@code addresses}, or null when there is none yet. */
  ChainBridge.InboundObservation inbound(BlockHeader cursor, List<String> addresses) {
    long head = node.head();
    Optional<ConfirmedRange.Span> span = ConfirmedRange.next(cursor, head, settings.confirmations(), settings.maxBlocksPerRound());
    if (span.isEmpty()) return null;
    List<BlockHeader> headers = node.headers(span.get().from(), span.get().to());
    // Logs by block hash, not by number range: a range query racing a re-org could mix blocks of
    // two forks, or miss a log that only the new fork has, and no later check could tell.
    List<String> hashes = headers.stream().map(h -> h == null ? null : h.hash()).toList();
    List<ChainLog> logs = hashes.contains(null) ? List.of()
        : node.logsOfBlocks(hashes, addresses, ChainEvents.followedTopics());
    return new ChainBridge.InboundObservation(span.get(), head, headers, logs);
  }

  /**
   * Which watched withdrawals the cursor's block is past the deadline of, each with whether the
   * vault had used its nonce by that block. The cursor's block is confirmed, and the vault pays
   * only while {@code block.timestamp <= deadline}: a nonce unused there stays unused for good,
   * and a nonce used there was paid in a block the bridge has already read.
   */
  Map<String, Boolean> pastDeadline(BlockHeader cursor, List<WithdrawalWatch.Watched> watched) {
    if (watched.isEmpty() || cursor.hash() == null) return Map.of();
    long time = node.timestamp(cursor.number());
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (WithdrawalWatch.Watched w : watched) {
      if (time <= w.deadline()) continue;
      String data = FunctionEncoder.encode(new Function("nonceUsed",
          List.<Type>of(new Address(w.account()), new Uint256(BigInteger.valueOf(w.nonce()))), List.of()));
      String answer = node.call(settings.contracts().vault(), data, cursor.number());
      out.put(w.key(), new BigInteger(answer.substring(2).isEmpty() ? "0" : answer.substring(2), 16).signum() != 0);
    }
    return out;
  }

  /** Signs the next queued transaction with the next nonce, or finds that it would revert. */
  ChainBridge.OutboundObservation prepare(ChainTransaction tx, BigInteger knownNonce) {
    BigInteger estimate;
    try {
      estimate = node.estimateGas(sender(), tx.to(), tx.data());
    } catch (EthereumNode.CallReverted e) {
      return new ChainBridge.Unsendable(tx.id(), e.getMessage());
    }
    BigInteger nonce = knownNonce != null ? knownNonce : node.nonce(sender(), true);
    GasSettings gas = settings.gas();
    BigInteger maxFee = gas.maxFeePerGas(node.baseFee());
    return new ChainBridge.Prepared(tx.id(), nonce, sign(tx, nonce, gas.gasLimit(estimate), maxFee, gas.maxPriorityFeePerGas().min(maxFee)));
  }

  /**
   * Looks for receipts of the attempts in flight. Without one it sends the latest attempt again
   * (a node that restarted may have lost it) and, when asked, signs a better-paid replacement.
   */
  ChainBridge.OutboundObservation track(TransactionOutbox.InFlight f, boolean wantReplacement) {
    // The nonce count first, the receipts after: read the other way round, a transaction mined
    // between the two reads would look like a nonce taken by a stranger, and be sent twice.
    BigInteger mined = node.nonce(sender(), false);
    List<TransactionOutbox.ReceiptSeen> receipts = new ArrayList<>();
    for (TransactionOutbox.Attempt a : f.attempts()) node.receipt(a.hash()).ifPresent(receipts::add);
    long head = node.head();
    TransactionOutbox.Attempt replacement = null;
    if (receipts.isEmpty() && mined.compareTo(f.nonce()) <= 0) {
      TransactionOutbox.Attempt latest = f.latest();
      if (wantReplacement) {
        BigInteger[] fees = settings.gas().bumped(latest.maxFeePerGas(), latest.maxPriorityFeePerGas());
        if (fees[0].compareTo(latest.maxFeePerGas()) > 0 && fees[1].compareTo(latest.maxPriorityFeePerGas()) > 0)
          replacement = sign(f.tx(), f.nonce(), latest.gasLimit(), fees[0], fees[1]);
      }
      if (replacement == null) node.broadcast(latest.raw());
    }
    return new ChainBridge.Tracked(f.tx().id(), receipts, head, mined, replacement);
  }

  void broadcast(TransactionOutbox.Attempt attempt) {
    node.broadcast(attempt.raw());
  }

  private TransactionOutbox.Attempt sign(ChainTransaction tx, BigInteger nonce, BigInteger gasLimit, BigInteger maxFee, BigInteger priority) {
    RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, gasLimit, tx.to(), BigInteger.ZERO, tx.data(), priority, maxFee);
    byte[] signed = TransactionEncoder.signMessage(raw, key);
    return new TransactionOutbox.Attempt(Hex.encode(Hash.sha3(signed)), Hex.encode(signed), maxFee, priority, gasLimit);
  }
}
