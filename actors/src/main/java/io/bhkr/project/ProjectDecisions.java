package io.bhkr.project;

import io.bhkr.bytes.Hex;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ServiceFailureFound;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Auction.AuctionResult;
import io.bhkr.rules.Auction.AuctionTerms;
import io.bhkr.rules.Auction.Bid;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Auction;
import io.bhkr.rules.ServiceFailureRule;
import io.bhkr.rules.SettlementRule;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's decisions as pure functions from state and input to the events to persist.
 * No Akka, no clock: the entity shell calls these and persists what they return.
 */
public final class ProjectDecisions {

  /** Why {@code provider} may not complete the project now; {@code kind} is what a client branches on. */
  public record CompletionRefusal(Kind kind, String reason) implements io.bhkr.serialization.JsonSerializable {
    public enum Kind { NOT_THE_WINNER, NOT_RUNNING }
  }

  /** A failure is recorded only for a RUNNING project; null when it may be, else why not. */
  public static String failureRefusal(String projectId, ProjectState s) {
    return s.status() == ProjectStatus.RUNNING ? null : "project " + projectId + " is " + s.status();
  }

  /** Only the project's winning provider completes it, and only while it is RUNNING; null when {@code provider} may. */
  public static CompletionRefusal completionRefusal(ProjectState s, String provider) {
    String winner = s.auction() == null ? null : s.auction().winner();
    if (winner == null || !winner.equals(provider))
      return new CompletionRefusal(CompletionRefusal.Kind.NOT_THE_WINNER, "only the project's winning provider may complete it");
    if (s.status() != ProjectStatus.RUNNING) return new CompletionRefusal(CompletionRefusal.Kind.NOT_RUNNING, "the project is " + s.status());
    return null;
  }


  private ProjectDecisions() {}

  /** What a dispatch arriving at the project means. Value the project cannot use goes back to its sender. */
  public static List<DomainEvent> onArrival(String projectId, ProjectState s, Dispatch d) {
    Party self = Party.project(projectId);
    if (d instanceof ProjectFunding f) {
      if (s.status() == ProjectStatus.NONE && fundsThisOpening(f)) return List.of(new DispatchReceived(f));
      return returned(self, d, "the project is already open or the funding does not match its quote");
    }
    if (d instanceof Transfer t) {
      boolean fromWinner = t.from().kind() == Party.Kind.ACCOUNT && completionRefusal(s, t.from().id()) == null;
      if (fromWinner && t.purpose() == Purpose.PROFIT) return settle(projectId, s, t);
      return returned(self, d, "the project takes profit only from its winner while running");
    }
    if (d instanceof ServiceFailureFound f) {
      List<DomainEvent> events = new ArrayList<>(List.of(new DispatchReceived(f)));
      // Only the running project's own winner can find its service failed; a late notice changes nothing.
      if (s.status() == ProjectStatus.RUNNING && f.from().equals(Party.provider(s.auction().winner())))
        events.addAll(fail(projectId, s, f.at(), "audited uptime " + f.uptimeBps() + " bp of node " + f.nodeId()
            + " is below slaUptimeBps " + f.slaUptimeBps(), f.bhkrPriceMicroUsd(), f.ethPriceMicroUsd()));
      return events;
    }
    return List.of(); // other notices change nothing here
  }

  private static boolean fundsThisOpening(ProjectFunding f) {
    try {
      return f.amount().equals(f.terms().fp()) && Hex.decode(f.secret()).length == 32;
    } catch (IllegalArgumentException badHex) {
      return false;
    }
  }

  private static List<DomainEvent> returned(Party self, Dispatch d, String why) {
    Amount value = d.value().orElseThrow();
    long at = d instanceof Transfer t ? t.at() : d instanceof ProjectFunding f ? f.openedAt() : 0;
    Transfer back = new Transfer("return:" + d.id(), self, d.from(), value, Purpose.RETURN, "returned: " + why, at);
    return List.of(new DispatchReceived(d), new DispatchSent(back));
  }

  public static Optional<Auction.Refusal> refusal(ProjectState s, String providerId, Amount price, ProviderStanding standing) {
    if (!standing.providerId().equals(providerId)) throw new IllegalArgumentException("standing of another provider");
    return Auction.refusal(new Bid(providerId, price, standing), auctionTerms(s.terms()));
  }

  /** Closes the auction (economics 2.3–2.6): award the winner, or refund FP when no bid was admissible. */
  public static List<DomainEvent> close(String projectId, ProjectState s) {
    Party self = Party.project(projectId);
    List<Bid> bids = s.bids().values().stream().map(b -> new Bid(b.providerId(), b.price(), b.standing())).toList();
    AuctionResult r = Auction.close(projectId, Hex.decode(s.order().secret()), bids, auctionTerms(s.terms()));
    AuctionClosed closed = new AuctionClosed(s.closesAt(), s.order().secret(), r.admissible(), r.candidates(),
        Hex.encode(r.seed()), r.totalScore(), r.r(), r.winner().orElse(null), r.pricePaid().orElse(null));
    Dispatch next = r.winner().isPresent()
        ? new ProjectAwarded("award:" + projectId, self, Party.provider(r.winner().get()), projectId, s.terms().resources(), s.closesAt())
        : new Transfer(projectId + ":refund", self, Party.account(s.requester()), s.escrow().of(Asset.BHKR), Purpose.REFUND,
            "refund: no admissible bid", s.closesAt());
    List<DomainEvent> events = new ArrayList<>(List.of(closed, new DispatchSent(next)));
    // each bidder learns its bid against maxBid: its price term Pr (economics 8) averages them
    for (BidPlaced b : s.bids().values())
      events.add(new DispatchSent(new BidOutcome("bid:" + projectId + ":" + b.providerId(), self, Party.provider(b.providerId()),
          projectId, b.price(), s.terms().maxBid(), b.providerId().equals(r.winner().orElse(null)), s.closesAt())));
    return events;
  }

  /** Splits FP and the profit per asset (economics 3) and pays every non-zero leg out of escrow. */
  private static List<DomainEvent> settle(String projectId, ProjectState s, Transfer profit) {
    Party self = Party.project(projectId);
    QuoteTerms t = s.terms();
    String winner = s.auction().winner();
    List<SettlementRule.Leg> legs = SettlementRule.settle(t.fp(), s.auction().pricePaid(), profit.amount(), t.rpBps(), t.ipBps());
    List<SettlementLeg> recorded = new ArrayList<>();
    List<DomainEvent> payouts = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      SettlementRule.Leg leg = legs.get(i);
      Party to = switch (leg.to()) {
        case PROVIDER -> Party.account(winner);
        case REWARD_POOL -> Party.REWARD_POOL;
        case INSURANCE_POOL -> Party.INSURANCE_POOL;
        case REQUESTER -> Party.account(s.requester());
      };
      recorded.add(new SettlementLeg(to.label(), leg.amount(), leg.reason()));
      if (!leg.amount().isZero())
        payouts.add(new DispatchSent(new Transfer(projectId + ":settlement:" + i, self, to, leg.amount(), Purpose.SETTLEMENT, leg.reason(), profit.at())));
    }
    List<DomainEvent> events = new ArrayList<>();
    events.add(new DispatchReceived(profit));
    events.add(new ProjectSettled(profit.amount(), recorded, profit.at()));
    events.addAll(payouts);
    events.add(new DispatchSent(new ProjectReleased("release:" + projectId, self, Party.provider(winner), projectId, profit.at(), false)));
    return events;
  }

  /**
   * The provider stopped serving (economics 7, vector P2): FP back to the requester in full, the
   * compensation claimed from the provider's collateral, the capacity released.
   */
  public static List<DomainEvent> fail(String projectId, ProjectState s, long failedAt, String reason,
      BigInteger bhkrPriceMicroUsd, BigInteger ethPriceMicroUsd) {
    Party self = Party.project(projectId);
    QuoteTerms t = s.terms();
    String winner = s.auction().winner();
    BigInteger expectedUsd = t.expectedProfit().amount().multiply(ethPriceMicroUsd).divide(BigInteger.TEN.pow(Asset.DECIMALS));
    long served = ServiceFailureRule.servedDays(s.auction().closedAt(), failedAt);
    Amount compensation = ServiceFailureRule.compensation(expectedUsd, t.durationDays(), served, bhkrPriceMicroUsd);
    List<DomainEvent> events = new ArrayList<>();
    events.add(new ProjectFailed(failedAt, reason, served, expectedUsd, bhkrPriceMicroUsd, ethPriceMicroUsd, compensation));
    events.add(new DispatchSent(new Transfer(projectId + ":refund", self, Party.account(s.requester()),
        s.escrow().of(Asset.BHKR), Purpose.REFUND, "refund: service failure", failedAt)));
    if (!compensation.isZero())
      events.add(new DispatchSent(new CollateralClaim("claim:" + projectId, self, Party.provider(winner), projectId,
          s.requester(), compensation, failedAt)));
    events.add(new DispatchSent(new ProjectReleased("release:" + projectId, self, Party.provider(winner), projectId, failedAt, true)));
    return events;
  }

  private static AuctionTerms auctionTerms(QuoteTerms t) {
    return new AuctionTerms(t.maxBid(), t.pMin(), t.resources(), t.priceBandBps(), t.pricingRule());
  }
}
