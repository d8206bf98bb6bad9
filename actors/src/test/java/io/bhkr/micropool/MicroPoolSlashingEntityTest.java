package io.bhkr.micropool;

import static io.bhkr.micropool.MicroPoolEntityTest.A;
import static io.bhkr.micropool.MicroPoolEntityTest.B;
import static io.bhkr.micropool.MicroPoolEntityTest.C;
import static io.bhkr.micropool.MicroPoolEntityTest.PROVIDER;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bhkr.micropool.MicroPoolEvents.Slashed;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolState;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vector P1 on a micro-pool and the real Insurance Pool entity: k 8 of a 32 ETH validator, the
 * stakers A 4, B 10, C 10 of the vector file, a 32 ETH slashing. Every message crosses Jackson.
 */
class MicroPoolSlashingEntityTest {

  private static ActorTestKit testKit;
  private static JsonNode p1;
  private EventSourcedBehaviorTestKit<MicroPoolEntity.Command, DomainEvent, MicroPoolState> pool;
  private EventSourcedBehaviorTestKit<InsurancePoolEntity.Command, DomainEvent, PoolState> insurance;
  private final Party self = Party.microPool("mp-1");
  /** The vector's requesters A, B, C as addresses. */
  private static final Map<String, String> STAKERS = Map.of("A", A, "B", B, "C", C);

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create("MicroPoolSlashingEntityTest", EntityTests.config());
    try (InputStream in = MicroPoolSlashingEntityTest.class.getResourceAsStream("/vectors/economics-vectors.json")) {
      p1 = new ObjectMapper().readTree(in).at("/penalties/P1");
    }
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    pool = MicroPoolEntityTest.underTest(testKit, "mp-1");
    TestProbe<Delivery> out = testKit.createTestProbe(Delivery.class);
    insurance = EventSourcedBehaviorTestKit.create(testKit.system(),
        InsurancePoolEntity.create(new RecordingRoute(out.getRef()), Duration.ofMinutes(5)));
  }

  @AfterEach
  void clear() {
    pool.clear();
    insurance.clear();
  }

  private static Amount amount(String field) {
    return Amount.parse(Asset.ETH, p1.get(field).get("amount").asText());
  }

  private List<DomainEvent> receive(Dispatch d) {
    return pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(d, r)).events();
  }

  private List<Dispatch> insuranceReceives(Dispatch d) {
    return sent(insurance.<Receipt>runCommand(r -> new InsurancePoolEntity.Receive(d, r)).events());
  }

  private static List<Dispatch> sent(List<DomainEvent> events) {
    return events.stream().filter(e -> e instanceof DispatchSent).map(e -> ((DispatchSent) e).dispatch()).toList();
  }

  private MicroPoolView view() {
    return pool.<MicroPoolView>runCommand(MicroPoolEntity.Get::new).reply();
  }

  /** Opens the pool with the vector's k and stakes the vector's requesters to 32 ETH: ACTIVE. */
  private void activeP1Pool() {
    Amount k = amount("providerShare");
    receive(new io.bhkr.transfer.MicroPoolOpening("open-1", Party.account(PROVIDER), self, PROVIDER, k,
        MicroPoolTerms.of(io.bhkr.testing.EntityTests.bhkr(100), 1_000, io.bhkr.governance.Parameters.development()), 10));
    p1.get("requesterStakes").fields().forEachRemaining(e -> receive(Transfer.of("stake-" + e.getKey(), Party.account(STAKERS.get(e.getKey())),
        self, Amount.parse(Asset.ETH, e.getValue().asText()), Purpose.MICROPOOL_STAKE, 20)));
    assertEquals(MicroPoolStatus.ACTIVE, view().status());
  }

  private List<DomainEvent> slash(Amount loss) {
    var result = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(loss, 100, r));
    assertNull(result.reply().refusal());
    return result.events();
  }

  private void fundInsurance(String id, BigInteger wei) {
    insuranceReceives(new Transfer(id, Party.project("p"), Party.INSURANCE_POOL, new Amount(Asset.ETH, wei), Purpose.SETTLEMENT, "share", 0));
  }

  @Test
  void vectorP1ProviderLosesKAndTheInsurancePaysTheStakersLossIntoThePool() {
    activeP1Pool();
    fundInsurance("share-1", eth(30).amount());
    List<DomainEvent> events = slash(amount("loss"));

    Slashed slashed = (Slashed) events.get(0);
    assertEquals(amount("expectedProviderLoss").amount(), slashed.providerLoss(), "the provider's k absorbs min(L, k)");
    assertEquals(amount("expectedRequestersLoss").amount(), slashed.stakersLoss(), "the stakers lose max(0, L - k)");
    assertEquals(eth(8).amount(), slashed.k());
    assertEquals(eth(32).amount(), slashed.validatorBalance());
    assertEquals(3, slashed.stakes().size(), "the stakers of record are in the event");
    List<Dispatch> out = sent(events);
    MicroPoolSlashingClaim claim = (MicroPoolSlashingClaim) out.get(0);
    assertEquals(amount("expectedRequestersLoss"), claim.owed());
    assertEquals(PROVIDER, claim.slashed());
    ProviderSlashed notice = (ProviderSlashed) out.get(1);
    assertEquals(Party.provider(PROVIDER), notice.to());
    assertEquals(100, notice.at());
    MicroPoolView after = view();
    assertEquals(BigInteger.ZERO, after.providerStake().amount());
    assertEquals(Amount.zero(Asset.ETH), after.held().of(Asset.ETH), "the 32 ETH left the market");

    // the real Insurance Pool pays the claim into the pool, once however often it arrives
    List<Dispatch> refund = insuranceReceives(claim);
    assertEquals(1, refund.size());
    assertEquals(self, refund.get(0).to());
    assertEquals(amount("expectedRequestersLoss"), refund.get(0).value().orElseThrow(), "Insurance pays 24");
    assertEquals(List.of(), insuranceReceives(claim));
    receive(refund.get(0));
    assertEquals(List.of(), receive(refund.get(0)), "a redelivered refund changes nothing");
    assertEquals(eth(24), view().held().of(Asset.ETH), "aETH backed 1:1 again");
    assertEquals(eth(24).amount(), view().aethOutstanding());

    // completion: the stakers' rewards as usual, the provider's k is gone; then aETH redeems 1:1
    List<DomainEvent> done = receive(Transfer.of("rewards-1", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 200));
    assertTrue(sent(done).stream().noneMatch(d -> d.id().endsWith(":principal")), "no k to give back");
    List<Dispatch> paid = sent(receive(Transfer.of("redeem-b", Party.account(B), self, new Amount(Asset.AETH, eth(10).amount()), Purpose.MICROPOOL_WITHDRAWAL, 300)));
    assertEquals(eth(10), paid.get(0).value().orElseThrow());
    assertEquals(eth(14), pool.restart().state().held().of(Asset.ETH), "after a restart: 14 ETH for the 14 aETH still out");
  }

  @Test
  void vectorP1InsuranceShortPaysWhatItHoldsAndRedemptionsWaitUntilTheShortfallIsPaid() {
    activeP1Pool();
    fundInsurance("share-1", eth(10).amount());
    MicroPoolSlashingClaim claim = (MicroPoolSlashingClaim) sent(slash(amount("loss"))).get(0);
    List<Dispatch> first = insuranceReceives(claim);
    assertEquals(eth(10), first.get(0).value().orElseThrow(), "it pays what it holds");
    assertEquals(eth(14).amount(), insurance.getState().shortfalls().get(0).total(), "14 stays owed");
    receive(first.get(0));
    receive(Transfer.of("rewards-1", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 200));
    assertEquals(MicroPoolStatus.COMPLETED, view().status());

    // under-backed: a redemption goes back unburned, so the first holders do not take the last ones' ETH
    List<DomainEvent> early = receive(Transfer.of("redeem-early", Party.account(C), self, new Amount(Asset.AETH, eth(10).amount()), Purpose.MICROPOOL_WITHDRAWAL, 300));
    assertEquals(new Amount(Asset.AETH, eth(10).amount()), sent(early).get(0).value().orElseThrow());
    assertEquals(eth(24).amount(), view().aethOutstanding());

    // a later inflow of 20 pays the 14 first, into the pool; then aETH redeems 1:1
    List<Dispatch> later = insuranceReceives(new Transfer("share-2", Party.project("q"), Party.INSURANCE_POOL, eth(20), Purpose.SETTLEMENT, "share", 400));
    assertEquals(eth(14), later.get(0).value().orElseThrow());
    receive(later.get(0));
    assertEquals(eth(24), view().held().of(Asset.ETH));
    List<Dispatch> redeemed = sent(receive(Transfer.of("redeem-c", Party.account(C), self, new Amount(Asset.AETH, eth(10).amount()), Purpose.MICROPOOL_WITHDRAWAL, 500)));
    assertEquals(eth(10), redeemed.get(0).value().orElseThrow());
  }

  @Test
  void aSlashingIsRefusedUnlessActiveAndAtMostTheValidatorsBalance() {
    activeP1Pool();
    var tooMuch = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(33), 100, r));
    assertNotNull(tooMuch.reply().refusal());
    assertTrue(tooMuch.hasNoEvents());
    // a small slashing is the provider's alone: the claim is 0, still sent so the slashing is on record
    List<Dispatch> out = sent(slash(eth(3)));
    assertEquals(Amount.zero(Asset.ETH), ((MicroPoolSlashingClaim) out.get(0)).owed());
    assertEquals(eth(5), view().providerStake());
    slash(eth(6)); // 5 from k, 1 from the stakers
    assertEquals(eth(23).amount(), view().total().subtract(view().slashings().stream().map(Slashed::stakersLoss)
        .reduce(BigInteger.ZERO, BigInteger::add)), "the validator holds 23 of 32");
    var third = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(24), 100, r));
    assertNotNull(third.reply().refusal(), "beyond the validator's 23 ETH");
    receive(Transfer.of("rewards-1", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 200));
    var completed = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(1), 300, r));
    assertNotNull(completed.reply().refusal(), "only an ACTIVE pool is slashed");
    assertTrue(completed.hasNoEvents());
  }

  /** The operator's slashing, sent straight to the pool: the refusal says which rule by its kind, not by its wording. */
  @Test
  void slashingRefusalsAreTyped() {
    activeP1Pool();
    var tooMuch = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(33), 100, r));
    assertEquals(MicroPoolRefusal.Kind.LOSS_OUT_OF_RANGE, tooMuch.reply().kind());
    assertEquals("must be at most the validator's " + eth(32).amount() + " wei", tooMuch.reply().refusal());
    var done = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(3), 100, r));
    assertNull(done.reply().kind());
    assertEquals(eth(29).amount(), view().validatorBalance(), "the pool's own sum: 32 less the 3 lost");
    assertEquals(BigInteger.ZERO, view().stakersLoss(), "k absorbed it all");
    receive(Transfer.of("rewards-1", Party.account(PROVIDER), self, eth(1), Purpose.MICROPOOL_REWARDS, 200));
    var completed = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(1), 300, r));
    assertEquals(MicroPoolRefusal.Kind.NOT_ACTIVE, completed.reply().kind());
  }
}
