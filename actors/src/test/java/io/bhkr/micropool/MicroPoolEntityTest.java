package io.bhkr.micropool;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolEvents.AethBurned;
import io.bhkr.micropool.MicroPoolEvents.AethMinted;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The micro-pool entity on vector M1, and its refusals, with every message crossing Jackson. */
class MicroPoolEntityTest {

  static final String PROVIDER = "0xe000000000000000000000000000000000000000";
  static final String A = "0xa000000000000000000000000000000000000001", B = "0xb000000000000000000000000000000000000002",
      C = "0xc000000000000000000000000000000000000003";
  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<MicroPoolEntity.Command, DomainEvent, MicroPoolState> pool;
  private final Party self = Party.microPool("mp-1");

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("MicroPoolEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    pool = underTest(testKit, "mp-1");
  }

  @AfterEach
  void clear() {
    pool.clear();
  }

  /** A pool entity under the test kit, its dispatches recorded (a long redelivery: tests redeliver by restarting). */
  static EventSourcedBehaviorTestKit<MicroPoolEntity.Command, DomainEvent, MicroPoolState> underTest(ActorTestKit kit, String poolId) {
    return EventSourcedBehaviorTestKit.create(kit.system(),
        MicroPoolEntity.create(poolId, new RecordingRoute(kit.createTestProbe(Delivery.class).getRef()), Duration.ofMinutes(5)));
  }

  private EventSourcedBehaviorTestKit.CommandResultWithReply<MicroPoolEntity.Command, DomainEvent, MicroPoolState, Receipt> receive(
      Dispatch d) {
    return pool.runCommand(r -> new MicroPoolEntity.Receive(d, r));
  }

  static MicroPoolOpening opening(Party pool, long k) {
    return new MicroPoolOpening("open-1", Party.account(PROVIDER), pool, PROVIDER, eth(k),
        MicroPoolTerms.of(bhkr(100), 1_000, Parameters.development()), 10);
  }

  static Transfer stake(Party pool, String id, String staker, long ether) {
    return Transfer.of(id, Party.account(staker), pool, eth(ether), Purpose.MICROPOOL_STAKE, 20);
  }

  static Transfer fee(Party pool, String stakeId, String staker, long ether) {
    Amount fee = io.bhkr.rules.MicroPoolRule.fee(bhkr(100), eth(ether), eth(32));
    return Transfer.of(stakeId + MicroPoolDecisions.FEE_SUFFIX, Party.account(staker), pool, fee, Purpose.MICROPOOL_FEE, 20);
  }

  static List<Transfer> sent(List<DomainEvent> events) {
    return events.stream().filter(e -> e instanceof DispatchSent).map(e -> (Transfer) ((DispatchSent) e).dispatch()).toList();
  }

  static BigInteger sum(List<Transfer> ts, Party to, Asset asset) {
    return ts.stream().filter(t -> t.to().equals(to) && t.amount().asset() == asset).map(t -> t.amount().amount())
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private MicroPoolView view() {
    return pool.<MicroPoolView>runCommand(MicroPoolEntity.Get::new).reply();
  }

  @Test
  void vectorM1FeesStakesActivationAndCompletion() {
    receive(opening(self, 8));
    assertEquals(MicroPoolStatus.OPEN, view().status());
    List<DomainEvent> events = new java.util.ArrayList<>();
    for (var s : List.of(Map.entry(A, 4L), Map.entry(B, 10L), Map.entry(C, 10L))) {
      String id = "stake-" + s.getKey();
      events.addAll(receive(stake(self, id, s.getKey(), s.getValue())).events());
      events.addAll(receive(fee(self, id, s.getKey(), s.getValue())).events());
    }
    List<Transfer> out = sent(events);
    assertEquals(bhkr(100).amount().multiply(BigInteger.valueOf(75)).divide(BigInteger.valueOf(1000)),
        sum(out, Party.REWARD_POOL, Asset.BHKR), "Reward Pool 7.5 BHKR");
    assertEquals(new BigInteger("67500000000000000000"), sum(out, Party.account(PROVIDER), Asset.BHKR), "provider 67.5 BHKR");
    assertEquals(eth(4).amount(), sum(out, Party.account(A), Asset.AETH), "aETH 1:1");
    MicroPoolView active = view();
    assertEquals(MicroPoolStatus.ACTIVE, active.status());
    assertEquals(eth(32).amount(), active.total());
    assertEquals(eth(24).amount(), active.aethOutstanding());
    assertEquals(new BigInteger("12500000000000000000"), active.stakes().get(0).fee());

    var done = receive(Transfer.of("rewards-1", Party.account(PROVIDER), self, new Amount(Asset.ETH, new BigInteger("1600000000000000000")), Purpose.MICROPOOL_REWARDS, 50));
    List<Transfer> paid = sent(done.events());
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.INSURANCE_POOL, Asset.ETH));
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.REWARD_POOL, Asset.ETH));
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.account(A), Asset.ETH));
    assertEquals(new BigInteger("400000000000000000"), sum(paid, Party.account(B), Asset.ETH));
    assertEquals(new BigInteger("8320000000000000000"), sum(paid, Party.account(PROVIDER), Asset.ETH), "0.32 share + k 8 back");
    assertEquals(MicroPoolStatus.COMPLETED, view().status());

    // whoever holds aETH now redeems it 1:1: here B passed 3 aETH on to C, and C redeems 13
    var redeemed = receive(Transfer.of("redeem-c", Party.account(C), self, new Amount(Asset.AETH, eth(13).amount()), Purpose.MICROPOOL_WITHDRAWAL, 60));
    assertTrue(redeemed.events().stream().anyMatch(e -> e instanceof AethBurned b && b.amount().amount().equals(eth(13).amount())));
    assertEquals(eth(13).amount(), sum(sent(redeemed.events()), Party.account(C), Asset.ETH));
    assertEquals(eth(11).amount(), view().aethOutstanding());
    assertEquals(eth(11), pool.restart().state().held().of(Asset.ETH), "after a restart: the 11 ETH still owed to aETH holders");
  }

  @Test
  void withdrawalBeforeActivationBurnsTheAethAndAfterActivationIsReturned() {
    receive(opening(self, 8));
    receive(stake(self, "s-a", A, 4));
    var out = receive(Transfer.of("w-1", Party.account(A), self, new Amount(Asset.AETH, eth(1).amount()), Purpose.MICROPOOL_WITHDRAWAL, 30));
    assertTrue(out.events().stream().anyMatch(e -> e instanceof AethBurned));
    assertEquals(eth(1).amount(), sum(sent(out.events()), Party.account(A), Asset.ETH));
    assertEquals(eth(3).amount(), view().stakes().get(0).amount());

    var tooMuch = receive(Transfer.of("w-2", Party.account(B), self, new Amount(Asset.AETH, eth(1).amount()), Purpose.MICROPOOL_WITHDRAWAL, 31));
    assertEquals(eth(1).amount(), sum(sent(tooMuch.events()), Party.account(B), Asset.AETH), "not B's stake: returned unburned");

    receive(stake(self, "s-b", B, 21));
    assertEquals(MicroPoolStatus.ACTIVE, view().status());
    var late = receive(Transfer.of("w-3", Party.account(A), self, new Amount(Asset.AETH, eth(1).amount()), Purpose.MICROPOOL_WITHDRAWAL, 40));
    assertEquals(eth(1).amount(), sum(sent(late.events()), Party.account(A), Asset.AETH), "active: aETH returned");
    assertEquals(eth(24).amount(), view().aethOutstanding());
  }

  @Test
  void aFeeArrivingFirstIsHeldAndAStakeAfterActivationGoesBackWithItsFee() {
    receive(opening(self, 8));
    var early = receive(fee(self, "s-a", A, 4));
    assertTrue(sent(early.events()).isEmpty(), "held until its stake arrives");
    var s = receive(stake(self, "s-a", A, 4));
    assertEquals(new BigInteger("12500000000000000000"), sent(s.events()).stream()
        .filter(t -> t.amount().asset() == Asset.BHKR).map(t -> t.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add));
    receive(stake(self, "s-b", B, 20));
    assertEquals(MicroPoolStatus.ACTIVE, view().status());

    var lateStake = receive(stake(self, "s-c", C, 1));
    assertEquals(eth(1).amount(), sum(sent(lateStake.events()), Party.account(C), Asset.ETH));
    var lateFee = receive(fee(self, "s-c", C, 1));
    assertEquals(fee(self, "s-c", C, 1).amount().amount(), sum(sent(lateFee.events()), Party.account(C), Asset.BHKR));
    assertTrue(receive(stake(self, "s-c", C, 1)).events().isEmpty(), "a redelivery changes nothing");
    assertEquals(eth(24).amount(), view().aethOutstanding());
  }

  @Test
  void onlyTheProviderCompletesAndOnlyOnceActive() {
    receive(opening(self, 8));
    receive(stake(self, "s-a", A, 4));
    var early = receive(Transfer.of("r-0", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 40));
    assertEquals(eth(1).amount(), sum(sent(early.events()), Party.account(PROVIDER), Asset.ETH), "not active: returned");
    assertEquals(MicroPoolStatus.OPEN, view().status());
    assertTrue(receive(opening(self, 8)).events().stream().noneMatch(e -> e instanceof AethMinted));
  }

  @Test
  void pastItsEndTimeAnOpenPoolTakesNoStakeAndClosesReturningEveryonesEth() {
    receive(opening(self, 8)); // ends at 1_000
    receive(stake(self, "stake-a", A, 4));
    Transfer late = Transfer.of("stake-b", Party.account(B), self, eth(10), Purpose.MICROPOOL_STAKE, 1_000);
    List<Transfer> back = sent(receive(late).events());
    assertEquals(List.of(Party.account(B)), back.stream().map(Transfer::to).toList(), "a stake at the end time goes back");
    assertEquals(eth(10).amount(), sum(back, Party.account(B), Asset.ETH));

    var early = pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 999, r));
    assertTrue(early.reply().refusal().contains("open until 1000"), early.reply().refusal());
    assertTrue(early.hasNoEvents());

    var closed = pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 1_000, r));
    assertEquals(null, closed.reply().refusal());
    assertEquals(List.of(new Transfer("principal:close:mp-1", self, Party.account(PROVIDER), eth(8), Purpose.MICROPOOL_PRINCIPAL, "micropool-closed", 1_000)),
        sent(closed.events()), "the provider's k goes back");
    assertEquals(MicroPoolStatus.CLOSED, view().status());

    var withdrawn = receive(Transfer.of("w-a", Party.account(A), self, new Amount(Asset.AETH, eth(4).amount()), Purpose.MICROPOOL_WITHDRAWAL, 1_001));
    assertEquals(eth(4).amount(), sum(sent(withdrawn.events()), Party.account(A), Asset.ETH), "the staker takes its ETH back");
    assertEquals(BigInteger.ZERO, view().aethOutstanding());
    assertEquals(BigInteger.ZERO, pool.restart().state().held().of(Asset.ETH).amount(), "the pool keeps nothing");
    assertTrue(pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 1_002, r)).reply().refusal().contains("CLOSED"));
  }

  /** The fee is the pool's to compute (economics 4): a caller sending a stake straight to the pool with a fee of its own choosing is refused. */
  @Test
  void thePoolChargesOnlyTheFeeItsTermsAsk() {
    receive(opening(self, 8));
    Amount due = fee(self, "s-a", A, 4).amount(); // 12.5 BHKR for 4 ETH at FP 100
    Transfer cheap = Transfer.of("s-a" + MicroPoolDecisions.FEE_SUFFIX, Party.account(A), self, bhkr(1), Purpose.MICROPOOL_FEE, 20);
    assertTrue(sent(receive(cheap).events()).isEmpty(), "held until its stake arrives");
    List<Transfer> back = sent(receive(stake(self, "s-a", A, 4)).events());
    assertEquals(eth(4).amount(), sum(back, Party.account(A), Asset.ETH), "the stake goes back");
    assertEquals(bhkr(1).amount(), sum(back, Party.account(A), Asset.BHKR), "and so does the fee it came with");
    assertEquals(BigInteger.ZERO, view().total().subtract(eth(8).amount()), "nothing staked");

    receive(stake(self, "s-b", B, 4));
    Transfer dear = Transfer.of("s-b" + MicroPoolDecisions.FEE_SUFFIX, Party.account(B), self, due.plus(bhkr(1)), Purpose.MICROPOOL_FEE,
        21);
    List<Transfer> returned = sent(receive(dear).events());
    assertEquals(List.of(Party.account(B)), returned.stream().map(Transfer::to).toList(), "a fee above the one due goes back whole");
    assertEquals(due.plus(bhkr(1)).amount(), sum(returned, Party.account(B), Asset.BHKR));
    assertEquals(due, pool.restart().state().feeDue("s-b"), "the stake still owes the fee its terms ask");

    receive(stake(self, "s-c", C, 4));
    List<Transfer> charged = sent(receive(fee(self, "s-c", C, 4)).events());
    assertEquals(due.amount(), sum(charged, Party.REWARD_POOL, Asset.BHKR).add(sum(charged, Party.account(PROVIDER), Asset.BHKR)),
        "the fee due is charged and split");
    assertEquals(due.amount(), view().stakes().stream().filter(l -> l.address().equals(C)).findFirst().orElseThrow().fee());
    assertEquals(null, pool.restart().state().feeDue("s-c"), "paid: nothing owed after a replay");
  }

  /** Closing sent straight to the pool: before its end time, and once closed, each refusal has its own kind. */
  @Test
  void closingRefusalsAreTyped() {
    receive(opening(self, 8)); // ends at 1_000
    assertEquals(MicroPoolRefusal.Kind.NOT_ENDED,
        pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 999, r)).reply().kind());
    assertNull(pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 1_000, r)).reply().kind());
    assertEquals(MicroPoolRefusal.Kind.NOT_OPEN,
        pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(PROVIDER, 1_001, r)).reply().kind());
  }

  /** The refusal the API shows before the aETH leaves is the pool's own, and aETH sent straight to the pool meets the same rule. */
  @Test
  void aethBackRefusalsAreThePoolsAndAStraightSendMeetsTheSameRule() {
    receive(opening(self, 8));
    receive(stake(self, "s-a", A, 4));
    assertNull(check(A, eth(4).amount()), "its own stake, while OPEN");
    assertEquals(MicroPoolRefusal.Kind.INSUFFICIENT_STAKE, check(A, eth(5).amount()).kind());
    assertEquals(MicroPoolRefusal.Kind.INSUFFICIENT_STAKE, check(B, BigInteger.ONE).kind());
    var straight = receive(Transfer.of("w-b", Party.account(B), self, new Amount(Asset.AETH, BigInteger.ONE), Purpose.MICROPOOL_WITHDRAWAL, 30));
    assertEquals(BigInteger.ONE, sum(sent(straight.events()), Party.account(B), Asset.AETH), "refused the same way: returned unburned");

    receive(stake(self, "s-b", B, 21));
    assertEquals(MicroPoolStatus.ACTIVE, view().status());
    assertEquals(MicroPoolRefusal.Kind.NOT_WITHDRAWABLE, check(A, BigInteger.ONE).kind());
  }

  private MicroPoolRefusal check(String holder, BigInteger amount) {
    return pool.<MicroPoolEntity.AethBackCheck>runCommand(r -> new MicroPoolEntity.CheckAethBack(holder, amount, r)).reply().refusal();
  }

  /** The pool tells an asker once a dispatch is decided, so the API does not poll it (issue 16 part 2). */
  @Test
  void theDecidingPoolAnswersOnceTheDispatchIsAppliedOrReturned() {
    receive(opening(self, 8));
    var stakeWaiter = testKit.createTestProbe(MicroPoolEntity.Outcome.class);
    var refusedWaiter = testKit.createTestProbe(MicroPoolEntity.Outcome.class);
    pool.runCommand(new MicroPoolEntity.AwaitOutcome("s-a", stakeWaiter.getRef()));
    pool.runCommand(new MicroPoolEntity.AwaitOutcome("late", refusedWaiter.getRef()));
    stakeWaiter.expectNoMessage(Duration.ofMillis(100));

    receive(stake(self, "s-a", A, 4));
    assertEquals(new MicroPoolEntity.Outcome("s-a", MicroPoolEntity.Outcome.Kind.APPLIED), stakeWaiter.receiveMessage());
    refusedWaiter.expectNoMessage(Duration.ofMillis(50));
    receive(Transfer.of("late", Party.account(B), self, eth(1), Purpose.MICROPOOL_STAKE, 1_000)); // at its end time: returned
    assertEquals(new MicroPoolEntity.Outcome("late", MicroPoolEntity.Outcome.Kind.RETURNED), refusedWaiter.receiveMessage());

    var already = pool.<MicroPoolEntity.Outcome>runCommand(r -> new MicroPoolEntity.AwaitOutcome("s-a", r));
    assertEquals(MicroPoolEntity.Outcome.Kind.APPLIED, already.reply().kind(), "decided before: answered at once");
  }

  /** The pool quotes a stake from its own terms, and a stake sent straight to it is refused the same way the API refuses it. */
  @Test
  void thePoolQuotesAStakesFeeFromItsTermsAndRefusesAStakeAfterItsEnd() {
    var none = pool.<MicroPoolEntity.StakeQuote>runCommand(r -> new MicroPoolEntity.QuoteStake(eth(4).amount(), 20, r));
    assertEquals(new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_OPEN, "micro-pool mp-1 is NONE"), none.reply().refusal());
    assertTrue(none.hasNoEvents());

    receive(opening(self, 8));
    var quote = pool.<MicroPoolEntity.StakeQuote>runCommand(r -> new MicroPoolEntity.QuoteStake(eth(4).amount(), 20, r));
    assertNull(quote.reply().refusal());
    assertEquals(io.bhkr.rules.MicroPoolRule.fee(bhkr(100), eth(4), eth(32)), quote.reply().fee(), "fp × stake / validator stake");
    assertEquals(fee(self, "s-a", A, 4).amount(), quote.reply().fee());

    var ended = pool.<MicroPoolEntity.StakeQuote>runCommand(r -> new MicroPoolEntity.QuoteStake(eth(4).amount(), 1_000, r));
    assertEquals(new MicroPoolRefusal(MicroPoolRefusal.Kind.STAKING_ENDED, "micro-pool mp-1 took stakes until 1000"),
        ended.reply().refusal());
    assertNull(ended.reply().fee());
    Transfer late = Transfer.of("s-late", Party.account(A), self, eth(4), Purpose.MICROPOOL_STAKE, 1_000);
    var refused = receive(late);
    assertTrue(refused.events().contains(new MicroPoolEvents.StakeRefused("s-late")), "the same rule when the stake arrives");
    assertEquals(eth(8).amount(), view().total(), "only the provider's k is staked");
  }

  /** Only the provider completes its pool, while ACTIVE: asked before paying, and so when rewards come straight to it. */
  @Test
  void onlyTheProviderCompletesAnActivePoolAskedOrPaid() {
    receive(opening(self, 8));
    var stranger = pool.<MicroPoolEntity.CompletionCheck>runCommand(r -> new MicroPoolEntity.CheckCompletion(A, r));
    assertEquals(new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_THE_PROVIDER, "only " + PROVIDER + " completes this pool"),
        stranger.reply().refusal());
    var open = pool.<MicroPoolEntity.CompletionCheck>runCommand(r -> new MicroPoolEntity.CheckCompletion(PROVIDER, r));
    assertEquals(new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_ACTIVE, "micro-pool mp-1 is OPEN"), open.reply().refusal());
    assertEquals(MicroPoolDecisions.completionRefusal(pool.getState(), "mp-1", Party.account(PROVIDER)), open.reply().refusal());

    Transfer early = Transfer.of("w-early", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 30);
    assertEquals(List.of(new io.bhkr.transfer.Transfer("return:w-early", self, Party.account(PROVIDER), eth(1), Purpose.RETURN, "returned", 30)),
        sent(receive(early).events()), "rewards before activation go back, as the API refuses them");
    assertEquals(MicroPoolStatus.OPEN, view().status());

    receive(stake(self, "s-b", B, 24));
    assertEquals(MicroPoolStatus.ACTIVE, view().status());
    assertNull(pool.<MicroPoolEntity.CompletionCheck>runCommand(r -> new MicroPoolEntity.CheckCompletion(PROVIDER, r)).reply().refusal());
  }

  /** The pool sets its own terms from the parameters in force, and an opening with no room for stakers on chain is refused, asked or sent. */
  @Test
  void thePoolSetsItsTermsAndRefusesAnOpeningOnChainWithoutRoomForStakers() {
    String contract = "0x00000000000000000000000000000000000000c1";
    var quote = pool.<MicroPoolEntity.OpeningQuote>runCommand(r ->
        new MicroPoolEntity.QuoteOpening(eth(8), bhkr(100), 1_000, Parameters.development(), contract, r));
    assertEquals(MicroPoolTerms.of(bhkr(100), 1_000, Parameters.development(), contract), quote.reply().terms());
    assertEquals(eth(24), quote.reply().chainActivation(), "32 ETH less k");
    assertTrue(quote.hasNoEvents());

    var full = pool.<MicroPoolEntity.OpeningQuote>runCommand(r ->
        new MicroPoolEntity.QuoteOpening(eth(32), bhkr(100), 1_000, Parameters.development(), contract, r));
    assertEquals(MicroPoolRefusal.Kind.NO_ROOM_FOR_STAKERS, full.reply().refusal().kind());
    MicroPoolOpening straight = new MicroPoolOpening("open-full", Party.account(PROVIDER), self, PROVIDER, eth(32),
        MicroPoolTerms.of(bhkr(100), 1_000, Parameters.development(), contract), 10);
    assertEquals(List.of(new Transfer("return:open-full", self, Party.account(PROVIDER), eth(32), Purpose.RETURN, "returned", 10)),
        sent(receive(straight).events()));
    assertEquals(MicroPoolStatus.NONE, view().status());
  }

  /** Only the provider closes its pool, whether the API asks first or a Close comes straight to the pool. */
  @Test
  void onlyTheProviderClosesItsPool() {
    receive(opening(self, 8));
    MicroPoolEntity.Closing notTheProvider = new MicroPoolEntity.Closing("only " + PROVIDER + " closes this pool",
        MicroPoolRefusal.Kind.NOT_THE_PROVIDER);
    assertEquals(notTheProvider, pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.CheckClosure(A, 1_000, r)).reply());
    var straight = pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.Close(A, 1_000, r));
    assertEquals(notTheProvider, straight.reply());
    assertTrue(straight.hasNoEvents());
    assertEquals(MicroPoolRefusal.Kind.NOT_ENDED,
        pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.CheckClosure(PROVIDER, 999, r)).reply().kind());
    assertEquals(new MicroPoolEntity.Closing(null, null),
        pool.<MicroPoolEntity.Closing>runCommand(r -> new MicroPoolEntity.CheckClosure(PROVIDER, 1_000, r)).reply());
    assertEquals(MicroPoolStatus.OPEN, view().status(), "asking closes nothing");
  }
}
