package io.bhkr.pool;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardSplit;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RewardPoolEntityTest {

  private static final long DAY = 86_400;
  private static final String G1 = "0x1000000000000000000000000000000000000001", G2 = "0x2000000000000000000000000000000000000002";
  private static final String P = "0x3000000000000000000000000000000000000003", S = "0x4000000000000000000000000000000000000004";
  private static final String DEV = "0x5000000000000000000000000000000000000005";
  private static ActorTestKit testKit;
  private TestProbe<Delivery> deliveries;
  private EventSourcedBehaviorTestKit<RewardPoolEntity.Command, DomainEvent, PoolState> pool;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("RewardPoolEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    deliveries = testKit.createTestProbe(Delivery.class);
    pool = EventSourcedBehaviorTestKit.create(testKit.system(),
        RewardPoolEntity.create(new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5)));
  }

  @AfterEach
  void clear() {
    pool.clear(); // the pool has a fixed persistence id
  }

  private void fund(String id, Amount amount) {
    pool.<Receipt>runCommand(r -> new RewardPoolEntity.Receive(new Transfer(id, Party.project("p"), Party.REWARD_POOL, amount, Purpose.SETTLEMENT, "share", 0), r));
  }

  private static SortedMap<String, BigInteger> stakeTimes(Object... addressThenStake) {
    SortedMap<String, BigInteger> m = new TreeMap<>();
    for (int i = 0; i < addressThenStake.length; i += 2)
      m.put((String) addressThenStake[i], BigInteger.valueOf((Long) addressThenStake[i + 1]).multiply(BigInteger.valueOf(DAY)));
    return m;
  }

  @Test
  void vectorR1IsPaidOutAndEveryLegLeavesThroughTheOutbox() {
    fund("t-1", bhkr(1000));
    Map<Group, SortedMap<String, BigInteger>> weights = new HashMap<>();
    weights.put(Group.GOVERNORS, stakeTimes(G1, 100L, G2, 300L));
    weights.put(Group.PROVIDERS_REQUESTERS, stakeTimes(P, 10L));
    weights.put(Group.STAKERS, stakeTimes(S, 1L));
    var result = pool.<RewardPoolEntity.Distribution>runCommand(r -> new RewardPoolEntity.Distribute(DAY, RewardSplit.DEFAULT, weights, DEV, r));
    RewardsDistributed e = ((RewardPoolEntity.Distributed) result.reply()).event();
    assertEquals(1, e.epoch());
    Map<String, Amount> paid = e.legs().stream().collect(Collectors.toMap(l -> l.to(), l -> l.amount(), Amount::plus));
    assertEquals(Map.of(G1, bhkr(75), G2, bhkr(225), P, bhkr(400), S, bhkr(200), DEV, bhkr(100)), paid);
    assertTrue(result.state().balances().of(Asset.BHKR).isZero());
    List<Transfer> sent = deliveries.receiveSeveralMessages(5).stream().map(d -> (Transfer) d.dispatch()).toList();
    assertEquals(bhkr(1000), sent.stream().map(Transfer::amount).reduce(Amount.zero(Asset.BHKR), Amount::plus));
  }

  @Test
  void aGroupWithoutMembersKeepsItsShareForTheNextEpoch() {
    fund("t-1", bhkr(1000));
    fund("t-2", eth(10));
    Map<Group, SortedMap<String, BigInteger>> onlyStakers = Map.of(Group.STAKERS, stakeTimes(S, 1L));
    var first = pool.<RewardPoolEntity.Distribution>runCommand(r -> new RewardPoolEntity.Distribute(DAY, RewardSplit.DEFAULT, onlyStakers, DEV, r));
    assertInstanceOf(RewardPoolEntity.Distributed.class, first.reply());
    assertEquals(bhkr(700), first.state().balances().of(Asset.BHKR), "governors' 300 and providers+requesters' 400 stay");
    assertEquals(eth(7), first.state().balances().of(Asset.ETH));

    var again = pool.<RewardPoolEntity.Distribution>runCommand(r -> new RewardPoolEntity.Distribute(DAY, RewardSplit.DEFAULT, onlyStakers, DEV, r));
    assertInstanceOf(RewardPoolEntity.NotDistributed.class, again.reply(), "an epoch is distributed once");
    assertTrue(again.hasNoEvents());
    var restarted = pool.restart();
    assertEquals(bhkr(700), restarted.state().balances().of(Asset.BHKR));
    assertEquals(DAY, restarted.state().lastEpochEnd());
  }
}
