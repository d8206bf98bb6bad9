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
}
