package io.bhkr.chain;

import akka.Done;
import io.bhkr.account.AccountEntity;
import io.bhkr.market.Market;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
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

  /** The profit goes on into the project as the completion endpoint sends it; a project id no entity could have is only credited. */
  @Override
  public CompletionStage<Done> depositProfit(ChainDeposit d) {
    if (d.projectId() == null || !d.projectId().matches("[A-Za-z0-9_-]{1,64}")) return deposit(d.depositId(), d.account(), d.amount());
    Transfer profit = Transfer.of(d.depositId() + ":profit", Party.account(d.account()), Party.project(d.projectId()), d.amount(), Purpose.PROFIT, d.at());
    return market.account(d.account()).ask(r -> new AccountEntity.DepositAndPay(d.depositId(), d.amount(), profit, r), timeout);
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
