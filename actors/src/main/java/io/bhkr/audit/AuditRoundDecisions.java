package io.bhkr.audit;

import io.bhkr.audit.AuditRoundEntity.Command;
import io.bhkr.audit.AuditRoundEntity.Heartbeat;
import io.bhkr.audit.AuditRoundEntity.Report;
import io.bhkr.governance.AuditParameters;
import io.bhkr.rules.AuditAssignment;
import io.bhkr.rules.Keccak256;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.DispatchSent;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit round decides, as pure functions of its state and a command: the periods it
 * closes and opens as time moves on (the assignment drawn from the command's beacon, economics
 * 9), the nodes it sees, and the reports it takes. No actor, no clock: time comes with the command.
 */
public final class AuditRoundDecisions {

  private AuditRoundDecisions() {}

  /** The events of a report, and why it is refused (null when it is taken). */
  public record Reported(List<DomainEvent> events, String refusal) {}

  /** A node's heartbeat: it is seen first, so a heartbeat that opens a period puts its own node in the assignment. */
  public static List<DomainEvent> heartbeat(AuditRoundState s, Heartbeat c) {
    NodeSeen seen = new NodeSeen(c.nodeId(), c.providerId(), c.blockNumber(), c.at());
    List<DomainEvent> events = new ArrayList<>(List.of(seen));
    return roll(s.seen(seen), c, events);
  }

  /** A report is taken in its period, from an auditor assigned to its target, with an uptime in 0..10000 bp. */
  public static Reported report(AuditRoundState s, Report c) {
    List<DomainEvent> events = roll(s, c, new ArrayList<>());
    AuditRoundState now = apply(s, events);
    String refusal = null;
    if (c.upBps() < 0 || c.upBps() > 10_000) refusal = "upBps must be within 0..10000";
    else if (c.period() != now.period()) refusal = "period " + c.period() + " is not the current audit period " + now.period();
    else if (!now.targetsOf(c.auditorNodeId()).contains(c.targetNodeId()))
      refusal = "node " + c.auditorNodeId() + " is not assigned to audit " + c.targetNodeId() + " in period " + c.period();
    if (refusal == null) events.add(new AuditReported(c.period(), c.auditorNodeId(), c.targetNodeId(), c.upBps(), c.at()));
    return new Reported(events, refusal);
  }

  /** Closes the open period and opens the one {@code c.at()} falls in, if time has moved past it; appends to {@code events}. */
  public static List<DomainEvent> roll(AuditRoundState before, Command c, List<DomainEvent> events) {
    AuditParameters p = c.parameters().audits();
    long period = Math.floorDiv(c.at(), p.auditPeriodSeconds());
    AuditRoundState s = apply(before, List.of());
    if (period <= s.period()) return events;
    if (s.open() != null) {
      AuditPeriodClosed closed = new AuditPeriodClosed(s.period(), s.uptimes(p.disputeToleranceBps()), c.at());
      events.add(closed);
      List<PeriodAudited> told = s.notices(closed, c.parameters());
      s = s.closed(closed);
      for (PeriodAudited n : told) {
        events.add(new DispatchSent(n));
        s = s.sent(n);
      }
    }
    List<String> active = s.active(c.at(), p.auditPeriodSeconds());
    // Fewer than two nodes cannot audit each other: the period opens with the second node's heartbeat.
    if (active.size() < 2) return events;
    byte[] beacon = Keccak256.fromHex(c.beacon());
    byte[] seed = AuditAssignment.seed(period, beacon);
    events.add(new AuditPeriodOpened(period, p.auditPeriodSeconds(), p.auditK(), Keccak256.hex(beacon), Keccak256.hex(seed), active,
        AuditAssignment.assign(seed, active, p.auditK()), c.at()));
    return events;
  }

  private static AuditRoundState apply(AuditRoundState s, List<DomainEvent> events) {
    for (DomainEvent e : events) s = AuditRoundEntity.next(s, e);
    return s;
  }
}
