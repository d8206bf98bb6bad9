package io.bhkr.replay.export;

import static io.bhkr.replay.export.Cells.entityId;
import static io.bhkr.replay.export.Cells.joined;
import static io.bhkr.replay.export.Cells.ratio;

import io.bhkr.audit.AuditPeriodClosed;
import io.bhkr.audit.AuditReported;
import io.bhkr.provider.ScoreRecorded;
import io.bhkr.replay.Replayed;
import io.bhkr.rules.ReputationRule;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What reputation is made of: every score a provider was given with its inputs, every period's
 * uptime per node, and the auditors' reports beneath them.
 */
final class ProviderRows implements TableRows {

  @Override
  public Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("scores", "provider VARCHAR, at_ms BIGINT, cause VARCHAR, score BIGINT, uptime DOUBLE, running DOUBLE, staked DOUBLE,"
        + " price DOUBLE, penalties BIGINT, periods_counted VARCHAR, failures INTEGER, slashings INTEGER, dispute_marks INTEGER,"
        + " ordering BIGINT");
    t.put("audits", "period BIGINT, node VARCHAR, provider VARCHAR, uptime_bps INTEGER, reports INTEGER, disputed_auditors VARCHAR,"
        + " closed_at_ms BIGINT, ordering BIGINT");
    t.put("audit_reports", "period BIGINT, auditor_node VARCHAR, target_node VARCHAR, up_bps INTEGER, at_ms BIGINT, ordering BIGINT");
    return t;
  }

  @Override
  public void accept(Replayed r, Sink out) throws SQLException {
    long ordering = r.row().ordering();
    if (r.event() instanceof ScoreRecorded s) {
      ReputationRule.Score x = s.score();
      out.row("scores").append(entityId(r.persistenceId())).append(s.at()).append(s.cause()).append(x.score())
          .append(ratio(x.uptime())).append(ratio(x.running())).append(ratio(x.staked())).append(ratio(x.price()))
          .append(x.penalties()).append(joined(x.periodsCounted())).append(x.failuresCounted()).append(x.slashingsCounted())
          .append(x.disputeMarksCounted()).append(ordering).endRow();
    } else if (r.event() instanceof AuditPeriodClosed c) {
      for (var u : new TreeMap<>(c.uptimes()).entrySet()) {
        out.row("audits").append(c.period()).append(u.getKey()).append(u.getValue().providerId()).append(u.getValue().uptimeBps())
            .append(u.getValue().reports()).append(joined(u.getValue().disputedAuditors())).append(c.at()).append(ordering).endRow();
      }
    } else if (r.event() instanceof AuditReported a) {
      out.row("audit_reports").append(a.period()).append(a.auditorNodeId()).append(a.targetNodeId()).append(a.upBps()).append(a.at())
          .append(ordering).endRow();
    }
  }
}
