package io.bhkr.account;

import io.bhkr.account.AccountEntity.DepositReceived;
import io.bhkr.account.AccountEntity.PayoutReserved;
import io.bhkr.account.AccountEntity.PayoutWithdrawn;
import io.bhkr.account.AccountEntity.WithdrawalAuthorized;
import io.bhkr.account.AccountEntity.WithdrawalExpired;
import io.bhkr.account.AccountEntity.WithdrawalPaid;
import io.bhkr.money.Balances;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Seen;

/**
 * What an account holds: its balances per asset, the dispatches it sent that their receivers have
 * not yet confirmed, the ids it has seen, and its vault withdrawals and chain payouts in progress.
 * It only applies events; {@link AccountDecisions} decides them.
 */
public record AccountState(Balances balances, Outbox outbox, Seen seen, VaultWithdrawals withdrawals, Payouts payouts) implements JsonSerializable {
  public AccountState {
    if (withdrawals == null) withdrawals = VaultWithdrawals.none(); // snapshots from before withdrawals existed
    if (payouts == null) payouts = Payouts.none(); // nor payouts
  }

  AccountState with(Balances b, Outbox o, Seen sn, VaultWithdrawals w) {
    return new AccountState(b, o, sn, w, payouts);
  }

  AccountState with(Balances b, Payouts p) {
    return new AccountState(b, outbox, seen, withdrawals, p);
  }

  /** An account that has seen nothing. */
  public static AccountState empty() {
    return new AccountState(Balances.empty(), Outbox.empty(), Seen.none(), VaultWithdrawals.none(), Payouts.none());
  }

  /** This account after {@code event}: the entity's event handler, and what replay and time travel fold with. */
  public AccountState apply(DomainEvent event) {
    AccountState s = this;
    if (event instanceof DepositReceived e)
      return s.with(s.balances().credit(e.amount()), s.outbox(), s.seen().with(e.depositId()), s.withdrawals());
    if (event instanceof DispatchSent e)
      return s.with(s.balances().debit(e.dispatch().value().orElseThrow()), s.outbox().add(e.dispatch()),
          s.seen().with(e.dispatch().id()), s.withdrawals());
    if (event instanceof DispatchConfirmed e) return s.with(s.balances(), s.outbox().confirm(e.dispatchId()), s.seen(), s.withdrawals());
    if (event instanceof DispatchesConfirmed e)
      return e.confirmEach(s, (x, id) -> x.with(x.balances(), x.outbox().confirm(id), x.seen(), x.withdrawals()));
    if (event instanceof DispatchReceived e)
      return s.with(s.balances().credit(e.dispatch().value().orElseThrow()), s.outbox(), s.seen().with(e.dispatch().id()), s.withdrawals());
    if (event instanceof WithdrawalAuthorized e)
      return s.with(s.balances().debit(e.withdrawal().amount()), s.outbox(), s.seen(), s.withdrawals().authorized(e.withdrawal()));
    if (event instanceof WithdrawalPaid e) return s.with(s.balances(), s.outbox(), s.seen(), s.withdrawals().closed(e.nonce()));
    if (event instanceof WithdrawalExpired e)
      return s.with(s.balances().credit(e.amount()), s.outbox(), s.seen(), s.withdrawals().closed(e.nonce()));
    if (event instanceof PayoutReserved e) return s.with(s.balances().debit(e.payout().amount()), s.payouts().reserved(e.payout()));
    if (event instanceof PayoutWithdrawn e) return s.with(s.balances(), s.payouts().withdrawn(e.number()));
    throw new IllegalStateException("an account cannot apply " + event.getClass().getName());
  }
}
