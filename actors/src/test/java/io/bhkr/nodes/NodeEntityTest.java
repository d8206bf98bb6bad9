package io.bhkr.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ProjectPlaced;
import io.bhkr.provider.ProjectUnplaced;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Arrived;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node learns from its provider which project runs on it, from when and until when (issue 4, item 1). */
class NodeEntityTest {

  private static final String PROVIDER = "0x00000000000000000000000000000000000000a1";
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("NodeEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<NodeEntity.Command, DomainEvent, NodeState> registered() {
    String id = "n-" + IDS.incrementAndGet();
    RecordingRoute route = new RecordingRoute(testKit.createTestProbe(RecordingRoute.Delivery.class).getRef());
    var kit = EventSourcedBehaviorTestKit.<NodeEntity.Command, DomainEvent, NodeState>create(testKit.system(),
        NodeEntity.create(id, route, Duration.ofMinutes(5)));
    kit.<NodeEntity.Result>runCommand(r -> new NodeEntity.Register(PROVIDER, "http://127.0.0.1:8545", "0xsidecar",
        new Resources(4, 16, 128, 10), 100, r));
    return kit;
  }

  private static EventSourcedBehaviorTestKit.CommandResultWithReply<NodeEntity.Command, DomainEvent, NodeState, Receipt> receive(
      EventSourcedBehaviorTestKit<NodeEntity.Command, DomainEvent, NodeState> kit, Dispatch d) {
    return kit.runCommand(r -> new NodeEntity.Receive(d, r));
  }

  private static String nodeId(EventSourcedBehaviorTestKit<NodeEntity.Command, DomainEvent, NodeState> kit) {
    return kit.getState().registration().nodeId();
  }

  @Test
  void itsProviderPlacesAProjectAndEndsItOnce() {
    var kit = registered();
    Party node = Party.node(nodeId(kit));
    ProjectPlaced placed = new ProjectPlaced("place:p-1", Party.provider(PROVIDER), node, "p-1", 1_000);
    receive(kit, placed);
    assertEquals(new ProjectRun("p-1", 1_000, 0), kit.getState().running());
    assertTrue(receive(kit, placed).hasNoEvents(), "a redelivered placing changes nothing");

    receive(kit, new ProjectUnplaced("unplace:p-1", Party.provider(PROVIDER), node, "p-1", 5_000));
    assertNull(kit.getState().running());
    NodeEntity.NodeView v = kit.<NodeEntity.NodeView>runCommand(NodeEntity.Get::new).reply();
    assertEquals(new ProjectRun("p-1", 1_000, 5_000), v.latestProject());
    kit.restart();
    assertEquals(List.of(new ProjectRun("p-1", 1_000, 5_000)), kit.getState().projects());
  }

  @Test
  void itsRegistrationTellsItsProviderItsCapacityThroughTheOutbox() {
    var kit = registered();
    String id = nodeId(kit);
    io.bhkr.nodes.NodeDeclared declared = (io.bhkr.nodes.NodeDeclared) kit.getState().outbox().pending().get("node:" + id);
    assertEquals(new io.bhkr.nodes.NodeDeclared("node:" + id, Party.node(id), Party.provider(PROVIDER), id,
        new Resources(4, 16, 128, 10), 100), declared);
    assertEquals(kit.getState(), kit.restart().state(), "pending until the provider confirms, across a replay");
  }

  @Test
  void anotherProviderCannotPlaceAProjectOnTheNode() {
    var kit = registered();
    var result = receive(kit, new ProjectPlaced("place:p-x", Party.provider("0x0000000000000000000000000000000000000bad"),
        Party.node(nodeId(kit)), "p-x", 1_000));
    assertTrue(result.hasNoEvents());
    assertNull(kit.getState().running());
  }

  @Test
  void anEndThatOvertakesItsStartStillRecordsTheFinish() {
    var kit = registered();
    Party node = Party.node(nodeId(kit));
    receive(kit, new ProjectUnplaced("unplace:p-2", Party.provider(PROVIDER), node, "p-2", 7_000));
    receive(kit, new ProjectPlaced("place:p-2", Party.provider(PROVIDER), node, "p-2", 6_000));
    assertNull(kit.getState().running(), "a project that is over does not start again");
    assertEquals(List.of(new ProjectRun("p-2", 7_000, 7_000)), kit.getState().projects());
  }

  @Test
  void whoeverAwaitsAStakeIsToldOnceItHasArrivedAndNotBefore() {
    var kit = registered();
    var waiter = testKit.<Arrived>createTestProbe();
    Transfer stake = Transfer.of("stake-1", Party.account("0x00000000000000000000000000000000000000b2"), Party.node(nodeId(kit)),
        Amount.of(Asset.BHKR, 10), Purpose.NODE_STAKE, 1_000);
    assertTrue(kit.runCommand(new NodeEntity.AwaitArrival(stake.id(), waiter.getRef())).hasNoEvents());
    receive(kit, Transfer.of("stake-2", stake.from(), stake.to(), stake.amount(), Purpose.NODE_STAKE, 1_000));
    waiter.expectNoMessage(Duration.ofMillis(200));

    receive(kit, stake);
    waiter.expectMessage(new Arrived("stake-1"));
    kit.runCommand(new NodeEntity.AwaitArrival(stake.id(), waiter.getRef()));
    waiter.expectMessage(new Arrived("stake-1"));
  }

  /** What a staker holds on the node is the node's to say (NodeView.stakedBy), lots summed as the node counts them. */
  @Test
  void theNodeSaysWhatEachStakerHoldsOnIt() {
    var kit = registered();
    String staker = "0x00000000000000000000000000000000000000b3";
    for (int i = 1; i <= 3; i++)
      receive(kit, Transfer.of("lot-" + i, Party.account(staker), Party.node(nodeId(kit)), Amount.of(Asset.BHKR, 10L * i), Purpose.NODE_STAKE,
          1_000 + i));
    NodeEntity.NodeView v = kit.<NodeEntity.NodeView>runCommand(NodeEntity.Get::new).reply();
    assertEquals(3, v.stakes().get(staker).size(), "three lots");
    assertEquals(java.math.BigInteger.valueOf(60), v.stakedBy(staker));
    assertEquals(kit.getState().staked(staker), v.stakedBy(staker));
    assertEquals(java.math.BigInteger.ZERO, v.stakedBy("0x00000000000000000000000000000000000000b4"), "nothing staked");
  }
  /** Typed transfers (issue 16): the node acts on a transfer's purpose; its reason is only text. */
  @Test
  void aStakeIsKnownByItsPurposeNotByItsReason() {
    var kit = registered();
    String staker = "0x00000000000000000000000000000000000000b5";
    Transfer saysStake = new Transfer("pay-1", Party.account(staker), Party.node(nodeId(kit)), Amount.of(Asset.BHKR, 10), Purpose.PAYMENT,
        "stake", 1_000);
    List<DomainEvent> events = receive(kit, saysStake).events();
    assertEquals(new DispatchSent(new Transfer("return:pay-1", Party.node(nodeId(kit)), Party.account(staker), Amount.of(Asset.BHKR, 10),
        Purpose.RETURN, "returned: node " + nodeId(kit) + " takes only BHKR stakes from accounts, once registered", 1_000)), events.get(1),
        "a payment whose reason reads \"stake\" is no stake: it goes back");
    assertEquals(java.math.BigInteger.ZERO, kit.getState().staked(staker));

    receive(kit, new Transfer("lot-x", Party.account(staker), Party.node(nodeId(kit)), Amount.of(Asset.BHKR, 10), Purpose.NODE_STAKE,
        "any words", 1_001));
    assertEquals(java.math.BigInteger.TEN, kit.getState().staked(staker), "a stake is a stake whatever its reason says");
  }
}
