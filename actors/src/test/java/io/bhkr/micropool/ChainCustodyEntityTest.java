package io.bhkr.micropool;

import static io.bhkr.micropool.MicroPoolEntityTest.A;
import static io.bhkr.micropool.MicroPoolEntityTest.B;
import static io.bhkr.micropool.MicroPoolEntityTest.C;
import static io.bhkr.micropool.MicroPoolEntityTest.PROVIDER;
import static io.bhkr.micropool.MicroPoolEntityTest.sent;
import static io.bhkr.micropool.MicroPoolEntityTest.sum;
import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.Done;
import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pool whose principal is on chain, fed the contract's confirmed logs as the bridge reports
 * them: vector M1 with the stakes made on chain, redelivery, unstakes, and what the market refuses.
 */
class ChainCustodyEntityTest {

  private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final BigInteger FEE_4 = new BigInteger("12500000000000000000"), FEE_10 = new BigInteger("31250000000000000000");
  private static ActorTestKit testKit;
  private EventSourcedBehaviorTestKit<MicroPoolEntity.Command, DomainEvent, MicroPoolState> pool;
  private final Party self = Party.microPool("mp-chain");

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ChainCustodyEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void fresh() {
    pool = MicroPoolEntityTest.underTest(testKit, "mp-chain");
    pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(new MicroPoolOpening("open-1", Party.account(PROVIDER), self, PROVIDER, eth(8),
        MicroPoolTerms.of(bhkr(100), 1_000, Parameters.development(), CONTRACT), 10), r));
  }

  @AfterEach
  void clear() {
    pool.clear();
  }

  private List<DomainEvent> record(ChainPoolFact fact) {
    var result = pool.<Done>runCommand(r -> new MicroPoolEntity.RecordChainFact(fact, r));
    assertEquals(Done.getInstance(), result.reply());
    return result.events();
  }

  private static ChainPoolFact staked(String id, String staker, long ether, BigInteger fee) {
    return new ChainPoolFact("chain:0x" + id + ":0", ChainPoolFact.Kind.STAKED, staker, eth(ether).amount(), fee, 20);
  }

  private static BigInteger changed(List<DomainEvent> events, ValueChange.Kind kind, Asset asset) {
    return events.stream().filter(e -> e instanceof ValueEvent).flatMap(e -> ((ValueEvent) e).changes().stream())
        .filter(c -> c.kind() == kind && c.amount().asset() == asset).map(c -> c.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  private MicroPoolView view() {
    return pool.<MicroPoolView>runCommand(MicroPoolEntity.Get::new).reply();
  }

  @Test
  void vectorM1WithTheStakesMadeOnChain() {
    List<DomainEvent> events = new ArrayList<>();
    events.addAll(record(staked("a", A, 4, FEE_4)));
    events.addAll(record(staked("b", B, 10, FEE_10)));
    events.addAll(record(staked("c", C, 10, FEE_10)));
    assertEquals(MicroPoolStatus.OPEN, view().status(), "the contract decides activation, not the sum here");
    events.addAll(record(new ChainPoolFact("chain:0xc:1", ChainPoolFact.Kind.ACTIVATED, null, eth(24).amount(), null, 21)));

    List<Transfer> out = sent(events);
    assertEquals(new BigInteger("7500000000000000000"), sum(out, Party.REWARD_POOL, Asset.BHKR), "Reward Pool 7.5 BHKR");
    assertEquals(new BigInteger("67500000000000000000"), sum(out, Party.account(PROVIDER), Asset.BHKR), "provider 67.5 BHKR");
    assertTrue(out.stream().noneMatch(t -> t.amount().asset() != Asset.BHKR), "no ETH or aETH moves in the market");
    assertEquals(new BigInteger("75000000000000000000"), changed(events, ValueChange.Kind.DEPOSITED, Asset.BHKR),
        "the fees came into the market through the vault");
    assertEquals(changed(events, ValueChange.Kind.DEPOSITED, Asset.BHKR), changed(events, ValueChange.Kind.SENT, Asset.BHKR),
        "every fee passed on");

    MicroPoolView active = view();
    assertEquals(MicroPoolStatus.ACTIVE, active.status());
    assertEquals(21, active.activatedAt());
    assertEquals(eth(32).amount(), active.total());
    assertEquals(BigInteger.ZERO, active.aethOutstanding(), "the aETH is the contract's");
    assertEquals(FEE_4, active.stakes().get(0).fee());
    assertEquals(eth(8), pool.restart().state().held().of(Asset.ETH), "only the provider's k is held here, also after a restart");

    var done = pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(Transfer.of("rewards-1", Party.account(PROVIDER), self,
        new Amount(Asset.ETH, new BigInteger("1600000000000000000")), Purpose.MICROPOOL_REWARDS, 50), r));
    List<Transfer> paid = sent(done.events());
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.INSURANCE_POOL, Asset.ETH));
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.REWARD_POOL, Asset.ETH));
    assertEquals(new BigInteger("160000000000000000"), sum(paid, Party.account(A), Asset.ETH));
    assertEquals(new BigInteger("400000000000000000"), sum(paid, Party.account(C), Asset.ETH));
    assertEquals(new BigInteger("8320000000000000000"), sum(paid, Party.account(PROVIDER), Asset.ETH), "0.32 share + k 8 back");
    assertEquals(BigInteger.ZERO, pool.getState().held().of(Asset.ETH).amount(), "nothing left behind");
  }

  @Test
  void aRedeliveredLogIsRecordedOnceAndAnUnstakeShrinksTheStakeOfRecord() {
    ChainPoolFact a = staked("a", A, 4, FEE_4);
    assertEquals(4, record(a).size(), "the fact, the fee charged and its two legs");
    assertTrue(record(a).isEmpty(), "the bridge delivers at least once");
    record(new ChainPoolFact("chain:0xd:0", ChainPoolFact.Kind.UNSTAKED, A, eth(1).amount(), null, 30));
    assertEquals(eth(3).amount(), view().stakes().get(0).amount());
    assertEquals(FEE_4, view().stakes().get(0).fee(), "the fee paid for the service is not refunded");
    record(new ChainPoolFact("chain:0xe:0", ChainPoolFact.Kind.UNSTAKED, A, eth(3).amount(), null, 31));
    assertEquals(eth(8).amount(), view().total(), "A left: only k");
  }

  @Test
  void theMarketTakesNoStakeAndPaysNoPrincipalForAPoolOnChain() {
    var stake = pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(MicroPoolEntityTest.stake(self, "s-a", A, 4), r));
    assertEquals(eth(4).amount(), sum(sent(stake.events()), Party.account(A), Asset.ETH), "a market stake goes back");
    var fee = pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(MicroPoolEntityTest.fee(self, "s-a", A, 4), r));
    assertEquals(FEE_4, sum(sent(fee.events()), Party.account(A), Asset.BHKR), "and its fee");

    record(staked("a", A, 4, FEE_4));
    var withdrawal = pool.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(Transfer.of("w-1", Party.account(A), self,
        new Amount(Asset.AETH, eth(1).amount()), Purpose.MICROPOOL_WITHDRAWAL, 30), r));
    assertEquals(eth(1).amount(), sum(sent(withdrawal.events()), Party.account(A), Asset.AETH), "aETH returned unburned: unstake on chain");
    assertEquals(eth(4).amount(), view().stakes().get(0).amount());

    record(new ChainPoolFact("chain:0xf:0", ChainPoolFact.Kind.ACTIVATED, null, eth(24).amount(), null, 40));
    var slash = pool.<MicroPoolEntity.Slashing>runCommand(r -> new MicroPoolEntity.Slash(eth(1), 50, r));
    assertTrue(slash.reply().refusal().contains("on chain"), slash.reply().refusal());
    assertTrue(slash.hasNoEvents());
  }

  @Test
  void aPoolWhosePrincipalTheMarketHoldsIgnoresChainLogs() {
    var market = MicroPoolEntityTest.underTest(testKit, "mp-market");
    market.<Receipt>runCommand(r -> new MicroPoolEntity.Receive(MicroPoolEntityTest.opening(Party.microPool("mp-market"), 8), r));
    var result = market.<Done>runCommand(r -> new MicroPoolEntity.RecordChainFact(staked("a", A, 4, FEE_4), r));
    assertTrue(result.hasNoEvents());
    market.clear();
  }
}
