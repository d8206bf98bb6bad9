package io.bhkr.provider;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.ProviderQualified;
import io.bhkr.money.Amount;
import io.bhkr.nodes.NodeDeclared;
import io.bhkr.project.ProjectEntity;
import io.bhkr.provider.ProviderEntity.NodeAdmitted;
import io.bhkr.provider.ProviderEntity.PoolStakeCheck;
import io.bhkr.rules.Auction;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Receipt;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the provider decides for others, asked straight at the entity as any client but the HTTP
 * API would: whether its micro-pool stake covers its k (economics 6), and whether one more node
 * fits within the capacity it declared. Every message crosses Jackson.
 */
class ProviderVouchingEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final Resources DECLARED = new Resources(8, 32, 512, 100);
  private static final Resources HALF = new Resources(4, 16, 256, 50);
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ProviderVouchingEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private record Provider(String id, EventSourcedBehaviorTestKit<ProviderEntity.Command, DomainEvent, ProviderState> kit) {

    void receive(io.bhkr.transfer.Dispatch d) {
      kit.<Receipt>runCommand(r -> new ProviderEntity.Receive(d, r));
    }

    void declared(String node, Resources capacity) {
      receive(new NodeDeclared("node:" + node, Party.node(node), Party.provider(id), node, capacity, T0));
    }

    NodeAdmission.Refusal admit(String node, Resources capacity) {
      return kit.<NodeAdmitted>runCommand(r -> new ProviderEntity.AdmitNode(node, capacity, r)).reply().refusal();
    }

    PoolStakeCheck check(Amount stake) {
      return kit.<PoolStakeCheck>runCommand(r -> new ProviderEntity.CheckPoolStake(stake, Parameters.development(), T0, r)).reply();
    }
  }

  private static Provider provider() {
    return provider(projectId -> null);
  }

  private static Provider provider(ProviderEntity.Projects projects) {
    String id = String.format("0x%040x", 0xbee000 + IDS.incrementAndGet());
    RecordingRoute route = new RecordingRoute(testKit.createTestProbe(RecordingRoute.Delivery.class).getRef());
    return new Provider(id, EventSourcedBehaviorTestKit.create(testKit.system(),
        ProviderEntity.create(id, route, projects, Duration.ofMinutes(5))));
  }

  /**
   * A bid goes to the project only through its provider, with the standing the provider holds: a
   * provider that applied but is not qualified cannot pass itself off as qualified, and one that
   * never applied is refused before any project hears of it.
   */
  @Test
  void theProviderVouchesForItsBidWithItsOwnStanding() {
    TestProbe<ProjectEntity.Command> project = testKit.createTestProbe(ProjectEntity.Command.class);
    TestProbe<ProjectEntity.BidResult> bidder = testKit.createTestProbe(ProjectEntity.BidResult.class);
    Provider p = provider(projectId -> projectId.equals("project-1") ? project.getRef() : null);

    p.kit().runCommand(new ProviderEntity.Bid("project-1", bhkr(60), T0, bidder.getRef()));
    ProjectEntity.BidRefused none = (ProjectEntity.BidRefused) bidder.receiveMessage();
    assertEquals(ProjectEntity.BidRefusal.NOT_A_PROVIDER, none.refusal());
    project.expectNoMessage(Duration.ofMillis(100));

    p.kit().<ProviderEntity.ApplyResult>runCommand(r -> new ProviderEntity.Apply("Acme", DECLARED, bhkr(90), T0, r));
    p.kit().runCommand(new ProviderEntity.Bid("project-1", bhkr(60), T0 + 5, bidder.getRef()));
    ProjectEntity.PlaceBid unqualified = project.expectMessageClass(ProjectEntity.PlaceBid.class);
    Auction.ProviderStanding held = p.kit().<ProviderEntity.ProviderView>runCommand(ProviderEntity.Get::new).reply().standing(T0 + 5);
    assertEquals(held, unqualified.standing(), "the standing the provider holds, nothing else");
    assertEquals(false, unqualified.standing().qualified());
    assertEquals(DECLARED, unqualified.standing().freeCapacity());
    assertEquals(bhkr(60), unqualified.price());
    assertEquals(T0 + 5, unqualified.at());
    assertEquals(bidder.getRef(), unqualified.replyTo(), "the project answers the bidder");

    p.receive(new ProviderQualified("qualify:" + p.id(), Party.GOVERNANCE, Party.provider(p.id()), "p", bhkr(10_000), bhkr(100_000)));
    p.kit().runCommand(new ProviderEntity.Bid("project-1", bhkr(60), T0 + 6, bidder.getRef()));
    ProjectEntity.PlaceBid qualified = project.expectMessageClass(ProjectEntity.PlaceBid.class);
    assertEquals(p.kit().<ProviderEntity.ProviderView>runCommand(ProviderEntity.Get::new).reply().standing(T0 + 6), qualified.standing());
    assertTrue(qualified.standing().qualified());

    p.kit().runCommand(new ProviderEntity.Bid("project-2", bhkr(60), T0 + 7, bidder.getRef()));
    assertEquals(ProjectEntity.BidRefusal.UNKNOWN_PROJECT, ((ProjectEntity.BidRefused) bidder.receiveMessage()).refusal());
  }

  @Test
  void aMicroPoolStakeBelowTheProvidersKIsRefusedByTheProvider() {
    Provider p = provider();
    assertEquals(EthShare.Refusal.Kind.NOT_A_PROVIDER, p.check(eth(32)).refusal().kind());
    p.kit().<ProviderEntity.ApplyResult>runCommand(r -> new ProviderEntity.Apply("Acme", DECLARED, bhkr(90), T0, r));
    assertEquals(EthShare.Refusal.Kind.NOT_QUALIFIED, p.check(eth(32)).refusal().kind(), "applied, not qualified");
    p.receive(new ProviderQualified("qualify:" + p.id(), Party.GOVERNANCE, Party.provider(p.id()), "p", bhkr(10_000), bhkr(100_000)));

    BigInteger k = p.check(eth(32)).k();
    assertTrue(k.signum() > 0 && k.compareTo(eth(32).amount()) < 0, "a new provider stakes a share of the validator: " + k);
    PoolStakeCheck below = p.check(new Amount(io.bhkr.money.Asset.ETH, k.subtract(BigInteger.ONE)));
    assertEquals(EthShare.Refusal.Kind.STAKE_BELOW_K, below.refusal().kind());
    assertTrue(below.refusal().reason().contains("below its k of " + k), below.refusal().reason());
    assertNull(p.check(new Amount(io.bhkr.money.Asset.ETH, k)).refusal(), "exactly k is enough");
    assertTrue(p.check(eth(32)).k().equals(k), "asking changes nothing");
  }

  @Test
  void nodesAreCappedByTheCapacityTheProviderDeclared() {
    Provider p = provider();
    assertEquals(NodeAdmission.Refusal.Kind.NOT_A_PROVIDER, p.admit("n-1", HALF).kind());
    p.kit().<ProviderEntity.ApplyResult>runCommand(r -> new ProviderEntity.Apply("Acme", DECLARED, bhkr(90), T0, r));
    assertEquals(NodeAdmission.Refusal.Kind.NOT_QUALIFIED, p.admit("n-1", HALF).kind());
    p.receive(new ProviderQualified("qualify:" + p.id(), Party.GOVERNANCE, Party.provider(p.id()), "p", bhkr(10_000), bhkr(100_000)));

    assertEquals(NodeAdmission.Refusal.Kind.OVER_DECLARED_CAPACITY, p.admit("n-big", new Resources(9, 1, 1, 1)).kind(),
        "one dimension beyond the declared capacity is enough to refuse");
    assertNull(p.admit("n-1", HALF));
    p.declared("n-1", HALF);
    assertNull(p.admit("n-2", HALF), "two halves fill it exactly");
    p.declared("n-2", HALF);
    NodeAdmission.Refusal third = p.admit("n-3", new Resources(1, 0, 0, 0));
    assertEquals(NodeAdmission.Refusal.Kind.OVER_DECLARED_CAPACITY, third.kind());
    assertTrue(third.reason().contains("n-3") && third.reason().contains("beyond"), third.reason());
    assertNull(p.admit("n-2", HALF), "a node already declared counts once");
    p.kit().restart();
    assertEquals(NodeAdmission.Refusal.Kind.OVER_DECLARED_CAPACITY, p.admit("n-3", new Resources(0, 0, 0, 1)).kind(),
        "the sum survives a restart: it is folded from the journal");
  }
}
