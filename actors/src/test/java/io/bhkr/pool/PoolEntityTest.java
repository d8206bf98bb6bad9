package io.bhkr.pool;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.pool.PoolEntity.PoolView;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectAwarded;
import io.bhkr.transfer.ProjectReleased;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolEntityTest {

  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<PoolEntity.Command, DomainEvent, PoolEntity.State> reward;
  private EventSourcedBehaviorTestKit<PoolEntity.Command, DomainEvent, PoolEntity.State> insurance;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("PoolEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    reward = EventSourcedBehaviorTestKit.create(testKit.system(), PoolEntity.create(PoolEntity.REWARD));
    insurance = EventSourcedBehaviorTestKit.create(testKit.system(), PoolEntity.create(PoolEntity.INSURANCE));
  }

  /** There are only two pools (two persistence ids): each test starts from an empty journal. */
  @AfterEach
  void forget() {
    reward.clear();
    insurance.clear();
  }

  private static Transfer share(String id, Party pool, Amount amount) {
    return new Transfer(id, Party.project("p-1"), pool, amount, "settlement", 0);
  }

  private static EventSourcedBehaviorTestKit.CommandResultWithReply<PoolEntity.Command, DomainEvent, PoolEntity.State, Receipt>
      receive(EventSourcedBehaviorTestKit<PoolEntity.Command, DomainEvent, PoolEntity.State> pool, Dispatch d) {
    return pool.runCommand(r -> new PoolEntity.Receive(d, r));
  }

  private static PoolView view(EventSourcedBehaviorTestKit<PoolEntity.Command, DomainEvent, PoolEntity.State> pool) {
    return pool.<PoolView>runCommand(PoolEntity.Get::new).reply();
  }

  private static Balances balances(long bhkrTokens, long ethTokens) {
    return new Balances(Map.of(Asset.BHKR, bhkr(bhkrTokens).amount(), Asset.ETH, eth(ethTokens).amount()));
  }

  @Test
  void transfersAreCreditedPerAsset() {
    var first = receive(reward, share("t-1", Party.REWARD_POOL, bhkr(10)));
    assertEquals(new Receipt("t-1"), first.reply());
    assertEquals(new DispatchReceived(share("t-1", Party.REWARD_POOL, bhkr(10))), first.event());
    receive(reward, share("t-2", Party.REWARD_POOL, eth(30)));
    var third = receive(reward, share("t-3", Party.REWARD_POOL, Amount.of(Asset.BHKR, 7)));

    Balances b = third.state().balances();
    assertEquals(bhkr(10).plus(Amount.of(Asset.BHKR, 7)), b.of(Asset.BHKR));
    assertEquals(eth(30), b.of(Asset.ETH));
    assertEquals(Amount.zero(Asset.AETH), b.of(Asset.AETH));
    assertEquals(new PoolView(PoolEntity.REWARD, b), view(reward));

    // the other pool is a different entity and holds nothing of this
    assertEquals(new PoolView(PoolEntity.INSURANCE, Balances.empty()), view(insurance));
  }

  @Test
  void theSameTransferIsCreditedOnce() {
    receive(insurance, share("t-1", Party.INSURANCE_POOL, bhkr(10)));
    var again = receive(insurance, share("t-1", Party.INSURANCE_POOL, bhkr(10)));
    assertEquals(new Receipt("t-1"), again.reply(), "a redelivery is still receipted, so its sender stops");
    assertTrue(again.hasNoEvents());
    assertEquals(bhkr(10), again.state().balances().of(Asset.BHKR));
    assertEquals(balances(10, 0), view(insurance).balances());
  }

  @Test
  void aNoticeChangesNothing() {
    receive(reward, share("t-1", Party.REWARD_POOL, bhkr(10)));
    var released = receive(reward, new ProjectReleased("release:p-1", Party.project("p-1"), Party.REWARD_POOL, "p-1"));
    assertEquals(new Receipt("release:p-1"), released.reply());
    assertTrue(released.hasNoEvents());
    var awarded = receive(reward,
        new ProjectAwarded("award:p-1", Party.project("p-1"), Party.REWARD_POOL, "p-1", new Resources(4, 16, 128, 0)));
    assertEquals(new Receipt("award:p-1"), awarded.reply());
    assertTrue(awarded.hasNoEvents());
    assertFalse(awarded.state().seen().contains("award:p-1"));
    assertEquals(balances(10, 0), view(reward).balances());
  }

  @Test
  void onlyTheRewardAndInsurancePoolsExist() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PoolEntity.create("other"));
    assertTrue(e.getMessage().contains("other"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PoolEntity.create("Reward"));
    assertThrows(IllegalArgumentException.class, () -> PoolEntity.create(null));
  }

  @Test
  void aRestartRecoversBalancesAndTheAppliedIds() {
    receive(reward, share("t-1", Party.REWARD_POOL, bhkr(10)));
    receive(reward, share("t-2", Party.REWARD_POOL, eth(3)));
    receive(reward, share("t-3", Party.REWARD_POOL, bhkr(5)));

    PoolEntity.State s = reward.restart().state();
    assertEquals(balances(15, 3), s.balances());
    assertTrue(s.seen().contains("t-1") && s.seen().contains("t-2") && s.seen().contains("t-3"));
    assertEquals(new BigInteger("15000000000000000000"), view(reward).balances().byAsset().get(Asset.BHKR));

    var late = receive(reward, share("t-2", Party.REWARD_POOL, eth(3)));
    assertTrue(late.hasNoEvents(), "a redelivery after recovery is still recognised");
    assertEquals(balances(15, 3), late.state().balances());
  }
}
