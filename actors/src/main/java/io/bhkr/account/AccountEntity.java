package io.bhkr.account;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.sharding.typed.javadsl.EntityTypeKey;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandlerWithReply;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.ReplyEffect;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Courier;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A participant's balances per asset. Value enters by external deposit and leaves only as a
 * dispatch this account persisted, so an account can never spend what it does not hold.
 */
public final class AccountEntity
    extends OutboxEntity<AccountEntity.Command, AccountEntity.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "Account");
  public static final String TAG = "account";

  public sealed interface Command extends JsonSerializable {}

  /** An external deposit (the development endpoint, or later the chain bridge), applied once per id. */
  public record Deposit(String depositId, Amount amount, ActorRef<Done> replyTo) implements Command {}

  /**
   * A chain deposit that carries its purpose: credited like a {@link Deposit} and, in the same
   * journal write, paid on as {@code payment} (from this account, of exactly the deposited value).
   * The chain bridge uses it for a project's profit deposited on chain: it goes into the project as
   * the completion endpoint would send it, and if the project does not take it, it comes back here.
   * Applied once per deposit id.
   */
  public record DepositAndPay(String depositId, Amount amount, Dispatch payment, ActorRef<Done> replyTo) implements Command {}

  /** Pays out of this account: any value-carrying dispatch whose sender is this account. */
  public record Send(Dispatch dispatch, ActorRef<SendResult> replyTo) implements Command {}

  /**
   * Pays several dispatches in one journal write, all or none: a micro-pool stake and its fee
   * leave together, so a fee is never charged for a stake that was not sent.
   */
  public record SendAll(List<Dispatch> dispatches, ActorRef<SendResult> replyTo) implements Command {}

  public record Receive(Dispatch dispatch, ActorRef<Receipt> replyTo) implements Command {}

  public record Get(ActorRef<AccountView> replyTo) implements Command {}

  /**
   * Chain mode: reserve {@code amount} for a vault withdrawal to {@code to} valid until
   * {@code deadline} (unix seconds), under the account's next vault nonce, which the reply names.
   */
  public record AuthorizeWithdrawal(Amount amount, String to, long deadline, ActorRef<WithdrawalResult> replyTo) implements Command {}

  /**
   * The chain bridge's verdict on a withdrawal: the vault paid it ({@code paid}), or its deadline
   * passed with the nonce unused (the reserve goes back). Applied once; later ones change nothing.
   */
  public record SettleWithdrawal(long nonce, boolean paid, ActorRef<Done> replyTo) implements Command {}

  /**
   * Chain mode: reserve {@code amount} (ETH or BHKR) as a payout to chain in the payout epoch open
   * at {@code at} (the request's time) for epochs of {@code epochSeconds} (PayoutEpochRule); the
   * reply names the payout's number and epoch.
   */
  public record ReservePayout(Amount amount, long at, long epochSeconds, ActorRef<PayoutResult> replyTo) implements Command {}

  /**
   * The node's report that the payout's epoch is anchored and funded on chain: the reserve left
   * the market. Applied once; later ones change nothing.
   */
  public record SettlePayout(long number, ActorRef<Done> replyTo) implements Command {}

  record Confirm(Receipt receipt) implements Command {}

  record RedeliveryDue() implements Command {}

  public sealed interface SendResult extends JsonSerializable {}

  public record Accepted(String dispatchId) implements SendResult {}

  public record Refused(String reason) implements SendResult {}

  public sealed interface WithdrawalResult extends JsonSerializable {}

  public record WithdrawalReserved(VaultWithdrawals.Pending withdrawal) implements WithdrawalResult {}

  public record WithdrawalRefused(String reason) implements WithdrawalResult {}

  public sealed interface PayoutResult extends JsonSerializable {}

  public record PayoutAccepted(Payouts.Reserved payout) implements PayoutResult {}

  public record PayoutRefused(String reason) implements PayoutResult {}

  /** Value reserved as a payout to chain: it leaves the balance but stays with the account. */
  public record PayoutReserved(Payouts.Reserved payout) implements AccountEvents {}

  /** The payout's epoch is anchored and funded: the value left the market, claimable on chain. */
  public record PayoutWithdrawn(long number, Amount amount, String payoutId) implements AccountEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.WITHDRAWN, payoutId, amount));
    }
  }

  /** Value reserved for a vault withdrawal: it leaves the balance but stays with the account. */
  public record WithdrawalAuthorized(VaultWithdrawals.Pending withdrawal) implements AccountEvents {}

  /** The vault paid the withdrawal on chain: the value left the market. */
  public record WithdrawalPaid(long nonce, Amount amount, String withdrawalId) implements AccountEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.WITHDRAWN, withdrawalId, amount));
    }
  }

  /** The deadline passed and the vault never paid: the reserve is back in the balance. */
  public record WithdrawalExpired(long nonce, Amount amount) implements AccountEvents {}

  /** A deposit came into the market for this account (from the vault in chain mode, from the operator in development), credited once per `depositId`. */
  public record DepositReceived(String depositId, Amount amount) implements AccountEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.DEPOSITED, depositId, amount));
    }
  }

  public record State(Balances balances, Outbox outbox, Seen seen, VaultWithdrawals withdrawals, Payouts payouts) implements JsonSerializable {
    public State {
      if (withdrawals == null) withdrawals = VaultWithdrawals.none(); // snapshots from before withdrawals existed
      if (payouts == null) payouts = Payouts.none(); // nor payouts
    }

    State with(Balances b, Outbox o, Seen sn, VaultWithdrawals w) {
      return new State(b, o, sn, w, payouts);
    }

    State with(Balances b, Payouts p) {
      return new State(b, outbox, seen, withdrawals, p);
    }
  }

  /**
   * What the API shows: balances, value sent but not yet confirmed by its receiver, and vault
   * withdrawals signed but not yet paid or expired.
   */
  public record AccountView(String address, Balances balances, Map<Asset, BigInteger> inFlight, VaultWithdrawals withdrawals,
      Payouts payouts) implements JsonSerializable {}

  public static Behavior<Command> create(String address, DispatchRoute route, Duration redelivery) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new AccountEntity(address,
        new Courier<>(ctx, timers, route, Confirm::new, new RedeliveryDue(), redelivery))));
  }

  private final String address;
  private final Party self;

  private AccountEntity(String address, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), address), TAG, courier, State::outbox);
    this.address = address;
    this.self = Party.account(address);
  }

  @Override
  public State emptyState() {
    return empty();
  }

  /** An account that has seen nothing. */
  public static State empty() {
    return new State(Balances.empty(), Outbox.empty(), Seen.none(), VaultWithdrawals.none(), Payouts.none());
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, State> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Deposit.class, this::onDeposit)
        .onCommand(DepositAndPay.class, this::onDepositAndPay)
        .onCommand(Send.class, this::onSend)
        .onCommand(SendAll.class, this::onSendAll)
        .onCommand(Receive.class, this::onReceive)
        .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), view(s)))
        .onCommand(AuthorizeWithdrawal.class, this::onAuthorizeWithdrawal)
        .onCommand(SettleWithdrawal.class, this::onSettleWithdrawal)
        .onCommand(ReservePayout.class, this::onReservePayout)
        .onCommand(SettlePayout.class, this::onSettlePayout)
        .onCommand(Confirm.class, (s, c) -> onReceipt(s, c.receipt()))
        .onCommand(RedeliveryDue.class, (s, c) -> onRedeliveryDue(s))
        .build();
  }

  private ReplyEffect<DomainEvent, State> onDeposit(State s, Deposit c) {
    if (s.seen().contains(c.depositId())) return Effect().reply(c.replyTo(), Done.getInstance());
    return Effect().persist(new DepositReceived(c.depositId(), c.amount())).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, State> onDepositAndPay(State s, DepositAndPay c) {
    if (s.seen().contains(c.depositId())) return Effect().reply(c.replyTo(), Done.getInstance());
    Dispatch d = c.payment();
    DepositReceived deposit = new DepositReceived(c.depositId(), c.amount());
    // a payment that is not exactly this deposit from this account is not made: the deposit alone is credited
    if (!d.from().equals(self) || !d.value().equals(java.util.Optional.of(c.amount())) || s.seen().contains(d.id()))
      return Effect().persist(deposit).thenReply(c.replyTo(), ns -> Done.getInstance());
    return Effect().persist(List.of(deposit, new DispatchSent(d)))
        .thenRun(ns -> courier.send(List.of(d)))
        .thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, State> onSend(State s, Send c) {
    Dispatch d = c.dispatch();
    if (s.seen().contains(d.id())) return Effect().reply(c.replyTo(), new Accepted(d.id()));
    if (!d.from().equals(self)) return Effect().reply(c.replyTo(), new Refused("the payer is " + d.from() + ", not this account"));
    if (d.value().isEmpty()) return Effect().reply(c.replyTo(), new Refused("an account only sends value"));
    Amount value = d.value().get();
    if (!s.balances().covers(value))
      return Effect().reply(c.replyTo(), new Refused("insufficient " + value.asset() + ": the account holds "
          + s.balances().of(value.asset()).amount() + " base units and needs " + value.amount()));
    return Effect().persist(new DispatchSent(d))
        .thenRun(ns -> courier.send(List.of(d)))
        .thenReply(c.replyTo(), ns -> new Accepted(d.id()));
  }

  private ReplyEffect<DomainEvent, State> onSendAll(State s, SendAll c) {
    if (c.dispatches().isEmpty()) return Effect().reply(c.replyTo(), new Refused("nothing to send"));
    String first = c.dispatches().get(0).id();
    if (s.seen().contains(first)) return Effect().reply(c.replyTo(), new Accepted(first));
    Balances left = s.balances();
    for (Dispatch d : c.dispatches()) {
      if (!d.from().equals(self) || d.value().isEmpty() || s.seen().contains(d.id()))
        return Effect().reply(c.replyTo(), new Refused("dispatch " + d.id() + " is not a new payment by this account"));
      Amount value = d.value().get();
      if (!left.covers(value))
        return Effect().reply(c.replyTo(), new Refused("insufficient " + value.asset() + ": the account holds "
            + s.balances().of(value.asset()).amount() + " base units and needs more"));
      left = left.debit(value);
    }
    List<DomainEvent> events = c.dispatches().stream().<DomainEvent>map(DispatchSent::new).toList();
    return Effect().persist(events)
        .thenRun(ns -> courier.send(c.dispatches()))
        .thenReply(c.replyTo(), ns -> new Accepted(first));
  }

  private ReplyEffect<DomainEvent, State> onAuthorizeWithdrawal(State s, AuthorizeWithdrawal c) {
    if (c.amount().amount().signum() <= 0) return Effect().reply(c.replyTo(), new WithdrawalRefused("the amount must be positive"));
    if (!s.balances().covers(c.amount()))
      return Effect().reply(c.replyTo(), new WithdrawalRefused("insufficient " + c.amount().asset() + ": the account holds "
          + s.balances().of(c.amount().asset()).amount() + " base units and needs " + c.amount().amount()));
    VaultWithdrawals.Pending w = new VaultWithdrawals.Pending(s.withdrawals().nextNonce(), c.amount(), c.to(), c.deadline());
    return Effect().persist(new WithdrawalAuthorized(w)).thenReply(c.replyTo(), ns -> new WithdrawalReserved(w));
  }

  private ReplyEffect<DomainEvent, State> onSettleWithdrawal(State s, SettleWithdrawal c) {
    VaultWithdrawals.Pending w = s.withdrawals().pending().get(c.nonce());
    if (w == null) return Effect().reply(c.replyTo(), Done.getInstance());
    DomainEvent settled = c.paid() ? new WithdrawalPaid(w.nonce(), w.amount(), "vault-withdrawal:" + address + ":" + w.nonce())
        : new WithdrawalExpired(w.nonce(), w.amount());
    return Effect().persist(settled).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, State> onReservePayout(State s, ReservePayout c) {
    if (c.amount().amount().signum() <= 0) return Effect().reply(c.replyTo(), new PayoutRefused("the amount must be positive"));
    if (c.amount().asset() == Asset.AETH) return Effect().reply(c.replyTo(), new PayoutRefused("only ETH and BHKR are paid out on chain"));
    if (!s.balances().covers(c.amount()))
      return Effect().reply(c.replyTo(), new PayoutRefused("insufficient " + c.amount().asset() + ": the account holds "
          + s.balances().of(c.amount().asset()).amount() + " base units and needs " + c.amount().amount()));
    long epoch = io.bhkr.rules.PayoutEpochRule.epochOf(c.at(), c.epochSeconds(), c.amount().asset());
    Payouts.Reserved p = new Payouts.Reserved(s.payouts().next(), epoch, c.amount());
    return Effect().persist(new PayoutReserved(p)).thenReply(c.replyTo(), ns -> new PayoutAccepted(p));
  }

  private ReplyEffect<DomainEvent, State> onSettlePayout(State s, SettlePayout c) {
    Payouts.Reserved p = s.payouts().pending().get(c.number());
    if (p == null) return Effect().reply(c.replyTo(), Done.getInstance());
    return Effect().persist(new PayoutWithdrawn(p.number(), p.amount(), "payout:" + address + ":" + p.number()))
        .thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, State> onReceive(State s, Receive c) {
    Dispatch d = c.dispatch();
    Receipt receipt = new Receipt(d.id());
    // An account only holds value; a notice addressed to it has nothing to change.
    if (s.seen().contains(d.id()) || d.value().isEmpty()) return Effect().reply(c.replyTo(), receipt);
    return Effect().persist(new DispatchReceived(d)).thenReply(c.replyTo(), ns -> receipt);
  }

  @Override
  public EventHandler<State, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AccountEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static State apply(State s, DomainEvent event) {
    if (event instanceof DepositReceived e)
      return s.with(s.balances().credit(e.amount()), s.outbox(), s.seen().with(e.depositId()), s.withdrawals());
    if (event instanceof DispatchSent e)
      return s.with(s.balances().debit(e.dispatch().value().orElseThrow()), s.outbox().add(e.dispatch()),
          s.seen().with(e.dispatch().id()), s.withdrawals());
    if (event instanceof DispatchConfirmed e) return s.with(s.balances(), s.outbox().confirm(e.dispatchId()), s.seen(), s.withdrawals());
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




  private AccountView view(State s) {
    return new AccountView(address, s.balances(), s.outbox().inFlight(), s.withdrawals(), s.payouts());
  }
}
