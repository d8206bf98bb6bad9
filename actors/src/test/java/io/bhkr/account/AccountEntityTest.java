package io.bhkr.account;

import static io.bhkr.testing.EntityTests.bhkr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.ProcessingSuccess;
import akka.persistence.testkit.WriteEvents;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountEntityTest {

  private static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static ActorTestKit testKit;
  private TestProbe<Delivery> deliveries;
  private EventSourcedBehaviorTestKit<AccountEntity.Command, DomainEvent, AccountState> account;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("AccountEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    deliveries = testKit.createTestProbe(Delivery.class);
    // a long redelivery interval: tests trigger redelivery by restarting
    account = EventSourcedBehaviorTestKit.create(testKit.system(),
        AccountEntity.create(ALICE, new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5)));
  }

  private Transfer pay(String id, long tokens) {
    return new Transfer(id, Party.account(ALICE), Party.REWARD_POOL, bhkr(tokens), Purpose.PAYMENT, "test payment", 0);
  }

  @Test
  void aDepositIsCreditedOncePerId() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    var again = account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    assertTrue(again.hasNoEvents());
    assertEquals(bhkr(100), again.state().balances().of(Asset.BHKR));
  }

  @Test
  void aDepositWithAPurposeIsCreditedAndPaidOnInOneWriteOnce() {
    Transfer profit = Transfer.of("chain:0xab:3:profit", Party.account(ALICE), Party.project("p-1"), bhkr(30), Purpose.PROFIT, 7);
    var first = account.<Done>runCommand(r -> new AccountEntity.DepositAndPay("chain:0xab:3", bhkr(30), profit, r));
    assertEquals(2, first.events().size(), "the deposit and the payment, in one write");
    assertInstanceOf(DispatchSent.class, first.events().get(1));
    assertEquals(bhkr(0), first.state().balances().of(Asset.BHKR));
    assertEquals("chain:0xab:3:profit", deliveries.receiveMessage().dispatch().id());
    assertTrue(account.<Done>runCommand(r -> new AccountEntity.DepositAndPay("chain:0xab:3", bhkr(30), profit, r)).hasNoEvents(),
        "the bridge delivers at least once");

    // a payment that is not this deposit's value is not made: the deposit alone is credited
    Transfer tooMuch = Transfer.of("chain:0xab:4:profit", Party.account(ALICE), Party.project("p-1"), bhkr(31), Purpose.PROFIT, 7);
    var partial = account.<Done>runCommand(r -> new AccountEntity.DepositAndPay("chain:0xab:4", bhkr(30), tooMuch, r));
    assertEquals(1, partial.events().size());
    assertEquals(bhkr(30), partial.state().balances().of(Asset.BHKR));
  }

  @Test
  void aPaymentBeyondTheBalanceIsRefusedAndChangesNothing() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(10), r));
    var result = account.<AccountEntity.SendResult>runCommand(r -> new AccountEntity.Send(pay("t-1", 11), r));
    assertInstanceOf(AccountEntity.Refused.class, result.reply());
    assertTrue(result.hasNoEvents());
    assertEquals(bhkr(10), result.state().balances().of(Asset.BHKR));
    deliveries.expectNoMessage(Duration.ofMillis(100));
  }

  @Test
  void aPaymentIsDebitedOnceSentUntilConfirmedAndResentAfterARestart() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    var sent = account.<AccountEntity.SendResult>runCommand(r -> new AccountEntity.Send(pay("t-1", 40), r));
    assertEquals(new AccountEntity.Accepted("t-1"), sent.reply());
    assertInstanceOf(DispatchSent.class, sent.event());
    assertEquals(bhkr(60), sent.state().balances().of(Asset.BHKR));
    assertEquals("t-1", deliveries.receiveMessage().dispatch().id());

    // the same payment asked for again (a retried request) is not debited twice
    var repeated = account.<AccountEntity.SendResult>runCommand(r -> new AccountEntity.Send(pay("t-1", 40), r));
    assertTrue(repeated.hasNoEvents());

    // not confirmed before a crash: the recovered entity sends it again
    var restarted = account.restart();
    assertEquals(bhkr(60), restarted.state().balances().of(Asset.BHKR));
    Delivery again = deliveries.receiveMessage();
    assertEquals("t-1", again.dispatch().id());
    again.confirm();
    deliveries.awaitAssert(Duration.ofSeconds(3), () -> {
      assertTrue(account.getState().outbox().isEmpty(), "the receipt empties the outbox");
      return null;
    });
    assertEquals(bhkr(60), account.restart().state().balances().of(Asset.BHKR));
    deliveries.expectNoMessage(Duration.ofMillis(200)); // confirmed: nothing is resent after recovery
  }

  @Test
  void receiptsThatArriveTogetherAreConfirmedInOneEventEachDispatchOnce() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    List<Dispatch> payments = List.of(pay("t-1", 1), pay("t-2", 1), pay("t-3", 1), pay("t-4", 1), pay("t-5", 1));
    account.<AccountEntity.SendResult>runCommand(r -> new AccountEntity.SendAll(payments, r));
    List<Delivery> delivered = deliveries.receiveSeveralMessages(5);
    // the journal holds the first confirmation's write until all five receipts are sent, so the
    // others surely arrive during that write (on a slow machine they otherwise might not): the
    // first is written alone, the other four as one
    CountDownLatch allSent = new CountDownLatch(1);
    account.persistenceTestKit().withPolicy((persistenceId, operation) -> {
      if (operation instanceof WriteEvents) awaitQuietly(allSent);
      return ProcessingSuccess.getInstance();
    });
    try {
      delivered.forEach(Delivery::confirm);
      allSent.countDown();
      deliveries.awaitAssert(Duration.ofSeconds(3), () -> {
        assertTrue(account.getState().outbox().isEmpty(), "the receipts empty the outbox");
        return null;
      });
    } finally {
      allSent.countDown();
      account.persistenceTestKit().resetPolicy();
    }

    List<String> confirmed = new ArrayList<>();
    int events = 0;
    for (Object e : account.persistenceTestKit().persistedInStorage("Account|" + ALICE)) {
      if (e instanceof DispatchConfirmed c) confirmed.add(c.dispatchId());
      if (e instanceof DispatchesConfirmed c) confirmed.addAll(c.dispatchIds());
      if (e instanceof DispatchConfirmed || e instanceof DispatchesConfirmed) events++;
    }
    assertEquals(List.of("t-1", "t-2", "t-3", "t-4", "t-5"), confirmed.stream().sorted().toList(), "each dispatch confirmed once");
    assertEquals(2, events, "five receipts arriving together: the first alone, the other four in one event");
    assertTrue(account.restart().state().outbox().isEmpty(), "the recovered outbox is empty too");
    deliveries.expectNoMessage(Duration.ofMillis(200)); // nothing is resent after recovery
  }

  @Test
  void anIncomingTransferIsCreditedOnceWhateverTheRedeliveries() {
    Transfer in = new Transfer("t-in", Party.project("p-1"), Party.account(ALICE), bhkr(7), Purpose.SETTLEMENT, "settlement", 0);
    var first = account.<io.bhkr.transfer.Receipt>runCommand(r -> new AccountEntity.Receive(in, r));
    var second = account.<io.bhkr.transfer.Receipt>runCommand(r -> new AccountEntity.Receive(in, r));
    assertEquals("t-in", second.reply().dispatchId());
    assertTrue(second.hasNoEvents());
    assertEquals(bhkr(7), first.state().balances().of(Asset.BHKR));
    assertEquals(bhkr(7), account.restart().state().balances().of(Asset.BHKR));
  }

  @Test
  void aVaultWithdrawalReservesItsValueUntilPaidOnceOrExpiredOnce() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    var refused = account.<AccountEntity.WithdrawalResult>runCommand(r -> new AccountEntity.AuthorizeWithdrawal(bhkr(101), ALICE, 50, r));
    assertInstanceOf(AccountEntity.WithdrawalRefused.class, refused.reply());
    assertTrue(refused.hasNoEvents());

    var first = account.<AccountEntity.WithdrawalResult>runCommand(r -> new AccountEntity.AuthorizeWithdrawal(bhkr(30), ALICE, 50, r));
    var second = account.<AccountEntity.WithdrawalResult>runCommand(r -> new AccountEntity.AuthorizeWithdrawal(bhkr(20), ALICE, 60, r));
    assertEquals(0, ((AccountEntity.WithdrawalReserved) first.reply()).withdrawal().nonce());
    assertEquals(1, ((AccountEntity.WithdrawalReserved) second.reply()).withdrawal().nonce());
    assertEquals(bhkr(50), second.state().balances().of(Asset.BHKR), "reserved, out of the balance");
    assertEquals(bhkr(50).amount(), second.state().withdrawals().reserved().get(Asset.BHKR));

    // nonce 0 is paid on chain: the value leaves the market (WITHDRAWN), once
    var paid = account.<Done>runCommand(r -> new AccountEntity.SettleWithdrawal(0, true, r));
    var paidEvent = assertInstanceOf(AccountEntity.WithdrawalPaid.class, paid.event());
    assertEquals(io.bhkr.transfer.ValueChange.Kind.WITHDRAWN, paidEvent.changes().get(0).kind());
    assertTrue(account.<Done>runCommand(r -> new AccountEntity.SettleWithdrawal(0, false, r)).hasNoEvents(), "settled already");
    // nonce 1 expires unused: the reserve comes back, once
    var expired = account.<Done>runCommand(r -> new AccountEntity.SettleWithdrawal(1, false, r));
    assertEquals(bhkr(70), expired.state().balances().of(Asset.BHKR));
    assertTrue(account.<Done>runCommand(r -> new AccountEntity.SettleWithdrawal(1, false, r)).hasNoEvents());
    var restarted = account.restart().state();
    assertEquals(bhkr(70), restarted.balances().of(Asset.BHKR));
    assertTrue(restarted.withdrawals().pending().isEmpty());
    assertEquals(2, restarted.withdrawals().nextNonce(), "a nonce is never given twice");
  }

  @Test
  void aPayoutReservesItsValueUntilItsEpochIsFundedAndLeavesOnce() {
    account.<Done>runCommand(r -> new AccountEntity.Deposit("d-1", bhkr(100), r));
    var refused = account.<AccountEntity.PayoutResult>runCommand(r -> new AccountEntity.ReservePayout(bhkr(101), 3 * 3_600 + 5, 3_600, r));
    assertInstanceOf(AccountEntity.PayoutRefused.class, refused.reply());
    assertTrue(refused.hasNoEvents());
    var aeth = account.<AccountEntity.PayoutResult>runCommand(r -> new AccountEntity.ReservePayout(new io.bhkr.money.Amount(Asset.AETH,
        java.math.BigInteger.ONE), 3 * 3_600 + 5, 3_600, r));
    assertInstanceOf(AccountEntity.PayoutRefused.class, aeth.reply());

    var first = account.<AccountEntity.PayoutResult>runCommand(r -> new AccountEntity.ReservePayout(bhkr(30), 3 * 3_600 + 5, 3_600, r));
    var second = account.<AccountEntity.PayoutResult>runCommand(r -> new AccountEntity.ReservePayout(bhkr(20), 3 * 3_600 + 5, 3_600, r));
    assertEquals(0, ((AccountEntity.PayoutAccepted) first.reply()).payout().number());
    assertEquals(1, ((AccountEntity.PayoutAccepted) second.reply()).payout().number());
    assertEquals(7, ((AccountEntity.PayoutAccepted) second.reply()).payout().epoch());
    assertEquals(bhkr(50), second.state().balances().of(Asset.BHKR), "reserved, out of the balance");
    assertEquals(bhkr(50).amount(), second.state().payouts().reservedPerAsset().get(Asset.BHKR));

    var settled = account.<Done>runCommand(r -> new AccountEntity.SettlePayout(0, r));
    var withdrawn = assertInstanceOf(AccountEntity.PayoutWithdrawn.class, settled.event());
    assertEquals(io.bhkr.transfer.ValueChange.Kind.WITHDRAWN, withdrawn.changes().get(0).kind());
    assertEquals(bhkr(30), withdrawn.changes().get(0).amount());
    assertTrue(account.<Done>runCommand(r -> new AccountEntity.SettlePayout(0, r)).hasNoEvents(), "withdrawn already");
    assertTrue(account.<Done>runCommand(r -> new AccountEntity.SettlePayout(9, r)).hasNoEvents(), "no such payout");
    var restarted = account.restart().state();
    assertEquals(bhkr(50), restarted.balances().of(Asset.BHKR));
    assertEquals(bhkr(20).amount(), restarted.payouts().reservedPerAsset().get(Asset.BHKR));
    assertEquals(2, restarted.payouts().next(), "a number is never given twice");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
