package io.bhkr.audit;

import java.util.List;
import java.util.Map;

/**
 * A period ended: each reported node's uptime is the median of its auditors' reports, and the
 * auditors more than the tolerance from it are marked disputed (economics 9). Nodes nobody
 * reported on have no uptime for the period.
 */
public record AuditPeriodClosed(long period, Map<String, NodeUptime> uptimes, long at) implements AuditRoundEvents {

  /** @param providerId the node's provider, as its last heartbeat named it */
  public record NodeUptime(String providerId, int uptimeBps, int reports, List<String> disputedAuditors) {}
}
