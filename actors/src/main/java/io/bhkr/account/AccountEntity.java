package io.bhkr.account;

import akka.Done;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
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
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchRoute;
import io.bhkr.transfer.OutboxEntity;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
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
    extends OutboxEntity<AccountEntity.Command, AccountState> {

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

  /**
   * What the API shows: balances, value sent but not yet confirmed by its receiver, and vault
   * withdrawals signed but not yet paid or expired.
   */
  public record AccountView(String address, Balances balances, Map<Asset, BigInteger> inFlight, VaultWithdrawals withdrawals,
      Payouts payouts) implements JsonSerializable {}

  public static Behavior<Command> create(String address, DispatchRoute route, Duration redelivery) {
    return withCourier(route, redelivery, Confirm::new, new RedeliveryDue(), (timers, courier) -> new AccountEntity(address, courier));
  }

  private final String address;
  private final Party self;

  private AccountEntity(String address, Courier<Command> courier) {
    super(PersistenceId.of(TYPE_KEY.name(), address), TAG, courier, AccountState::outbox);
    this.address = address;
    this.self = Party.account(address);
  }

  @Override
  public AccountState emptyState() {
    return empty();
  }

  /** An account that has seen nothing. */
  public static AccountState empty() {
    return AccountState.empty();
  }

  @Override
  public CommandHandlerWithReply<Command, DomainEvent, AccountState> commandHandler() {
    return outboxCommands(Confirm.class, Confirm::receipt, RedeliveryDue.class)
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
        .build();
  }

  private ReplyEffect<DomainEvent, AccountState> onDeposit(AccountState s, Deposit c) {
    return persistAndSend(AccountDecisions.deposit(s, c.depositId(), c.amount())).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, AccountState> onDepositAndPay(AccountState s, DepositAndPay c) {
    return persistAndSend(AccountDecisions.depositAndPay(s, self, c.depositId(), c.amount(), c.payment()))
        .thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, AccountState> onSend(AccountState s, Send c) {
    Dispatch d = c.dispatch();
    if (s.seen().contains(d.id())) return Effect().reply(c.replyTo(), new Accepted(d.id()));
    String refusal = AccountDecisions.sendRefusal(s, self, d);
    if (refusal != null) return Effect().reply(c.replyTo(), new Refused(refusal));
    return persistAndSend(AccountDecisions.send(List.of(d))).thenReply(c.replyTo(), ns -> new Accepted(d.id()));
  }

  /** All or none, in one write; a retry of the same payments is answered from what was sent. */
  private ReplyEffect<DomainEvent, AccountState> onSendAll(AccountState s, SendAll c) {
    if (!c.dispatches().isEmpty() && s.seen().contains(c.dispatches().get(0).id()))
      return Effect().reply(c.replyTo(), new Accepted(c.dispatches().get(0).id()));
    String refusal = AccountDecisions.sendAllRefusal(s, self, c.dispatches());
    if (refusal != null) return Effect().reply(c.replyTo(), new Refused(refusal));
    return persistAndSend(AccountDecisions.send(c.dispatches())).thenReply(c.replyTo(), ns -> new Accepted(c.dispatches().get(0).id()));
  }

  private ReplyEffect<DomainEvent, AccountState> onAuthorizeWithdrawal(AccountState s, AuthorizeWithdrawal c) {
    String refusal = AccountDecisions.withdrawalRefusal(s, c.amount());
    if (refusal != null) return Effect().reply(c.replyTo(), new WithdrawalRefused(refusal));
    VaultWithdrawals.Pending w = AccountDecisions.withdrawal(s, c.amount(), c.to(), c.deadline());
    return Effect().persist(new WithdrawalAuthorized(w)).thenReply(c.replyTo(), ns -> new WithdrawalReserved(w));
  }

  private ReplyEffect<DomainEvent, AccountState> onSettleWithdrawal(AccountState s, SettleWithdrawal c) {
    return persistAndSend(AccountDecisions.settleWithdrawal(s, address, c.nonce(), c.paid())).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, AccountState> onReservePayout(AccountState s, ReservePayout c) {
    String refusal = AccountDecisions.payoutRefusal(s, c.amount());
    if (refusal != null) return Effect().reply(c.replyTo(), new PayoutRefused(refusal));
    Payouts.Reserved p = AccountDecisions.payout(s, c.amount(), c.at(), c.epochSeconds());
    return Effect().persist(new PayoutReserved(p)).thenReply(c.replyTo(), ns -> new PayoutAccepted(p));
  }

  private ReplyEffect<DomainEvent, AccountState> onSettlePayout(AccountState s, SettlePayout c) {
    return persistAndSend(AccountDecisions.settlePayout(s, address, c.number())).thenReply(c.replyTo(), ns -> Done.getInstance());
  }

  private ReplyEffect<DomainEvent, AccountState> onReceive(AccountState s, Receive c) {
    return persistAndSend(AccountDecisions.onArrival(s, c.dispatch())).thenReply(c.replyTo(), ns -> new Receipt(c.dispatch().id()));
  }

  @Override
  public EventHandler<AccountState, DomainEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(AccountEntity::apply);
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public static AccountState apply(AccountState s, DomainEvent event) {
    return s.apply(event);
  }

  private AccountView view(AccountState s) {
    return new AccountView(address, s.balances(), s.outbox().inFlight(), s.withdrawals(), s.payouts());
  }
}
