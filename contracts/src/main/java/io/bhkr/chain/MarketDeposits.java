package io.bhkr.chain;

import akka.Done;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.micropool.ChainPoolFact;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.money.Amount;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Credits chain deposits to the market's sharded accounts, settles their vault withdrawals, counts their payouts withdrawn,
 * and tells micro-pools what their contracts' logs say.
 */
public final class MarketDeposits implements DepositSink {

  private final Market market;
  private final Duration timeout;

  public MarketDeposits(Market market, Duration timeout) {
    this.market = market;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<Done> deposit(String depositId, String account, Amount amount) {
    return market.account(account).ask(r -> new AccountEntity.Deposit(depositId, amount, r), timeout);
  }

  @Override
  public CompletionStage<Done> settleWithdrawal(String account, long nonce, boolean paid) {
    return market.account(account).ask(r -> new AccountEntity.SettleWithdrawal(nonce, paid, r), timeout);
  }

  @Override
  public CompletionStage<Done> recordPoolFact(String poolId, ChainPoolFact fact) {
    return market.microPool(poolId).ask(r -> new MicroPoolEntity.RecordChainFact(fact, r), timeout);
  }

  @Override
  public CompletionStage<Done> settlePayout(String account, long number) {
    return market.account(account).ask(r -> new AccountEntity.SettlePayout(number, r), timeout);
  }
}
