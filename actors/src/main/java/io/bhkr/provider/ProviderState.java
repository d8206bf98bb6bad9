package io.bhkr.provider;

import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.ProviderKSet;
import io.bhkr.governance.ProviderQualified;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.nodes.NodeDeclared;
import io.bhkr.project.BidOutcome;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.provider.ProviderEntity.ProviderApplied;
import io.bhkr.provider.ProviderEntity.Status;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a provider knows; changed only by its events.
 *
 * @param collateralSince when the collateral last changed: its stake-time above pMin counts from there
 * @param otherValue value other than BHKR sent to the provider: never collateral, but held, not
 *     lost (no API sends it; a direct dispatch could)
 * @param released projects already released, so an award redelivered after its release (at least
 *     once is not in order) does not occupy capacity forever
 * @param reputation its audits, failures, score, disqualification, k and placements (economics 6–9)
 */
public record ProviderState(
    ProviderApplied application,
    ProviderQualified qualification,
    Amount collateral,
    long collateralSince,
    Balances otherValue,
    Map<String, Resources> awarded,
    Set<String> released,
    Reputation reputation,
    Outbox outbox,
    Seen seen)
    implements JsonSerializable {

  public static ProviderState empty() {
    return new ProviderState(null, null, Amount.zero(Asset.BHKR), 0, Balances.empty(), Map.of(), Set.of(), Reputation.none(),
        Outbox.empty(), Seen.none());
  }

  public Status status() {
    if (application == null) return Status.NONE;
    if (qualification == null) return Status.APPLIED;
    return collateral.isLessThan(qualification.pMin()) ? Status.QUALIFIED : Status.ACTIVE;
  }

  /** Declared capacity less what awarded, unfinished projects occupy. */
  public Resources freeCapacity() {
    Resources used = awarded.values().stream().reduce(Resources.NONE, Resources::plus);
    return application.capacity().covers(used) ? application.capacity().minus(used) : Resources.NONE;
  }

  /** The latest recorded score; before any, the score with no audit, bid or failure yet. */
  public long score() {
    if (reputation.score() != null) return reputation.score().score().score();
    return ReputationScore.beforeAudits(collateral, qualification == null ? null : qualification.pMax());
  }

  /** Projects that failed on this provider's watch (economics 7). */
  public List<String> failures() {
    return reputation.failures().stream().map(Reputation.Failure::projectId).toList();
  }

  /** The event handler as a pure function: recovery, replay and time travel fold with it alike. */
  public ProviderState apply(DomainEvent e) {
    if (e instanceof ProviderApplied x) return applied(x);
    if (e instanceof DispatchReceived x) return with(x.dispatch());
    if (e instanceof DispatchSent x) return sent(x.dispatch());
    if (e instanceof DispatchConfirmed x) return confirmed(x.dispatchId());
    if (e instanceof DispatchesConfirmed x) return x.confirmEach(this, ProviderState::confirmed);
    if (e instanceof ScoreRecorded x) return withReputation(reputation.scored(x));
    if (e instanceof ProviderDisqualified x) return withReputation(reputation.disqualified(x));
    if (e instanceof NodeCountedDown x) return withReputation(reputation.countedDown(x));
    throw new IllegalStateException("a provider cannot apply " + e.getClass().getName());
  }

  private ProviderState withReputation(Reputation r) {
    return new ProviderState(application, qualification, collateral, collateralSince, otherValue, awarded, released, r, outbox, seen);
  }

  ProviderState applied(ProviderApplied e) {
    return new ProviderState(e, qualification, collateral, collateralSince, otherValue, awarded, released, reputation, outbox, seen);
  }

  ProviderState with(Dispatch applied) {
    Map<String, Resources> projects = new HashMap<>(awarded);
    Set<String> done = new HashSet<>(released);
    Reputation r = reputation;
    Amount stake = collateral;
    long since = collateralSince;
    Balances other = otherValue;
    ProviderQualified q = qualification;
    if (applied instanceof Transfer t && t.amount().asset() == Asset.BHKR) {
      stake = stake.plus(t.amount());
      since = t.at();
    } else if (applied instanceof Transfer t) other = other.credit(t.amount());
    else if (applied instanceof ProviderQualified pq && q == null && application != null) q = pq;
    else if (applied instanceof ProjectAwarded a && !released.contains(a.projectId())) projects.put(a.projectId(), a.resources());
    else if (applied instanceof ProjectReleased rel) {
      projects.remove(rel.projectId());
      done.add(rel.projectId());
      if (rel.failed()) r = r.failed(new Reputation.Failure(rel.projectId(), rel.at()));
    }
    else if (applied instanceof PeriodAudited p) r = r.audited(p);
    else if (applied instanceof ProviderKSet k) r = r.withK(k.kWei());
    else if (applied instanceof NodeDeclared n && n.from().equals(Party.node(n.nodeId()))) r = r.declared(n.nodeId(), n.capacity());
    else if (applied instanceof io.bhkr.micropool.ProviderSlashed x) r = r.slashed(x.at());
    else if (applied instanceof BidOutcome b && b.bid().asset() == Asset.BHKR && b.maxBid().amount().signum() > 0)
      r = r.bid(new Reputation.Bid(b.projectId(), b.bid().amount(), b.maxBid().amount(), b.at()));
    return new ProviderState(application, q, stake, since, other, projects, done, r, outbox, seen.with(applied.id()));
  }

  /** Collateral paid out (a failure's compensation). */
  ProviderState sent(Dispatch d) {
    Amount stake = collateral;
    long since = collateralSince;
    Reputation r = reputation;
    if (d instanceof Transfer t) {
      stake = stake.minus(t.amount());
      since = t.at();
    } else if (d instanceof ProjectPlaced p) r = r.placed(p);
    else if (d instanceof ProjectUnplaced u) r = r.unplaced(u.projectId());
    else if (d instanceof ServiceFailureFound f) r = r.breach(f.projectId());
    return new ProviderState(application, qualification, stake, since, otherValue, awarded, released, r, outbox.add(d),
        seen.with(d.id()));
  }

  ProviderState confirmed(String id) {
    return new ProviderState(application, qualification, collateral, collateralSince, otherValue, awarded, released, reputation,
        outbox.confirm(id), seen);
  }
}
