package io.bhkr.account;

import io.bhkr.account.AccountEntity.DepositReceived;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.rules.PayoutEpochRule;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import java.util.List;
import java.util.Optional;

/**
 * What an account decides, as pure functions of its state and a command or an arrival: the events
 * to persist in one write, or why a command is refused. An account never spends what it does not
 * hold, and applies every deposit and dispatch id once. No actor, no clock.
 */
public final class AccountDecisions {

  private AccountDecisions() {}

  /** A deposit, credited once per id. */
  public static List<DomainEvent> deposit(AccountState s, String depositId, Amount amount) {
    return s.seen().contains(depositId) ? List.of() : List.of(new DepositReceived(depositId, amount));
  }

  /**
   * A deposit paid on in the same write; a payment that is not exactly this deposit from this
   * account is not made, and the deposit alone is credited.
   */
  public static List<DomainEvent> depositAndPay(AccountState s, Party self, String depositId, Amount amount, Dispatch payment) {
    if (s.seen().contains(depositId)) return List.of();
    DepositReceived deposit = new DepositReceived(depositId, amount);
    if (!payment.from().equals(self) || !payment.value().equals(Optional.of(amount)) || s.seen().contains(payment.id()))
      return List.of(deposit);
    return List.of(deposit, new DispatchSent(payment));
  }

  /** Why the account does not send {@code d}, or null (a dispatch already sent is the caller's to answer). */
  public static String sendRefusal(AccountState s, Party self, Dispatch d) {
    if (!d.from().equals(self)) return "the payer is " + d.from() + ", not this account";
    if (d.value().isEmpty()) return "an account only sends value";
    return shortfall(s.balances(), d.value().get());
  }

  /** Why the account does not send all of {@code ds} in one write, or null. */
  public static String sendAllRefusal(AccountState s, Party self, List<Dispatch> ds) {
    if (ds.isEmpty()) return "nothing to send";
    Balances left = s.balances();
    for (Dispatch d : ds) {
      if (!d.from().equals(self) || d.value().isEmpty() || s.seen().contains(d.id()))
        return "dispatch " + d.id() + " is not a new payment by this account";
      Amount value = d.value().get();
      if (!left.covers(value))
        return "insufficient " + value.asset() + ": the account holds " + s.balances().of(value.asset()).amount()
            + " base units and needs more";
      left = left.debit(value);
    }
    return null;
  }

  /** The dispatches sent, one event each. */
  public static List<DomainEvent> send(List<Dispatch> ds) {
    return ds.stream().<DomainEvent>map(DispatchSent::new).toList();
  }

  /** Why {@code amount} cannot be reserved for a vault withdrawal, or null. */
  public static String withdrawalRefusal(AccountState s, Amount amount) {
    if (amount.amount().signum() <= 0) return "the amount must be positive";
    return shortfall(s.balances(), amount);
  }

  /** The vault withdrawal reserved under the account's next nonce. */
  public static VaultWithdrawals.Pending withdrawal(AccountState s, Amount amount, String to, long deadline) {
    return new VaultWithdrawals.Pending(s.withdrawals().nextNonce(), amount, to, deadline);
  }

  /** A pending vault withdrawal settled: paid on chain, or expired and credited back; none if it is not pending. */
  public static List<DomainEvent> settleWithdrawal(AccountState s, String address, long nonce, boolean paid) {
    VaultWithdrawals.Pending w = s.withdrawals().pending().get(nonce);
    if (w == null) return List.of();
    return List.of(paid ? new AccountEntity.WithdrawalPaid(w.nonce(), w.amount(), "vault-withdrawal:" + address + ":" + w.nonce())
        : new AccountEntity.WithdrawalExpired(w.nonce(), w.amount()));
  }

  /** Why {@code amount} cannot be reserved as a chain payout, or null. */
  public static String payoutRefusal(AccountState s, Amount amount) {
    if (amount.amount().signum() <= 0) return "the amount must be positive";
    if (amount.asset() == Asset.AETH) return "only ETH and BHKR are paid out on chain";
    return shortfall(s.balances(), amount);
  }

  /** The payout reserved in the epoch that {@code at} falls in (economics, payout epochs). */
  public static Payouts.Reserved payout(AccountState s, Amount amount, long at, long epochSeconds) {
    return new Payouts.Reserved(s.payouts().next(), PayoutEpochRule.epochOf(at, epochSeconds, amount.asset()), amount);
  }

  /** A reserved payout withdrawn on chain; none if it is not pending. */
  public static List<DomainEvent> settlePayout(AccountState s, String address, long number) {
    Payouts.Reserved p = s.payouts().pending().get(number);
    if (p == null) return List.of();
    return List.of(new AccountEntity.PayoutWithdrawn(p.number(), p.amount(), "payout:" + address + ":" + p.number()));
  }

  /** An account takes any value once; a notice addressed to it has nothing to change. */
  public static List<DomainEvent> onArrival(AccountState s, Dispatch d) {
    return s.seen().contains(d.id()) || d.value().isEmpty() ? List.of() : List.of(new DispatchReceived(d));
  }

  private static String shortfall(Balances balances, Amount needed) {
    if (balances.covers(needed)) return null;
    return "insufficient " + needed.asset() + ": the account holds " + balances.of(needed.asset()).amount() + " base units and needs "
        + needed.amount();
  }
}
