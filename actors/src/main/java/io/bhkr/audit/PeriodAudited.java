package io.bhkr.audit;

import io.bhkr.audit.PeriodAudited;
import io.bhkr.governance.Parameters;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import java.util.Map;

/**
 * The audit round tells a provider what a closed period (economics 9) found about its nodes, with
 * the parameters in force then, so the provider can record its score (8) and judge its running
 * projects' service level (7) from its own journal.
 *
 * @param nodes the provider's nodes in the period, by node id
 * @param disputeMarks how many of the provider's sidecars' reports the period disputed
 */
public record PeriodAudited(String id, Party from, Party to, long period, long at, Map<String, NodeAudit> nodes,
    int disputeMarks, Parameters parameters) implements Dispatch {

  /**
   * @param uptimeBps the median of its auditors' reports, or null if nobody reported on it
   * @param firstSeen its sidecar's first heartbeat; lastSeen the latest
   */
  public record NodeAudit(Integer uptimeBps, long firstSeen, long lastSeen) {}
}
