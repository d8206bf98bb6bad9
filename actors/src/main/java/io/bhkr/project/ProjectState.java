package io.bhkr.project;

import io.bhkr.money.Balances;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Seen;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything a project knows; changed only by its events. */
public record ProjectState(
    ProjectStatus status,
    ProjectFunding order,
    Map<String, BidPlaced> bids,
    AuctionClosed auction,
    ProjectSettled settlement,
    ProjectFailed failure,
    Balances escrow,
    Outbox outbox,
    Seen seen)
    implements JsonSerializable {

  public ProjectState {
    bids = Collections.unmodifiableMap(new LinkedHashMap<>(bids));
  }

  public static ProjectState empty() {
    return new ProjectState(ProjectStatus.NONE, null, Map.of(), null, null, null, Balances.empty(), Outbox.empty(), Seen.none());
  }

  public QuoteTerms terms() {
    return order.terms();
  }

  public String requester() {
    return order.from().id();
  }

  /** Unix seconds at which the bid window ends: fixed when the project opens, so a restart keeps it. */
  public long closesAt() {
    return order.openedAt() + order.terms().bidWindowSeconds();
  }

  ProjectState opened(ProjectFunding funding) {
    return new ProjectState(ProjectStatus.BIDDING, funding, bids, auction, settlement, failure,
        escrow.credit(funding.amount()), outbox, seen.with(funding.id()));
  }

  ProjectState received(Dispatch d) {
    return new ProjectState(status, order, bids, auction, settlement, failure,
        d.value().map(escrow::credit).orElse(escrow), outbox, seen.with(d.id()));
  }

  ProjectState sent(Dispatch d) {
    return new ProjectState(status, order, bids, auction, settlement, failure,
        d.value().map(escrow::debit).orElse(escrow), outbox.add(d), seen.with(d.id()));
  }

  ProjectState confirmed(String dispatchId) {
    return new ProjectState(status, order, bids, auction, settlement, failure, escrow, outbox.confirm(dispatchId), seen);
  }

  ProjectState withBid(BidPlaced bid) {
    LinkedHashMap<String, BidPlaced> copy = new LinkedHashMap<>(bids);
    copy.remove(bid.providerId()); // a provider's later bid replaces its earlier one
    copy.put(bid.providerId(), bid);
    return new ProjectState(status, order, copy, auction, settlement, failure, escrow, outbox, seen);
  }

  ProjectState closed(AuctionClosed closed) {
    ProjectStatus next = closed.winner() == null ? ProjectStatus.UNASSIGNED : ProjectStatus.RUNNING;
    return new ProjectState(next, order, bids, closed, settlement, failure, escrow, outbox, seen);
  }

  ProjectState failed(ProjectFailed failed) {
    return new ProjectState(ProjectStatus.FAILED, order, bids, auction, settlement, failed, escrow, outbox, seen);
  }

  ProjectState settled(ProjectSettled settled) {
    return new ProjectState(ProjectStatus.SETTLED, order, bids, auction, settled, failure, escrow, outbox, seen);
  }
}
