package io.bhkr.provider;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.governance.ProviderQualified;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.provider.ProviderEntity.ApplicationRefused;
import io.bhkr.provider.ProviderEntity.Applied;
import io.bhkr.provider.ProviderEntity.ApplyResult;
import io.bhkr.provider.ProviderEntity.ProviderApplied;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.provider.ProviderEntity.Status;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProviderEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final Resources CAPACITY = new Resources(64, 256, 4096, 1000);
  private static final Resources Q1 = new Resources(4, 16, 128, 0);
  private static final AtomicInteger IDS = new AtomicInteger();
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ProviderEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /** A provider with a fresh address, so tests share no journal. */
  private static Fixture provider() {
    String id = String.format("0x%040x", 0xabc000 + IDS.incrementAndGet());
    RecordingRoute route = new RecordingRoute(testKit.createTestProbe(RecordingRoute.Delivery.class).getRef());
    return new Fixture(id, EventSourcedBehaviorTestKit.create(testKit.system(), ProviderEntity.create(id, route, Duration.ofMinutes(5))));
  }

  private record Fixture(
      String id, EventSourcedBehaviorTestKit<ProviderEntity.Command, DomainEvent, ProviderState> kit) {

    EventSourcedBehaviorTestKit.CommandResultWithReply<ProviderEntity.Command, DomainEvent, ProviderState, ApplyResult>
        apply(String brand, Resources capacity, Amount maxPrice) {
      return kit.runCommand(r -> new ProviderEntity.Apply(brand, capacity, maxPrice, T0, r));
    }

    EventSourcedBehaviorTestKit.CommandResultWithReply<ProviderEntity.Command, DomainEvent, ProviderState, Receipt>
        receive(Dispatch d) {
      return kit.runCommand(r -> new ProviderEntity.Receive(d, r));
    }

    ProviderView view() {
      return kit.<ProviderView>runCommand(ProviderEntity.Get::new).reply();
    }

    ProviderQualified qualification(String proposalId) {
      return new ProviderQualified("qualify:" + proposalId, Party.GOVERNANCE, Party.provider(id), proposalId,
          bhkr(10_000), bhkr(100_000));
    }

    Transfer stake(String transferId, Amount amount) {
      return Transfer.of(transferId, Party.account(id), Party.provider(id), amount, Purpose.COLLATERAL, 0);
    }

    ProjectAwarded award(String projectId, Resources resources) {
      return new ProjectAwarded("award:" + projectId, Party.project(projectId), Party.provider(id), projectId, resources, 0);
    }

    ProjectReleased release(String projectId) {
      return new ProjectReleased("release:" + projectId, Party.project(projectId), Party.provider(id), projectId, 0, false);
    }
  }

  @Test
  void anApplicationIsRecordedAndTheProviderIsApplied() {
    Fixture p = provider();
    var result = p.apply("Acme Nodes", CAPACITY, bhkr(90));
    assertEquals(new Applied(p.id()), result.reply());
    assertEquals(new ProviderApplied(p.id(), "Acme Nodes", CAPACITY, bhkr(90), T0), result.event());
    assertEquals(Status.APPLIED, result.state().status());

    ProviderView v = p.view();
    assertEquals(Status.APPLIED, v.status());
    assertEquals("Acme Nodes", v.brandName());
    assertEquals(CAPACITY, v.capacity());
    assertEquals(CAPACITY, v.freeCapacity());
    assertEquals(bhkr(90), v.maxPrice());
    assertEquals(Amount.zero(Asset.BHKR), v.collateral());
    assertEquals(600, v.score(), "U = 1, Rt = 0, St = 0, Pr = 1: 0.4 + 0.2 = 600");
    assertEquals(Set.of(), v.runningProjects());
  }

  @Test
  void aSecondApplicationIsRefusedAndChangesNothing() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    var again = p.apply("Other Brand", Q1, bhkr(1));
    ApplicationRefused refused = assertInstanceOf(ApplicationRefused.class, again.reply());
    assertTrue(refused.reason().contains("already applied"), refused.reason());
    assertTrue(again.hasNoEvents());
    assertEquals("Acme Nodes", again.state().application().brandName());
    assertEquals(CAPACITY, again.state().application().capacity());
  }

  @Test
  void aBlankOrOverlongBrandNameIsRefused() {
    Fixture p = provider();
    for (String brand : new String[] {"", "   ", "x".repeat(101)}) {
      var result = p.apply(brand, CAPACITY, bhkr(90));
      ApplicationRefused refused = assertInstanceOf(ApplicationRefused.class, result.reply(), "brand '" + brand + "'");
      assertTrue(refused.reason().contains("brandName"), refused.reason());
      assertTrue(result.hasNoEvents());
    }
    assertEquals(Status.NONE, p.view().status());
    assertInstanceOf(Applied.class, p.apply("x".repeat(100), CAPACITY, bhkr(90)).reply(), "100 characters are allowed");
  }

  @Test
  void aZeroOrNonBhkrMaxPriceIsRefused() {
    Fixture p = provider();
    for (Amount price : new Amount[] {Amount.zero(Asset.BHKR), eth(90), Amount.tokens(Asset.AETH, 90)}) {
      var result = p.apply("Acme Nodes", CAPACITY, price);
      ApplicationRefused refused = assertInstanceOf(ApplicationRefused.class, result.reply(), "maxPrice " + price);
      assertTrue(refused.reason().contains("maxPrice"), refused.reason());
      assertTrue(result.hasNoEvents());
    }
    assertEquals(Status.NONE, p.view().status());
    assertInstanceOf(Applied.class, p.apply("Acme Nodes", CAPACITY, Amount.of(Asset.BHKR, 1)).reply(),
        "one base unit is a positive price");
  }

  @Test
  void governanceQualifiesAnApplicantOnceWhateverTheRedeliveries() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    ProviderQualified q = p.qualification("prop-1");

    var first = p.receive(q);
    assertEquals(new Receipt("qualify:prop-1"), first.reply());
    assertEquals(new DispatchReceived(q), first.event());
    assertEquals(Status.QUALIFIED, first.state().status());
    assertEquals(q, first.state().qualification());

    var again = p.receive(q);
    assertEquals(new Receipt("qualify:prop-1"), again.reply(), "a redelivery is still receipted");
    assertTrue(again.hasNoEvents());
    assertEquals(Status.QUALIFIED, again.state().status());

    // a second, different qualification (another proposal) does not replace the first one
    ProviderQualified other = new ProviderQualified("qualify:prop-2", Party.GOVERNANCE, Party.provider(p.id()), "prop-2",
        bhkr(1), bhkr(2));
    var second = p.receive(other);
    assertEquals(q, second.state().qualification());
  }

  @Test
  void collateralAccumulatesAndAtPMinTheProviderIsActiveScoring620() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));

    var part = p.receive(p.stake("c-1", bhkr(4_000)));
    assertEquals(bhkr(4_000), part.state().collateral());
    assertEquals(Status.QUALIFIED, part.state().status());
    assertEquals(608, part.state().score(), "St = 4000/100000: 1000 * (0.4 + 0.2 * 0.04 + 0.2)");

    var justBelow = p.receive(p.stake("c-2", bhkr(6_000).minus(Amount.of(Asset.BHKR, 1))));
    assertEquals(Status.QUALIFIED, justBelow.state().status(), "one base unit short of pMin");

    var atPMin = p.receive(p.stake("c-3", Amount.of(Asset.BHKR, 1)));
    assertEquals(bhkr(10_000), atPMin.state().collateral());
    assertEquals(Status.ACTIVE, atPMin.state().status());
    assertEquals(620, atPMin.state().score(), "economics 8: a new provider at pMin scores 620");

    // the same transfer redelivered is not counted twice
    var redelivered = p.receive(p.stake("c-3", Amount.of(Asset.BHKR, 1)));
    assertTrue(redelivered.hasNoEvents());
    assertEquals(bhkr(10_000), redelivered.state().collateral());

    ProviderView v = p.view();
    assertEquals(Status.ACTIVE, v.status());
    assertEquals(bhkr(10_000), v.collateral());
    assertEquals(620, v.score());
  }

  @Test
  void atPMaxTheScoreIs800AndMoreCollateralDoesNotRaiseIt() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    var atPMax = p.receive(p.stake("c-1", bhkr(100_000)));
    assertEquals(Status.ACTIVE, atPMax.state().status());
    assertEquals(800, atPMax.state().score(), "St = 1: 1000 * (0.4 + 0.2 + 0.2)");
    var above = p.receive(p.stake("c-2", bhkr(50_000)));
    assertEquals(bhkr(150_000), above.state().collateral());
    assertEquals(800, above.state().score(), "St is capped at 1");
  }

  @Test
  void aHalfPointScoreRoundsToEven() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    // St = 1250/100000 = 0.0125: 1000 * 0.6025 = 602.5, HALF_EVEN gives 602
    assertEquals(602, p.receive(p.stake("c-1", bhkr(1_250))).state().score());
    // St = 3750/100000 = 0.0375: 1000 * 0.6075 = 607.5, HALF_EVEN gives 608
    assertEquals(608, p.receive(p.stake("c-2", bhkr(2_500))).state().score());
  }

  @Test
  void collateralStakedBeforeQualificationCountsOnceQualified() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    var staked = p.receive(p.stake("c-1", bhkr(10_000)));
    assertEquals(Status.APPLIED, staked.state().status());
    assertEquals(600, staked.state().score(), "without a qualification there is no pMax to measure St against");
    var qualified = p.receive(p.qualification("prop-1"));
    assertEquals(Status.ACTIVE, qualified.state().status());
    assertEquals(620, qualified.state().score());
  }

  /**
   * From ProviderDecisions.COLLATERAL_CHECKED_ON_ARRIVAL_FROM on, collateral sent straight to a
   * provider that may not stake yet goes back on arrival, as the API refuses it before paying.
   */
  @Test
  void collateralArrivingBeforeQualificationGoesBackOnceTheRuleIsInForce() {
    long from = ProviderDecisions.COLLATERAL_CHECKED_ON_ARRIVAL_FROM;
    Fixture p = provider();
    Transfer early = Transfer.of("c-none", Party.account(p.id()), Party.provider(p.id()), bhkr(5), Purpose.COLLATERAL, from);
    assertEquals(List.of(new DispatchReceived(early), new DispatchSent(new Transfer("return:c-none", Party.provider(p.id()),
        Party.account(p.id()), bhkr(5), Purpose.RETURN, "returned: provider " + p.id() + " has not applied", from))),
        p.receive(early).events());
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    var applied = p.receive(Transfer.of("c-1", Party.account(p.id()), Party.provider(p.id()), bhkr(10_000), Purpose.COLLATERAL, from));
    assertEquals(new DispatchSent(new Transfer("return:c-1", Party.provider(p.id()), Party.account(p.id()), bhkr(10_000), Purpose.RETURN,
        "returned: provider " + p.id() + " must be qualified by governance before staking collateral", from)), applied.events().get(1));
    assertEquals(2, applied.events().size(), "no score for collateral it does not hold");
    assertEquals(bhkr(0), applied.state().collateral());
    assertTrue(p.receive(Transfer.of("c-1", Party.account(p.id()), Party.provider(p.id()), bhkr(10_000), Purpose.COLLATERAL, from))
        .hasNoEvents(), "a redelivery is seen");

    p.receive(p.qualification("prop-1"));
    var staked = p.receive(Transfer.of("c-2", Party.account(p.id()), Party.provider(p.id()), bhkr(10_000), Purpose.COLLATERAL, from + 1));
    assertEquals(Status.ACTIVE, staked.state().status());
    assertEquals(bhkr(10_000), staked.state().collateral());
    assertEquals(620, staked.state().score());
  }

  /** The API asks the provider before staking collateral (ProviderDecisions.collateralRefusal); so may anyone else. */
  @Test
  void theProviderSaysWhetherItMayStakeCollateralQualifiedOrNot() {
    Fixture p = provider();
    assertEquals("provider " + p.id() + " has not applied",
        p.kit().<ProviderEntity.CollateralCheck>runCommand(ProviderEntity.CheckCollateral::new).reply().refusal());
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    var applied = p.kit().<ProviderEntity.CollateralCheck>runCommand(ProviderEntity.CheckCollateral::new);
    assertEquals("provider " + p.id() + " must be qualified by governance before staking collateral", applied.reply().refusal());
    assertTrue(applied.hasNoEvents());
    p.receive(p.qualification("prop-1"));
    assertNull(p.kit().<ProviderEntity.CollateralCheck>runCommand(ProviderEntity.CheckCollateral::new).reply().refusal());
    for (Status status : Status.values())
      assertEquals(status == Status.NONE || status == Status.APPLIED, ProviderDecisions.collateralRefusal(p.id(), status) != null,
          status.name());
  }

  @Test
  void anAwardOccupiesCapacityAndItsReleaseFreesIt() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    p.receive(p.stake("c-1", bhkr(10_000)));

    var awarded = p.receive(p.award("p-1", Q1));
    assertEquals(new Resources(60, 240, 3968, 1000), awarded.state().freeCapacity());
    var second = p.receive(p.award("p-2", new Resources(10, 0, 0, 500)));
    assertEquals(new Resources(50, 240, 3968, 500), second.state().freeCapacity());
    assertEquals(Set.of("p-1", "p-2"), p.view().runningProjects());

    var redelivered = p.receive(p.award("p-1", Q1));
    assertTrue(redelivered.hasNoEvents());
    assertEquals(new Resources(50, 240, 3968, 500), redelivered.state().freeCapacity(), "an award is counted once");

    var released = p.receive(p.release("p-1"));
    assertEquals(new Resources(54, 256, 4096, 500), released.state().freeCapacity());
    assertEquals(Set.of("p-2"), p.view().runningProjects());
    p.receive(p.release("p-2"));
    assertEquals(CAPACITY, p.view().freeCapacity());
    assertEquals(Set.of(), p.view().runningProjects());
  }

  @Test
  void aQualificationForAProviderThatNeverAppliedLeavesItNone() {
    Fixture p = provider();
    var result = p.receive(p.qualification("prop-1"));
    assertEquals(new Receipt("qualify:prop-1"), result.reply(), "receipted, so governance stops sending it");
    assertNull(result.state().qualification());
    assertEquals(Status.NONE, result.state().status());

    ProviderView v = p.view();
    assertEquals(Status.NONE, v.status());
    assertNull(v.brandName());
    assertEquals(0, v.score());
    ProviderStanding standing = v.standing(0);
    assertFalse(standing.qualified());
    assertFalse(standing.disqualified());
    assertEquals(Resources.NONE, standing.freeCapacity());
    assertEquals(Status.NONE, p.kit().restart().state().status());
  }

  @Test
  void theStandingTheAuctionSeesFollowsQualificationCollateralAndCapacity() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    ProviderStanding applied = p.view().standing(0);
    assertEquals(new ProviderStanding(p.id(), false, false, Amount.zero(Asset.BHKR), CAPACITY, bhkr(90), 600), applied);

    p.receive(p.qualification("prop-1"));
    assertEquals(new ProviderStanding(p.id(), true, false, Amount.zero(Asset.BHKR), CAPACITY, bhkr(90), 600),
        p.view().standing(0), "qualified but not yet staked: qualified, collateral 0");

    p.receive(p.stake("c-1", bhkr(10_000)));
    p.receive(p.award("p-1", Q1));
    assertEquals(new ProviderStanding(p.id(), true, false, bhkr(10_000), new Resources(60, 240, 3968, 1000), bhkr(90), 620),
        p.view().standing(0));
  }

  @Test
  void aRestartRecoversTheWholeState() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    p.receive(p.stake("c-1", bhkr(7_000)));
    p.receive(p.stake("c-2", bhkr(5_000)));
    p.receive(p.award("p-1", Q1));
    p.receive(p.award("p-2", Q1));
    p.receive(p.release("p-2"));
    ProviderView before = p.view();

    var restarted = p.kit().restart();
    ProviderState s = restarted.state();
    assertEquals("Acme Nodes", s.application().brandName());
    assertEquals("qualify:prop-1", s.qualification().id());
    assertEquals(bhkr(12_000), s.collateral());
    assertEquals(Set.of("p-1"), s.awarded().keySet());
    assertEquals(Status.ACTIVE, s.status());
    for (String id : new String[] {"qualify:prop-1", "c-1", "c-2", "award:p-1", "award:p-2", "release:p-2"})
      assertTrue(s.seen().contains(id), id + " is remembered as applied");

    ProviderView after = p.view();
    assertEquals(before, after);
    assertEquals(new Resources(60, 240, 3968, 1000), after.freeCapacity());
    assertEquals(624, after.score(), "St = 12000/100000: 1000 * (0.4 + 0.024 + 0.2)");

    // after recovery, redeliveries are still recognised
    assertTrue(p.receive(p.stake("c-1", bhkr(7_000))).hasNoEvents());
    assertTrue(p.receive(p.award("p-2", Q1)).hasNoEvents(), "a released project is not re-awarded by a late redelivery");
    assertEquals(bhkr(12_000), p.view().collateral());
  }

  // Delivery faults: value of another asset, and notices that overtake each other.

  /**
   * A transfer of another asset than BHKR is receipted and held, and does not count as collateral
   * (it once crashed the entity, which then never confirmed it).
   */
  @Test
  void aNonBhkrTransferIsReceiptedAndDoesNotCountAsCollateral() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    p.receive(p.stake("c-1", bhkr(10_000)));

    var result = p.receive(Transfer.of("c-eth", Party.account(p.id()), Party.provider(p.id()), eth(1), Purpose.COLLATERAL, 0));
    assertEquals(new Receipt("c-eth"), result.reply());
    assertEquals(bhkr(10_000), result.state().collateral());
    assertEquals(Status.ACTIVE, p.view().status());
    assertEquals(620, p.view().score());
    assertTrue(p.receive(Transfer.of("c-eth", Party.account(p.id()), Party.provider(p.id()), eth(1), Purpose.COLLATERAL, 0))
        .hasNoEvents(), "applied once");
  }

  /**
   * Dispatches are delivered at least once but not in order. When
   * the first delivery of a project's award is lost and the project settles, its release reaches
   * the provider first (a no-op remove), and the award's redelivery then occupies the capacity for
   * good: nothing will ever release it again. An award for a project already released must not
   * occupy capacity.
   */
  @Test
  void aReleaseThatOvertakesItsAwardLeavesTheCapacityFree() {
    Fixture p = provider();
    p.apply("Acme Nodes", CAPACITY, bhkr(90));
    p.receive(p.qualification("prop-1"));
    p.receive(p.stake("c-1", bhkr(10_000)));

    p.receive(p.release("p-1"));
    p.receive(p.award("p-1", Q1));
    assertEquals(CAPACITY, p.view().freeCapacity());
    assertEquals(Set.of(), p.view().runningProjects());
    assertEquals(CAPACITY, p.kit().restart().state().freeCapacity());
  }
}
