package io.bhkr.audit;

import io.bhkr.audit.AuditPeriodClosed.NodeUptime;
import io.bhkr.audit.PeriodAudited.NodeAudit;
import io.bhkr.governance.Parameters;
import io.bhkr.rules.AuditAssignment;
import io.bhkr.rules.PeriodUptime;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Party;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit round: which nodes are alive, the open period's assignment and reports, and the
 * closed periods' uptimes each node and provider has on record.
 *
 * @param period the open period, −1 before the first
 * @param reports target → auditor → upBps, for the open period
 * @param history node → its audited periods, newest last, at most {@link #KEPT_PERIODS}
 * @param disputeMarks provider → when its sidecars' reports were disputed
 * @param outbox the closed periods' notices to providers not yet confirmed
 */
public record AuditRoundState(
    Map<String, Sighting> nodes,
    AuditPeriodOpened open,
    Map<String, Map<String, Integer>> reports,
    Map<String, List<Audited>> history,
    Map<String, List<Long>> disputeMarks,
    Outbox outbox)
    implements JsonSerializable {

  /** A month of hourly periods: the default score window. */
  public static final int KEPT_PERIODS = 720;

  /** @param firstSeen its first heartbeat; running time counts from there */
  public record Sighting(String providerId, long firstSeen, long lastSeen, long blockNumber) implements JsonSerializable {}

  public record Audited(long period, long at, int uptimeBps) implements JsonSerializable {}

  public static AuditRoundState empty() {
    return new AuditRoundState(Map.of(), null, Map.of(), Map.of(), Map.of(), Outbox.empty());
  }

  public long period() {
    return open == null ? -1 : open.period();
  }

  public List<String> targetsOf(String auditor) {
    return open == null ? List.of() : open.assignment().getOrDefault(auditor, List.of());
  }

  public List<String> auditorsOf(String target) {
    return open == null ? List.of() : AuditAssignment.auditors(open.assignment()).getOrDefault(target, List.of());
  }

  /** Nodes whose last heartbeat is at most two periods old: one missed heartbeat does not drop a node from the round. */
  public List<String> active(long at, long periodSeconds) {
    return nodes.entrySet().stream().filter(e -> e.getValue().lastSeen() > at - 2 * periodSeconds).map(Map.Entry::getKey).toList();
  }

  AuditRoundState seen(NodeSeen e) {
    Map<String, Sighting> copy = new TreeMap<>(nodes);
    Sighting before = nodes.get(e.nodeId());
    copy.put(e.nodeId(), new Sighting(e.providerId(), before == null ? e.at() : before.firstSeen(), e.at(), e.blockNumber()));
    return new AuditRoundState(copy, open, reports, history, disputeMarks, outbox);
  }

  AuditRoundState opened(AuditPeriodOpened e) {
    return new AuditRoundState(nodes, e, Map.of(), history, disputeMarks, outbox);
  }

  AuditRoundState reported(AuditReported e) {
    Map<String, Map<String, Integer>> copy = new TreeMap<>(reports);
    Map<String, Integer> of = new TreeMap<>(copy.getOrDefault(e.targetNodeId(), Map.of()));
    of.put(e.auditorNodeId(), e.upBps());
    copy.put(e.targetNodeId(), of);
    return new AuditRoundState(nodes, open, copy, history, disputeMarks, outbox);
  }

  AuditRoundState closed(AuditPeriodClosed e) {
    Map<String, List<Audited>> h = new TreeMap<>(history);
    Map<String, List<Long>> marks = new TreeMap<>(disputeMarks);
    e.uptimes().forEach((node, u) -> {
      List<Audited> list = new ArrayList<>(h.getOrDefault(node, List.of()));
      list.add(new Audited(e.period(), e.at(), u.uptimeBps()));
      if (list.size() > KEPT_PERIODS) list = list.subList(list.size() - KEPT_PERIODS, list.size());
      h.put(node, List.copyOf(list));
      for (String auditor : u.disputedAuditors()) {
        Sighting s = nodes.get(auditor);
        if (s == null) continue;
        List<Long> times = new ArrayList<>(marks.getOrDefault(s.providerId(), List.of()));
        times.add(e.at());
        marks.put(s.providerId(), List.copyOf(times));
      }
    });
    return new AuditRoundState(nodes, null, Map.of(), h, marks, outbox);
  }

  /** The uptime of each node of the last closed period it was audited in, or none. */
  public Integer lastUptimeBps(String nodeId) {
    List<Audited> list = history.getOrDefault(nodeId, List.of());
    return list.isEmpty() ? null : list.get(list.size() - 1).uptimeBps();
  }

  /** The open period's uptimes, as the rule computes them from its reports. */
  public Map<String, NodeUptime> uptimes(int toleranceBps) {
    Map<String, NodeUptime> out = new TreeMap<>();
    reports.forEach((target, byAuditor) -> {
      PeriodUptime u = PeriodUptime.of(byAuditor, toleranceBps);
      Sighting s = nodes.get(target);
      out.put(target, new NodeUptime(s == null ? null : s.providerId(), u.uptimeBps(), u.reports(), u.disputed()));
    });
    return out;
  }

  AuditRoundState sent(Dispatch d) {
    return new AuditRoundState(nodes, open, reports, history, disputeMarks, outbox.add(d));
  }

  AuditRoundState confirmed(String id) {
    return new AuditRoundState(nodes, open, reports, history, disputeMarks, outbox.confirm(id));
  }

  /**
   * What the open period, closing as {@code closed}, tells each provider: its nodes that were in
   * the assignment or reported on, with their uptimes and heartbeats, and its dispute marks. Every
   * provider the round has seen a node of is told, even with none of its nodes in the period: a
   * node missing from the notice was out of the round, which the provider counts as down for a
   * project it runs (economics 7), and the provider's score ages with each period.
   */
  List<PeriodAudited> notices(AuditPeriodClosed closed, Parameters parameters) {
    TreeSet<String> inPeriod = new TreeSet<>(closed.uptimes().keySet());
    if (open != null) inPeriod.addAll(open.nodes());
    Map<String, Map<String, NodeAudit>> byProvider = new TreeMap<>();
    for (Sighting s : nodes.values()) if (s.providerId() != null) byProvider.putIfAbsent(s.providerId(), new TreeMap<>());
    for (String node : inPeriod) {
      Sighting s = nodes.get(node);
      if (s == null || s.providerId() == null) continue;
      NodeUptime u = closed.uptimes().get(node);
      byProvider.computeIfAbsent(s.providerId(), p -> new TreeMap<>())
          .put(node, new NodeAudit(u == null ? null : u.uptimeBps(), s.firstSeen(), s.lastSeen()));
    }
    Map<String, Integer> marks = new TreeMap<>();
    for (NodeUptime u : closed.uptimes().values())
      for (String auditor : u.disputedAuditors()) {
        Sighting s = nodes.get(auditor);
        if (s != null && s.providerId() != null) marks.merge(s.providerId(), 1, Integer::sum);
      }
    List<PeriodAudited> out = new ArrayList<>();
    byProvider.forEach((provider, audits) -> out.add(new PeriodAudited("audited:" + closed.period() + ":" + provider, Party.AUDITS,
        Party.provider(provider), closed.period(), closed.at(), audits, marks.getOrDefault(provider, 0), parameters)));
    return out;
  }
}
