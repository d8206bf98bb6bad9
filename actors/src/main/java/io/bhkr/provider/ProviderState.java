package io.bhkr.provider;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.provider.ProviderEntity.ProviderApplied;
import io.bhkr.provider.ProviderEntity.Status;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.CollateralClaim;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.ProjectAwarded;
import io.bhkr.transfer.ProjectReleased;
import io.bhkr.transfer.ProviderQualified;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import java.util.ArrayList;
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
 * @param failures projects that failed on this provider's watch (economics 7)
 */
public record ProviderState(
    ProviderApplied application,
    ProviderQualified qualification,
    Amount collateral,
    long collateralSince,
    Balances otherValue,
    Map<String, Resources> awarded,
    Set<String> released,
    List<String> failures,
    Outbox outbox,
    Seen seen)
    implements JsonSerializable {

  public static ProviderState empty() {
    return new ProviderState(null, null, Amount.zero(Asset.BHKR), 0, Balances.empty(), Map.of(), Set.of(), List.of(),
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

  public long score() {
    return ReputationScore.beforeAudits(collateral, qualification == null ? null : qualification.pMax());
  }

  ProviderState applied(ProviderApplied e) {
    return new ProviderState(e, qualification, collateral, collateralSince, otherValue, awarded, released, failures, outbox, seen);
  }

  ProviderState with(Dispatch applied) {
    Map<String, Resources> projects = new HashMap<>(awarded);
    Set<String> done = new HashSet<>(released);
    List<String> failed = new ArrayList<>(failures);
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
    else if (applied instanceof ProjectReleased r) {
      projects.remove(r.projectId());
      done.add(r.projectId());
    } else if (applied instanceof CollateralClaim c) failed.add(c.projectId());
    return new ProviderState(application, q, stake, since, other, projects, done, failed, outbox, seen.with(applied.id()));
  }

  /** Collateral paid out (a failure's compensation). */
  ProviderState sent(Dispatch d) {
    Amount stake = collateral;
    long since = collateralSince;
    if (d instanceof Transfer t) {
      stake = stake.minus(t.amount());
      since = t.at();
    }
    return new ProviderState(application, qualification, stake, since, otherValue, awarded, released, failures, outbox.add(d),
        seen.with(d.id()));
  }

  ProviderState confirmed(String id) {
    return new ProviderState(application, qualification, collateral, collateralSince, otherValue, awarded, released, failures,
        outbox.confirm(id), seen);
  }
}
