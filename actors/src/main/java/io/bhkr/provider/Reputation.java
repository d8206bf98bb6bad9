package io.bhkr.provider;

import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.Parameters;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a provider's score, penalties and service level rest on, as its own journal learnt them.
 *
 * @param periods its nodes' audited periods, oldest first, at most {@link #KEPT_PERIODS}; a period a node running a
 *     project was out of the round is here at 0 ({@link NodeCountedDown})
 * @param runs node → its sidecar's first and latest heartbeat, as the latest audited period saw them
 * @param disputeMarks when its sidecars' reports were disputed
 * @param failures its service failures and when they were recorded
 * @param parameters the parameters in force at the latest audited period; null before the first
 * @param score the latest recorded score; null before the first
 * @param disqualified the latest disqualification; null if never
 * @param governedK the k governance set (SET_PROVIDER_K, wei); null while the linear k applies
 * @param placements running project → the node that runs it and since when
 * @param breached projects already found failed by audits: each is told once
 * @param bids its recent bids, oldest first, at most {@link #KEPT_BIDS}
 * @param capacities node → the capacity it was registered with ({@link io.bhkr.nodes.NodeDeclared})
 * @param slashings when its micro-pools' validators were slashed
 */
public record Reputation(
    List<NodePeriod> periods,
    Map<String, NodeRun> runs,
    List<Long> disputeMarks,
    List<Failure> failures,
    Parameters parameters,
    ScoreRecorded score,
    ProviderDisqualified disqualified,
    BigInteger governedK,
    Map<String, Placement> placements,
    Set<String> breached,
    List<Bid> bids,
    Map<String, Resources> capacities,
    List<Long> slashings)
    implements JsonSerializable {

  /** The bids kept for Pr: the most recent ones, beyond what a score window holds. */
  public static final int KEPT_BIDS = 200;

  /** A bid of the provider on a project whose auction closed at {@code at} (BHKR base units). */
  public record Bid(String projectId, java.math.BigInteger bid, java.math.BigInteger maxBid, long at) implements JsonSerializable {}

  Reputation bid(Bid b) {
    List<Bid> list = new ArrayList<>(bids);
    list.add(b);
    if (list.size() > KEPT_BIDS) list = list.subList(list.size() - KEPT_BIDS, list.size());
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, placements,
        breached, list, capacities, slashings);
  }

  /** Three months of hourly periods of a few nodes: beyond every default window. */
  public static final int KEPT_PERIODS = 6_000;

  public record NodePeriod(String nodeId, long period, long at, int uptimeBps) implements JsonSerializable {}

  public record NodeRun(long firstSeen, long lastSeen) implements JsonSerializable {}

  public record Failure(String projectId, long at) implements JsonSerializable {}

  public record Placement(String nodeId, long since) implements JsonSerializable {}

  public Reputation {
    periods = List.copyOf(periods);
    runs = Map.copyOf(runs);
    disputeMarks = List.copyOf(disputeMarks);
    failures = List.copyOf(failures);
    placements = Map.copyOf(placements);
    breached = Set.copyOf(breached);
    bids = bids == null ? List.of() : List.copyOf(bids);
    capacities = capacities == null ? Map.of() : Map.copyOf(capacities);
    slashings = slashings == null ? List.of() : List.copyOf(slashings);
  }

  public static Reputation none() {
    return new Reputation(List.of(), Map.of(), List.of(), List.of(), null, null, null, null, Map.of(), Set.of(), List.of(),
        Map.of(), List.of());
  }

  /** The disqualification's end, or 0 if never disqualified. */
  public long disqualifiedUntil() {
    return disqualified == null ? 0 : disqualified.until();
  }

  Reputation audited(PeriodAudited p) {
    List<NodePeriod> all = new ArrayList<>(periods);
    Map<String, NodeRun> r = new TreeMap<>(runs);
    p.nodes().forEach((node, a) -> {
      if (a.uptimeBps() != null) all.add(new NodePeriod(node, p.period(), p.at(), a.uptimeBps()));
      r.put(node, new NodeRun(a.firstSeen(), a.lastSeen()));
    });
    List<NodePeriod> list = all;
    if (list.size() > KEPT_PERIODS) list = list.subList(list.size() - KEPT_PERIODS, list.size());
    List<Long> marks = new ArrayList<>(disputeMarks);
    for (int i = 0; i < p.disputeMarks(); i++) marks.add(p.at());
    return new Reputation(list, r, marks, failures, p.parameters(), score, disqualified, governedK, placements, breached, bids,
        capacities, slashings);
  }

  /** A period its node was out of the round, counted as 0 uptime. */
  Reputation countedDown(NodeCountedDown e) {
    List<NodePeriod> list = new ArrayList<>(periods);
    list.add(new NodePeriod(e.nodeId(), e.period(), e.at(), 0));
    if (list.size() > KEPT_PERIODS) list = list.subList(list.size() - KEPT_PERIODS, list.size());
    return new Reputation(list, runs, disputeMarks, failures, parameters, score, disqualified, governedK, placements, breached,
        bids, capacities, slashings);
  }

  /** A node's registered capacity; placements are measured against it. */
  Reputation declared(String nodeId, Resources capacity) {
    Map<String, Resources> copy = new TreeMap<>(capacities);
    copy.put(nodeId, capacity);
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, placements,
        breached, bids,
        copy, slashings);
  }

  Reputation slashed(long at) {
    List<Long> list = new ArrayList<>(slashings);
    list.add(at);
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, placements, breached,
        bids, capacities, list);
  }

  /** Once per project, however its failure is told. */
  Reputation failed(Failure f) {
    if (failures.stream().anyMatch(x -> x.projectId().equals(f.projectId()))) return this;
    List<Failure> list = new ArrayList<>(failures);
    list.add(f);
    return new Reputation(periods, runs, disputeMarks, list, parameters, score, disqualified, governedK, placements, breached,
        bids, capacities, slashings);
  }

  Reputation scored(ScoreRecorded e) {
    return new Reputation(periods, runs, disputeMarks, failures, parameters, e, disqualified, governedK, placements, breached,
        bids, capacities, slashings);
  }

  Reputation disqualified(ProviderDisqualified e) {
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, e, governedK, placements, breached, bids,
        capacities, slashings);
  }

  Reputation withK(BigInteger k) {
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, k, placements, breached,
        bids, capacities, slashings);
  }

  Reputation placed(ProjectPlaced p) {
    Map<String, Placement> copy = new TreeMap<>(placements);
    copy.put(p.projectId(), new Placement(p.to().id(), p.at()));
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, copy, breached,
        bids, capacities, slashings);
  }

  Reputation unplaced(String projectId) {
    Map<String, Placement> copy = new TreeMap<>(placements);
    copy.remove(projectId);
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, copy, breached,
        bids, capacities, slashings);
  }

  Reputation breach(String projectId) {
    Set<String> copy = new TreeSet<>(breached);
    copy.add(projectId);
    return new Reputation(periods, runs, disputeMarks, failures, parameters, score, disqualified, governedK, placements, copy,
        bids, capacities, slashings);
  }
}
