package io.bhkr.provider;

import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.ProviderDisqualification;
import io.bhkr.governance.ReputationParameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.project.BidOutcome;
import io.bhkr.project.CollateralClaim;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.provider.Reputation.NodePeriod;
import io.bhkr.provider.Reputation.Placement;
import io.bhkr.rules.Disqualification;
import io.bhkr.rules.ProjectPlacement;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.Resources;
import io.bhkr.rules.ServiceLevel;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The provider's decisions as pure functions from its state and what arrived to the events to
 * persist: compensation, placing projects on nodes, judging their service level from audits,
 * recording the score, disqualifying. No Akka, no clock: every time comes with the dispatch.
 */
public final class ProviderDecisions {

  private ProviderDecisions() {}

  /**
   * Why the provider may not stake collateral in its {@code status}, or null when it may: it
   * stakes once governance has qualified it (economics 6), and keeps doing so in any later status.
   */
  public static String collateralRefusal(String providerId, ProviderEntity.Status status) {
    if (status == ProviderEntity.Status.NONE) return "provider " + providerId + " has not applied";
    if (status == ProviderEntity.Status.APPLIED)
      return "provider " + providerId + " must be qualified by governance before staking collateral";
    return null;
  }

  /**
   * From this instant (2026-12-04T00:00:00Z, unix seconds) collateral is also checked when it
   * arrives: BHKR paid to a provider that may not stake yet goes back. Collateral paid before it
   * was taken as it came (and counted once the provider was qualified), so a replay of journals
   * written before still derives what they hold: the rule is versioned by the transfer's own time,
   * as a chain versions a rule by the block it activates at.
   */
  public static final long COLLATERAL_CHECKED_ON_ARRIVAL_FROM = 1_796_342_400L;

  /** What the arrival of {@code d} means; the first event is always its receipt. */
  public static List<DomainEvent> onArrival(String providerId, ProviderState before, Dispatch d) {
    Events out = new Events(before);
    out.add(new DispatchReceived(d));
    Party self = Party.provider(providerId);
    if (d instanceof CollateralClaim claim) {
      // A failed project's claim is paid from the collateral at once, as far as it reaches.
      Amount paid = claim.amount().isGreaterThan(out.state.collateral()) ? out.state.collateral() : claim.amount();
      if (!paid.isZero())
        out.add(new DispatchSent(new Transfer("compensation:" + claim.projectId(), self, Party.account(claim.beneficiary()), paid, Purpose.COMPENSATION,
            "service failure compensation for " + claim.projectId(), claim.at())));
      rescore(out, "compensation for project " + claim.projectId() + " paid from the collateral", claim.at());
    } else if (d instanceof Transfer t && t.amount().asset() == Asset.BHKR && t.at() >= COLLATERAL_CHECKED_ON_ARRIVAL_FROM
        && collateralRefusal(providerId, before.status()) != null) {
      out.add(new DispatchSent(new Transfer("return:" + t.id(), self, t.from(), t.amount(), Purpose.RETURN,
          "returned: " + collateralRefusal(providerId, before.status()), t.at())));
    } else if (d instanceof Transfer t && t.amount().asset() == Asset.BHKR && out.state.application() != null) {
      rescore(out, "collateral " + out.state.collateral().amount() + " BHKR base units", t.at());
    } else if (d instanceof io.bhkr.governance.ProviderQualified q && out.state.collateral().amount().signum() > 0) {
      // St is measured against the pMax the qualification brings: collateral staked before it counts from now on.
      rescore(out, "qualified by proposal " + q.proposalId(), out.state.collateralSince());
    } else if (d instanceof ProjectAwarded a) {
      place(out, self, a.at());
    } else if (d instanceof ProjectReleased r) {
      Placement p = out.state.reputation().placements().get(r.projectId());
      if (p != null)
        out.add(new DispatchSent(new ProjectUnplaced("unplace:" + r.projectId(), self, Party.node(p.nodeId()), r.projectId(), r.at())));
      if (r.failed()) rescore(out, "service failure of project " + r.projectId(), r.at());
      place(out, self, r.at()); // the capacity it frees may take a waiting project
    } else if (d instanceof PeriodAudited p) {
      countDown(out, p);
      place(out, self, p.at());
      judge(out, self, p);
      rescore(out, "audit period " + p.period() + " closed: " + uptimes(p), p.at());
    } else if (d instanceof BidOutcome b) {
      rescore(out, "auction of project " + b.projectId() + " closed: bid " + b.bid().amount() + " of maxBid " + b.maxBid().amount(),
          b.at());
    } else if (d instanceof io.bhkr.micropool.ProviderSlashed x) {
      rescore(out, "slashing of micro-pool " + x.poolId() + ": " + x.loss().amount() + " wei lost, " + x.providerLoss().amount()
          + " wei of it from its k", x.at());
    } else if (d instanceof ProviderDisqualification g) {
      out.add(new ProviderDisqualified("governance proposal " + g.proposalId(), g.at(), g.until()));
    }
    return out.events;
  }

  /** Events with the state they lead to, so each decision sees the ones before it. */
  private static final class Events {
    final List<DomainEvent> events = new ArrayList<>();
    ProviderState state;

    Events(ProviderState state) {
      this.state = state;
    }

    void add(DomainEvent e) {
      events.add(e);
      state = state.apply(e);
    }
  }

  /** The parameters the provider last heard of; governance's defaults before its first audited period. */
  static Parameters parameters(ProviderState s) {
    return s.reputation().parameters() == null ? Parameters.defaults() : s.reputation().parameters();
  }

  /**
   * Awarded projects not yet placed, by id, go to the first (by id) of the provider's running nodes
   * (sidecar heartbeat within the last two audit periods) with room for them ({@link ProjectPlacement});
   * a project no node has room for waits for the next period or award.
   */
  private static void place(Events out, Party self, long at) {
    long period = parameters(out.state).audits().auditPeriodSeconds();
    for (String projectId : out.state.awarded().keySet().stream().sorted().toList()) {
      Reputation r = out.state.reputation();
      if (r.placements().containsKey(projectId) || r.breached().contains(projectId)) continue;
      SortedMap<String, Resources> free = new TreeMap<>();
      r.runs().forEach((node, run) -> {
        Resources capacity = r.capacities().get(node);
        if (run.lastSeen() <= at - 2 * period || capacity == null) return;
        List<Resources> placed = r.placements().entrySet().stream().filter(e -> e.getValue().nodeId().equals(node))
            .map(e -> out.state.awarded().get(e.getKey())).filter(Objects::nonNull).toList();
        free.put(node, ProjectPlacement.free(capacity, placed));
      });
      ProjectPlacement.node(free, out.state.awarded().get(projectId)).ifPresent(node ->
          out.add(new DispatchSent(new ProjectPlaced("place:" + projectId, self, Party.node(node), projectId, at))));
    }
  }

  /** A node running a project and missing from the period was out of the round: recorded as 0 uptime for it. */
  private static void countDown(Events out, PeriodAudited p) {
    Reputation r = out.state.reputation();
    List<String> running = r.placements().entrySet().stream()
        .filter(e -> !r.breached().contains(e.getKey()) && out.state.awarded().containsKey(e.getKey()))
        .map(e -> e.getValue().nodeId()).toList();
    for (String node : ServiceLevel.outOfRound(running, p.nodes().keySet())) out.add(new NodeCountedDown(node, p.period(), p.at()));
  }

  /** A running project whose node's audited uptime since it started is below slaUptimeBps failed (economics 7). */
  private static void judge(Events out, Party self, PeriodAudited p) {
    Reputation r = out.state.reputation();
    Parameters params = parameters(out.state);
    int sla = params.reputation().slaUptimeBps();
    for (Map.Entry<String, Placement> e : r.placements().entrySet()) {
      String projectId = e.getKey();
      Placement at = e.getValue();
      if (r.breached().contains(projectId) || !out.state.awarded().containsKey(projectId)) continue;
      List<Integer> since = r.periods().stream().filter(x -> x.nodeId().equals(at.nodeId()) && x.at() > at.since())
          .map(NodePeriod::uptimeBps).toList();
      if (!ServiceLevel.breached(since, sla)) continue;
      out.add(new DispatchSent(new ServiceFailureFound("sla:" + projectId, self, Party.project(projectId), projectId, at.nodeId(),
          ServiceLevel.meanBps(since), sla, p.at(), params.bhkrPriceMicroUsd(), params.ethPriceMicroUsd())));
    }
  }

  /** Records the score as of {@code at}, and a disqualification if it fell under disqualifyScore (economics 7, 8). */
  private static void rescore(Events out, String cause, long at) {
    ProviderState s = out.state;
    Parameters params = parameters(s);
    ReputationRule.Score score = scoreAt(s, at);
    out.add(new ScoreRecorded(score, cause, at));
    ReputationParameters rp = params.reputation();
    if (s.qualification() != null && Disqualification.byScore(score.score(), rp.disqualifyScore(), s.reputation().disqualifiedUntil(), at))
      out.add(new ProviderDisqualified("score " + score.score() + " is under disqualifyScore " + rp.disqualifyScore(), at,
          Disqualification.until(at, rp.disqualifyDays())));
  }

  /** The score a provider in state {@code s} has at {@code at}: what {@link ScoreRecorded} records (economics 8). */
  public static ReputationRule.Score scoreAt(ProviderState s, long at) {
    return ReputationRule.score(history(s, at), at, weights(parameters(s)));
  }

  static ReputationRule.Weights weights(Parameters p) {
    return p.reputation().weights(p.audits().disputeLimit());
  }

  /** Everything the score depends on, from the provider's journal. Recent bids: those whose auction closed inside scoreWindowDays. */
  static ReputationRule.History history(ProviderState s, long at) {
    Reputation r = s.reputation();
    List<ReputationRule.AuditedPeriod> periods = r.periods().stream()
        .map(x -> new ReputationRule.AuditedPeriod(x.period(), x.at(), x.uptimeBps())).toList();
    long run = r.runs().values().stream().mapToLong(x -> Math.max(0, Math.min(at, x.lastSeen()) - x.firstSeen())).sum();
    long average = r.runs().isEmpty() ? 0 : run / r.runs().size();
    // Without a qualification there is no pMax to measure St against: St = 0, as before any audit.
    BigInteger pMax = s.qualification() != null ? s.qualification().pMax().amount() : BigInteger.ZERO;
    long bidsFrom = at - parameters(s).reputation().scoreWindowDays() * ReputationRule.SECONDS_PER_DAY;
    List<ReputationRule.BidRatio> bids = r.bids().stream().filter(b -> b.at() > bidsFrom && b.at() <= at)
        .map(b -> new ReputationRule.BidRatio(b.bid(), b.maxBid())).toList();
    return new ReputationRule.History(periods, average, s.collateral().amount(), pMax, bids,
        r.failures().stream().map(Reputation.Failure::at).toList(), r.slashings(), r.disputeMarks());
  }

  private static String uptimes(PeriodAudited p) {
    List<String> parts = new ArrayList<>();
    p.nodes().forEach((node, a) -> parts.add(node + " " + (a.uptimeBps() == null ? "unreported" : a.uptimeBps() + " bp")));
    return parts.isEmpty() ? "no node of the provider in the round" : String.join(", ", parts);
  }
}
