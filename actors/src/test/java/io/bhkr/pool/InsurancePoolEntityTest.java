package io.bhkr.pool;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsurancePoolEntityTest {

  private static final String A = "0xa000000000000000000000000000000000000001", B = "0xb000000000000000000000000000000000000002";
  private static ActorTestKit testKit;
  private TestProbe<Delivery> deliveries;
  private EventSourcedBehaviorTestKit<InsurancePoolEntity.Command, DomainEvent, PoolState> pool;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("InsurancePoolEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    deliveries = testKit.createTestProbe(Delivery.class);
    pool = EventSourcedBehaviorTestKit.create(testKit.system(),
        InsurancePoolEntity.create(new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5)));
  }

  @AfterEach
  void clear() {
    pool.clear();
  }

  private PoolState fund(String id, Amount amount) {
    return pool.<Receipt>runCommand(r -> new InsurancePoolEntity.Receive(
        new Transfer(id, Party.project("p"), Party.INSURANCE_POOL, amount, Purpose.SETTLEMENT, "share", 0), r)).state();
  }

  private PoolView claim(String claimId, long lossA, long lossB) {
    SortedMap<String, BigInteger> losses = new TreeMap<>();
    losses.put(A, eth(lossA).amount());
    losses.put(B, eth(lossB).amount());
    return pool.<PoolView>runCommand(r -> new InsurancePoolEntity.Compensate(claimId, null, Asset.ETH, losses, 100, r)).reply();
  }

  private BigInteger paidTo(String victim, int deliveriesExpected) {
    return deliveries.receiveSeveralMessages(deliveriesExpected).stream().map(d -> (Transfer) d.dispatch())
        .filter(t -> t.to().equals(Party.account(victim))).map(t -> t.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  @Test
  void vectorP1TheRequestersLossIsPaidInFullWhenThePoolHoldsEnough() {
    fund("t-1", eth(30));
    PoolView after = claim("slash-1", 12, 12); // requesters lose 24 of a 32 ETH loss with k = 8
    assertEquals(eth(6), after.balances().of(Asset.ETH));
    assertTrue(after.shortfalls().isEmpty());
    assertEquals(eth(12).amount(), paidTo(A, 2));
    assertEquals(eth(6), claim("slash-1", 12, 12).balances().of(Asset.ETH), "a claim is paid once");
  }

  @Test
  void whenShortItPaysWhatItHoldsAndPaysTheShortfallFirstFromLaterInflows() {
    fund("t-1", eth(10));
    PoolView after = claim("slash-2", 12, 12);
    assertEquals(Amount.zero(Asset.ETH), after.balances().of(Asset.ETH));
    assertEquals(eth(14).amount(), after.shortfalls().get(0).total());
    deliveries.receiveSeveralMessages(2);

    PoolState later = fund("t-2", eth(20));
    assertTrue(later.shortfalls().isEmpty(), "the shortfall is paid from the inflow");
    assertEquals(eth(6), later.balances().of(Asset.ETH));
    assertEquals(eth(14).amount(), deliveries.receiveSeveralMessages(2).stream()
        .map(d -> ((Transfer) d.dispatch()).amount().amount()).reduce(BigInteger.ZERO, BigInteger::add));
    assertEquals(eth(6), pool.restart().state().balances().of(Asset.ETH));
  }

  @Test
  void excessAboveTheCapMovesToTheRewardPoolOrIsBurnedByDecision() {
    fund("t-1", bhkr(150));
    BigInteger cap = bhkr(100).amount();
    PoolState moved = pool.<Receipt>runCommand(r -> new InsurancePoolEntity.Receive(new InsuranceExcessDecided("excess:g-1",
        Party.GOVERNANCE, Party.INSURANCE_POOL, "g-1", "TO_REWARD", bhkr(80), cap, 5), r)).state();
    assertEquals(bhkr(100), moved.balances().of(Asset.BHKR), "only the 50 above the cap moves, not the 80 decided");
    Transfer toReward = (Transfer) deliveries.receiveMessage().dispatch();
    assertEquals(Party.REWARD_POOL, toReward.to());
    assertEquals(bhkr(50), toReward.amount());

    fund("t-2", bhkr(30));
    var burned = pool.<Receipt>runCommand(r -> new InsurancePoolEntity.Receive(new InsuranceExcessDecided("excess:g-2",
        Party.GOVERNANCE, Party.INSURANCE_POOL, "g-2", "BURN", bhkr(30), cap, 6), r));
    assertEquals(bhkr(100), burned.state().balances().of(Asset.BHKR));
    assertTrue(burned.events().stream().anyMatch(e -> e instanceof ValueBurned vb && vb.amount().equals(bhkr(30))));
  }
}
