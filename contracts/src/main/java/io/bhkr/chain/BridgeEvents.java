package io.bhkr.chain;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.bhkr.serialization.DomainEvent;
import java.math.BigInteger;
import java.util.List;

/** The facts of the chain bridge's journal: what it read from the chain, what it was asked to send, and what became of it. */
public final class BridgeEvents {

  private BridgeEvents() {}

  /**
   * Blocks after {@code from} up to {@code to} are confirmed and read; these deposits, vault
   * withdrawals and logs of followed micro-pools were in them (the last two are null in events from
   * before they existed).
   */
  public record BlocksConfirmed(BlockHeader from, BlockHeader to, List<ChainDeposit> deposits, List<ChainWithdrawal> withdrawals,
      List<MicroPoolLog> poolLogs) implements DomainEvent {}

  /** The bridge follows this micro-pool contract's logs for the pool from now on; the opening transaction follows. */
  public record MicroPoolFollowed(String contract, String poolId) implements DomainEvent {}

  /** The pool recorded this log. */
  public record PoolLogRecorded(String logId) implements DomainEvent {}

  /** The bridge watches a vault withdrawal the node authorized, until the vault pays it or its deadline passes. */
  public record WithdrawalWatched(WithdrawalWatch.Watched withdrawal) implements DomainEvent {}

  /** A confirmed block is past the deadline and the nonce is unused: the vault can never pay it now. */
  public record WithdrawalExpired(String key) implements DomainEvent {}

  /** Past the deadline with the nonce used: its Withdrawn log was read already; nothing left to watch. */
  public record WithdrawalUnwatched(String key) implements DomainEvent {}

  /** The account applied the settlement. */
  public record WithdrawalSettled(String key) implements DomainEvent {}

  /** The account applied this deposit. */
  public record DepositCredited(String depositId) implements DomainEvent {}

  /** The cursor's block was re-orged away (deeper than the confirmations): inbound stops. */
  public record ReorgBeyondConfirmations(BlockHeader cursor, BlockHeader successor) implements DomainEvent {}

  /** A transaction for the chain entered the outbox (a qualification, a failure record, a settlement root, an epoch funding, a pool opening). */
  public record TransactionRequested(ChainTransaction tx) implements DomainEvent {}

  /** An outbox transaction was signed with its nonce and sent. */
  public record TransactionSigned(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce,
      TransactionOutbox.Attempt attempt) implements DomainEvent {}

  /** An outbox transaction was signed again with a higher gas price under the same nonce. */
  public record TransactionRepriced(String id, TransactionOutbox.Attempt attempt) implements DomainEvent {}

  /** An outbox transaction ended: mined with its receipt, or given up, with the reason. */
  public record TransactionFinished(TransactionOutbox.Outcome outcome) implements DomainEvent {}

  /** The bridge took the next account nonce for an outbox transaction. */
  public record NonceTaken(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nextNonce) implements DomainEvent {}
}
