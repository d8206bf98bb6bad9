package io.bhkr.chain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bridge's outbound transactions: those waiting to be sent, the one on its way (signed, with
 * every signed attempt of its nonce), and what became of each id. One transaction is in flight at
 * a time, so nonces are used in order and never left with a gap. Immutable; the bridge's events
 * drive it, and {@link #track} decides from what the chain shows. Pure.
 *
 * @param nextNonce the nonce the next transaction gets; null until read from the chain once
 */
public record TransactionOutbox(
    List<ChainTransaction> queued,
    InFlight inFlight,
    Map<String, Outcome> outcomes,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nextNonce) implements JsonSerializable {

  /** One signed version of the transaction in flight; a re-priced one has the same nonce. */
  public record Attempt(
      String hash,
      String raw,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger maxFeePerGas,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger maxPriorityFeePerGas,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger gasLimit) implements JsonSerializable {}

  public record InFlight(
      ChainTransaction tx,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce,
      List<Attempt> attempts) implements JsonSerializable {
    public InFlight {
      attempts = List.copyOf(attempts);
    }

    @JsonIgnore
    public Attempt latest() {
      return attempts.get(attempts.size() - 1);
    }
  }

  public enum Status {
    /** Mined with success and confirmed. */
    MINED,
    /** Mined, confirmed, and reverted: the nonce is spent, the call had no effect. */
    REVERTED,
    /** Never sent: the call would revert (seen when estimating gas); no nonce used. */
    REJECTED
  }

  public record Outcome(String id, Status status, String hash, long blockNumber, String note) implements JsonSerializable {}

  /** A receipt the node returned for one of the attempts. */
  public record ReceiptSeen(String hash, long blockNumber, String blockHash, boolean succeeded) implements JsonSerializable {}

  public sealed interface Tracking {}

  /** One attempt is mined and confirmed: the transaction is done. */
  public record Confirmed(Outcome outcome) implements Tracking {}

  /** Mined but not yet confirmed, or not mined yet: keep watching (and re-broadcasting). */
  public record Waiting() implements Tracking {}

  /**
   * The nonce is used on chain by a transaction that is none of ours (the key signed elsewhere):
   * ours can never be mined, so it goes back to the queue for a fresh nonce.
   */
  public record NonceTaken(BigInteger nextNonce) implements Tracking {}

  public TransactionOutbox {
    queued = List.copyOf(queued);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
  }

  public static TransactionOutbox empty() {
    return new TransactionOutbox(List.of(), null, Map.of(), null);
  }

  /** Whether this id was ever submitted (queued, in flight or finished). */
  public boolean knows(String id) {
    return outcomes.containsKey(id) || (inFlight != null && inFlight.tx().id().equals(id))
        || queued.stream().anyMatch(t -> t.id().equals(id));
  }

  public Optional<ChainTransaction> nextToSend() {
    return inFlight == null && !queued.isEmpty() ? Optional.of(queued.get(0)) : Optional.empty();
  }

  public TransactionOutbox requested(ChainTransaction tx) {
    if (knows(tx.id())) return this;
    List<ChainTransaction> q = new ArrayList<>(queued);
    q.add(tx);
    return new TransactionOutbox(q, inFlight, outcomes, nextNonce);
  }

  public TransactionOutbox signed(String id, BigInteger nonce, Attempt attempt) {
    if (inFlight != null || queued.isEmpty() || !queued.get(0).id().equals(id))
      throw new IllegalStateException("only the head of the queue is signed, and only with nothing in flight: " + id);
    return new TransactionOutbox(queued.subList(1, queued.size()), new InFlight(queued.get(0), nonce, List.of(attempt)),
        outcomes, nonce.add(BigInteger.ONE));
  }

  public TransactionOutbox repriced(String id, Attempt attempt) {
    requireInFlight(id);
    List<Attempt> a = new ArrayList<>(inFlight.attempts());
    a.add(attempt);
    return new TransactionOutbox(queued, new InFlight(inFlight.tx(), inFlight.nonce(), a), outcomes, nextNonce);
  }

  public TransactionOutbox finished(Outcome outcome) {
    Map<String, Outcome> o = new LinkedHashMap<>(outcomes);
    o.put(outcome.id(), outcome);
    if (outcome.status() == Status.REJECTED) {
      if (queued.isEmpty() || !queued.get(0).id().equals(outcome.id())) throw new IllegalStateException("not queued first: " + outcome.id());
      return new TransactionOutbox(queued.subList(1, queued.size()), inFlight, o, nextNonce);
    }
    requireInFlight(outcome.id());
    return new TransactionOutbox(queued, null, o, nextNonce);
  }

  public TransactionOutbox nonceTaken(String id, BigInteger next) {
    requireInFlight(id);
    List<ChainTransaction> q = new ArrayList<>();
    q.add(inFlight.tx());
    q.addAll(queued);
    return new TransactionOutbox(q, null, outcomes, next);
  }

  /**
   * What became of the transaction in flight, from the receipts the node has for its attempts,
   * the head, and the sender's mined nonce count. An attempt counts once its block is
   * {@code confirmations} deep, like an inbound log. {@code minedNonces} must be read before the
   * receipts, so that a transaction mined in between shows as "waiting", never as "taken".
   */
  public static Tracking track(InFlight f, List<ReceiptSeen> receipts, long head, BigInteger minedNonces, int confirmations) {
    for (ReceiptSeen r : receipts) {
      boolean ours = f.attempts().stream().anyMatch(a -> a.hash().equalsIgnoreCase(r.hash()));
      if (!ours) continue;
      if (head - r.blockNumber() < confirmations) return new Waiting();
      return new Confirmed(new Outcome(f.tx().id(), r.succeeded() ? Status.MINED : Status.REVERTED, r.hash().toLowerCase(),
          r.blockNumber(), r.succeeded() ? "" : "reverted on chain"));
    }
    // No receipt for any attempt, yet the chain has mined a transaction with this nonce:
    // it was not one of ours, so ours can never be mined.
    if (minedNonces.compareTo(f.nonce()) > 0) return new NonceTaken(minedNonces);
    return new Waiting();
  }

  private void requireInFlight(String id) {
    if (inFlight == null || !inFlight.tx().id().equals(id)) throw new IllegalStateException("not in flight: " + id);
  }
}
