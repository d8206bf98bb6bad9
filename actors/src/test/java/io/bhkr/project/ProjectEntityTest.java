package io.bhkr.project;

import static io.bhkr.testing.EntityTests.bhkr;
import static io.bhkr.testing.EntityTests.eth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.testkit.typed.javadsl.TestProbe;
import akka.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Auction;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.testing.EntityTests;
import io.bhkr.testing.RecordingRoute.Delivery;
import io.bhkr.testing.RecordingRoute;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Receipt;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectEntityTest {

  private static final long T0 = 1_700_000_000L;
  private static final String REQUESTER = "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc";
  private static final String P1 = "0x1000000000000000000000000000000000000001";
  private static final String P2 = "0x2000000000000000000000000000000000000002";
  private static final String P3 = "0x3000000000000000000000000000000000000003";
  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create("ProjectEntityTest", EntityTests.config());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private record Fixture(
      EventSourcedBehaviorTestKit<ProjectEntity.Command, DomainEvent, ProjectState> project,
      TestProbe<Delivery> deliveries) {}

  /** A project whose clock reads {@code now}; with the development bid window of 3 s. */
  private static Fixture project(String id, long now) {
    TestProbe<Delivery> deliveries = testKit.createTestProbe(Delivery.class);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
    var kit = EventSourcedBehaviorTestKit.<ProjectEntity.Command, DomainEvent, ProjectState>create(testKit.system(),
        ProjectEntity.create(id, new RecordingRoute(deliveries.getRef()), Duration.ofMinutes(5), clock));
    return new Fixture(kit, deliveries);
  }

  private static ProjectFunding funding(String projectId) {
    QuoteTerms q = EntityTests.q1Quote(T0);
    return new ProjectFunding("fund:" + projectId, Party.account(REQUESTER), Party.project(projectId), q.fp(), q,
        EntityTests.secret(), T0);
  }

  private static ProviderStanding qualified(String providerId, long score) {
    return new ProviderStanding(providerId, true, false, bhkr(10_000), new Resources(64, 256, 4096, 1000), bhkr(90), score);
  }

  private static ProjectEntity.BidResult bid(Fixture f, String providerId, long tokens, ProviderStanding standing) {
    return f.project().<ProjectEntity.BidResult>runCommand(r ->
        new ProjectEntity.PlaceBid(providerId, bhkr(tokens), standing, T0 + 1, r)).reply();
  }

  @Test
  void theWhitepaperExampleSettlesToTheBaseUnit() {
    Fixture f = project("p-s1", T0 - 600); // far from the close: the test closes it
    var opened = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-s1"), r));
    assertEquals(ProjectStatus.BIDDING, opened.state().status());
    assertEquals(bhkr(100), opened.state().escrow().of(Asset.BHKR));

    assertInstanceOf(ProjectEntity.BidAccepted.class, bid(f, P1, 60, qualified(P1, 620)));
    assertInstanceOf(ProjectEntity.BidAccepted.class, bid(f, P2, 70, qualified(P2, 620)));
    assertInstanceOf(ProjectEntity.BidAccepted.class, bid(f, P3, 75, qualified(P3, 620)));

    var closed = f.project().runCommand(new ProjectEntity.CloseAuction());
    assertEquals(ProjectStatus.RUNNING, closed.state().status());
    AuctionClosed auction = closed.state().auction();
    assertEquals(P1, auction.winner());
    assertEquals(bhkr(60), auction.pricePaid());
    assertEquals(3, auction.admissible().size());
    ProjectAwarded award = (ProjectAwarded) f.deliveries().receiveMessage().dispatch();
    assertEquals(Party.provider(P1), award.to());
    // every bidder learns its bid against maxBid, for its price term Pr (economics 8)
    List<io.bhkr.project.BidOutcome> outcomes = f.deliveries().receiveSeveralMessages(3).stream()
        .map(d -> (io.bhkr.project.BidOutcome) d.dispatch()).toList();
    assertEquals(List.of(P1, P2, P3), outcomes.stream().map(o -> o.to().id()).toList());
    assertEquals(List.of(true, false, false), outcomes.stream().map(io.bhkr.project.BidOutcome::won).toList());
    assertEquals(bhkr(70), outcomes.get(1).bid());
    assertEquals(f.project().getState().terms().maxBid(), outcomes.get(1).maxBid());

    Transfer profit = Transfer.of("profit-1", Party.account(P1), Party.project("p-s1"), eth(300), Purpose.PROFIT, 0);
    var settled = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(profit, r));
    assertEquals(ProjectStatus.SETTLED, settled.state().status());
    Map<String, Amount> legs = settled.state().settlement().legs().stream()
        .collect(Collectors.toMap(l -> l.to() + " " + l.amount().asset(), SettlementLeg::amount, Amount::plus));
    assertEquals(bhkr(60 + 20), legs.get(P1 + " BHKR").plus(legs.get(REQUESTER + " BHKR")));
    assertEquals(bhkr(60), sentTo(f, P1, Asset.BHKR));
    assertEquals(Map.of(
        P1 + " BHKR", bhkr(60), "pool:reward BHKR", bhkr(10), "pool:insurance BHKR", bhkr(10), REQUESTER + " BHKR", bhkr(20),
        "pool:reward ETH", eth(30), "pool:insurance ETH", eth(30), REQUESTER + " ETH", eth(240)), legs);
    assertTrue(settled.state().escrow().of(Asset.BHKR).isZero() && settled.state().escrow().of(Asset.ETH).isZero(),
        "the escrow is fully paid out");
  }

  /** Drains the deliveries after settlement and returns what went to {@code address} in {@code asset}. */
  private static Amount sentTo(Fixture f, String address, Asset asset) {
    List<Dispatch> out = f.deliveries().receiveSeveralMessages(8, Duration.ofSeconds(3)).stream().map(Delivery::dispatch).toList();
    assertInstanceOf(ProjectReleased.class, out.get(out.size() - 1), "the provider's capacity is released last");
    assertFalse(((ProjectReleased) out.get(out.size() - 1)).failed(), "a settled project is no failure");
    return out.stream().filter(d -> d instanceof Transfer t && t.to().equals(Party.account(address)) && t.amount().asset() == asset)
        .map(d -> ((Transfer) d).amount()).reduce(Amount.zero(asset), Amount::plus);
  }

  @Test
  void inadmissibleAndLateBidsAreRefusedAndChangeNothing() {
    Fixture f = project("p-refusals", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-refusals"), r));

    var overMax = (ProjectEntity.BidRefused) bid(f, P1, 81, qualified(P1, 620));
    assertEquals(Auction.Refusal.ABOVE_MAX_BID, overMax.inadmissible());
    var unqualified = (ProjectEntity.BidRefused) bid(f, P2, 60,
        new ProviderStanding(P2, false, false, bhkr(10_000), new Resources(64, 256, 4096, 1000), bhkr(90), 620));
    assertEquals(Auction.Refusal.NOT_QUALIFIED, unqualified.inadmissible());
    var late = f.project().<ProjectEntity.BidResult>runCommand(r ->
        new ProjectEntity.PlaceBid(P3, bhkr(60), qualified(P3, 620), T0 + 3, r));
    assertEquals(ProjectEntity.BidRefusal.NOT_BIDDING, ((ProjectEntity.BidRefused) late.reply()).refusal());
    assertTrue(late.state().bids().isEmpty());
  }

  @Test
  void withoutAnAdmissibleBidTheProjectIsUnassignedAndFpRefunded() {
    Fixture f = project("p-empty", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-empty"), r));
    var closed = f.project().runCommand(new ProjectEntity.CloseAuction());
    assertEquals(ProjectStatus.UNASSIGNED, closed.state().status());
    Transfer refund = (Transfer) f.deliveries().receiveMessage().dispatch();
    assertEquals(Party.account(REQUESTER), refund.to());
    assertEquals(bhkr(100), refund.amount());
    assertTrue(closed.state().escrow().of(Asset.BHKR).isZero());
  }

  @Test
  void profitFromAnyoneButTheWinnerIsReturnedToItsSender() {
    Fixture f = project("p-return", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-return"), r));
    bid(f, P1, 60, qualified(P1, 620));
    f.project().runCommand(new ProjectEntity.CloseAuction());
    f.deliveries().receiveSeveralMessages(2); // the award and P1's bid outcome
    Transfer stranger = Transfer.of("profit-x", Party.account(P2), Party.project("p-return"), eth(5), Purpose.PROFIT, 0);
    var result = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(stranger, r));
    assertEquals(ProjectStatus.RUNNING, result.state().status());
    Transfer back = (Transfer) f.deliveries().receiveMessage().dispatch();
    assertEquals(Party.account(P2), back.to());
    assertEquals(eth(5), back.amount());
  }

  @Test
  void aRedeliveredFundingOpensTheProjectOnce() {
    Fixture f = project("p-twice", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-twice"), r));
    var again = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-twice"), r));
    assertTrue(again.hasNoEvents());
    assertEquals(bhkr(100), again.state().escrow().of(Asset.BHKR));
  }

  @Test
  void theBidWindowClosesByItselfAfterARestart() {
    Fixture f = project("p-timer", T0 + 2); // the clock reads one second before the close
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-timer"), r));
    bid(f, P1, 60, qualified(P1, 620));
    var restarted = f.project().restart();
    assertEquals(ProjectStatus.BIDDING, restarted.state().status());
    assertEquals(1, restarted.state().bids().size());
    ProjectAwarded award = (ProjectAwarded) f.deliveries().receiveMessage(Duration.ofSeconds(5)).dispatch();
    assertEquals(P1, award.to().id());
    assertEquals(ProjectStatus.RUNNING, f.project().getState().status());
  }

  @Test
  void aServiceFailureFoundByItsWinnerFailsTheRunningProjectOnceWithTheP2Legs() {
    Fixture f = project("p-sla", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-sla"), r));
    assertInstanceOf(ProjectEntity.BidAccepted.class, bid(f, P1, 60, qualified(P1, 620)));
    f.project().runCommand(new ProjectEntity.CloseAuction());
    f.deliveries().receiveSeveralMessages(2); // the award and P1's bid outcome
    java.math.BigInteger usd = java.math.BigInteger.valueOf(1_000_000);
    long at = T0 + 10 * 86_400;
    io.bhkr.provider.ServiceFailureFound byOther = new io.bhkr.provider.ServiceFailureFound("sla:x", Party.provider(P2),
        Party.project("p-sla"), "p-sla", "n-9", 0, 9_500, at, usd, usd);
    var ignored = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(byOther, r));
    assertEquals(ProjectStatus.RUNNING, ignored.state().status(), "only the winner's own audits can fail its project");

    io.bhkr.provider.ServiceFailureFound found = new io.bhkr.provider.ServiceFailureFound("sla:p-sla", Party.provider(P1),
        Party.project("p-sla"), "p-sla", "n-1", 9_000, 9_500, at, usd, usd);
    var failed = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(found, r));
    assertEquals(ProjectStatus.FAILED, failed.state().status());
    assertEquals(at, failed.state().failure().failedAt());
    assertTrue(failed.state().failure().reason().contains("9000 bp of node n-1"), failed.state().failure().reason());
    List<Dispatch> out = f.deliveries().receiveSeveralMessages(3, Duration.ofSeconds(3)).stream().map(Delivery::dispatch).toList();
    assertEquals(bhkr(100), ((Transfer) out.get(0)).amount(), "FP back to the requester in full");
    assertInstanceOf(io.bhkr.project.CollateralClaim.class, out.get(1));
    assertInstanceOf(ProjectReleased.class, out.get(2));
    assertTrue(((ProjectReleased) out.get(2)).failed(), "the release tells the provider it failed the project");
    assertTrue(f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(found, r)).hasNoEvents(), "told once, failed once");
  }

  @Test
  void aFailureThatOwesNoCompensationSendsNoClaimButStillAFailedRelease() {
    Fixture f = project("p-late", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-late"), r));
    assertInstanceOf(ProjectEntity.BidAccepted.class, bid(f, P1, 60, qualified(P1, 620)));
    f.project().runCommand(new ProjectEntity.CloseAuction());
    f.deliveries().receiveSeveralMessages(2); // the award and P1's bid outcome
    java.math.BigInteger usd = java.math.BigInteger.valueOf(1_000_000);
    long afterItsLastDay = T0 + 400 * 86_400L;
    var failed = f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(new io.bhkr.provider.ServiceFailureFound("sla:p-late",
        Party.provider(P1), Party.project("p-late"), "p-late", "n-1", 0, 9_500, afterItsLastDay, usd, usd), r));
    assertTrue(failed.state().failure().compensation().isZero());
    List<Dispatch> out = f.deliveries().receiveSeveralMessages(2, Duration.ofSeconds(3)).stream().map(Delivery::dispatch).toList();
    assertInstanceOf(Transfer.class, out.get(0));
    assertEquals(new ProjectReleased("release:p-late", Party.project("p-late"), Party.provider(P1), "p-late", afterItsLastDay, true),
        out.get(1));
    assertTrue(failed.events().stream().noneMatch(e -> e instanceof io.bhkr.transfer.DispatchSent d
        && d.dispatch() instanceof io.bhkr.project.CollateralClaim), "no claim for nothing owed");
  }

  /** The project, not the API, says who may complete it: asked straight, it names the rule by its kind. */
  @Test
  void onlyTheRunningProjectsWinnerMayComplete() {
    Fixture f = project("p-complete", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-complete"), r));
    assertEquals(ProjectDecisions.CompletionRefusal.Kind.NOT_THE_WINNER, completion(f, P1).kind(), "no winner while bidding");
    bid(f, P1, 60, qualified(P1, 620));
    f.project().runCommand(new ProjectEntity.CloseAuction());
    assertNull(completion(f, P1), "the winner of a running project");
    assertEquals(ProjectDecisions.CompletionRefusal.Kind.NOT_THE_WINNER, completion(f, P2).kind());
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(Transfer.of("profit:p-complete", Party.account(P1),
        Party.project("p-complete"), eth(1), Purpose.PROFIT, T0 + 10), r));
    assertEquals(ProjectStatus.SETTLED, f.project().getState().status());
    ProjectDecisions.CompletionRefusal settled = completion(f, P1);
    assertEquals(ProjectDecisions.CompletionRefusal.Kind.NOT_RUNNING, settled.kind());
    assertTrue(settled.reason().contains("SETTLED"), settled.reason());
  }

  @Test
  void aFailureSentStraightToAProjectThatIsNotRunningIsRefusedAndChangesNothing() {
    Fixture f = project("p-not-running", T0 - 600);
    f.project().<Receipt>runCommand(r -> new ProjectEntity.Receive(funding("p-not-running"), r));
    var refused = f.project().<ProjectEntity.FailureRecording>runCommand(r ->
        new ProjectEntity.RecordFailure("stopped", T0, BigInteger.ONE, BigInteger.ONE, r));
    assertTrue(refused.hasNoEvents());
    assertEquals("project p-not-running is BIDDING", refused.reply().refusal());
    assertEquals(ProjectStatus.BIDDING, refused.reply().view().status());
  }

  private static ProjectDecisions.CompletionRefusal completion(Fixture f, String provider) {
    return f.project().<ProjectEntity.CompletionCheck>runCommand(r -> new ProjectEntity.CheckCompletion(provider, r)).reply().refusal();
  }
}
