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

  public record TransactionRequested(ChainTransaction tx) implements DomainEvent {}

  public record TransactionSigned(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce,
      TransactionOutbox.Attempt attempt) implements DomainEvent {}

  public record TransactionRepriced(String id, TransactionOutbox.Attempt attempt) implements DomainEvent {}

  public record TransactionFinished(TransactionOutbox.Outcome outcome) implements DomainEvent {}

  public record NonceTaken(String id, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nonce,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger nextNonce) implements DomainEvent {}
}
