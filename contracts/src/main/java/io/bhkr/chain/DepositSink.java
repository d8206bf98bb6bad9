package io.bhkr.chain;

import akka.Done;
import io.bhkr.money.Amount;
import java.util.concurrent.CompletionStage;

/**
 * Where confirmed chain deposits enter the market: completes once the account has applied the
 * deposit (or had already applied it: the id makes it idempotent).
 */
@FunctionalInterface
public interface DepositSink {
  CompletionStage<Done> deposit(String depositId, String account, Amount amount);

  /**
   * A project's profit deposited on chain: credited to the depositor's account and paid on into the
   * project as its profit, in one write; completes once applied (idempotent by the deposit's id).
   */
  default CompletionStage<Done> depositProfit(ChainDeposit d) {
    return deposit(d.depositId(), d.account(), d.amount());
  }

  /**
   * Tells the account that its vault withdrawal under {@code nonce} was paid on chain, or expired
   * unused ({@code paid = false}); completes once applied (idempotent by nonce).
   */
  default CompletionStage<Done> settleWithdrawal(String account, long nonce, boolean paid) {
    return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("this sink takes deposits only"));
  }

  /** Tells the account that its payout under {@code number} left the market (its epoch is funded); idempotent by number. */
  default CompletionStage<Done> settlePayout(String account, long number) {
    return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("this sink takes deposits only"));
  }

  /** Tells a micro-pool whose principal is on chain what its contract's confirmed log says; completes once recorded (idempotent by the fact's id). */
  default CompletionStage<Done> recordPoolFact(String poolId, io.bhkr.micropool.ChainPoolFact fact) {
    return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("this sink takes deposits only"));
  }
}
