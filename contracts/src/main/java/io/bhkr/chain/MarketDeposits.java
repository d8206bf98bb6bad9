package io.bhkr.chain;

import akka.Done;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Credits chain deposits to the market's sharded accounts with {@link AccountEntity.Deposit}. */
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
}
