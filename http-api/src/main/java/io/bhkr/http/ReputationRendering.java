package io.bhkr.http;

import io.bhkr.audit.AuditRoundState;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.EthShare;
import io.bhkr.provider.ScoreRecorded;
import java.math.BigInteger;
import io.bhkr.governance.GovernanceEntity.GovernanceView;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.TrustTier;
import java.util.LinkedHashMap;
import java.util.Map;

/** The recorded score of a provider with its provenance, trust tier and k (economics 6, 8), and a node's audit status (9). */
final class ReputationRendering {

  private ReputationRendering() {}

  // score, tier and k are the provider's to decide (EthShare); this class only renders them
  static ReputationRule.Score score(ProviderView v, GovernanceView gov) {
    return EthShare.score(v, gov.parameters());
  }

  static TrustTier tier(ProviderView v, GovernanceView gov) {
    return EthShare.tier(v, gov.parameters());
  }

  static BigInteger k(ProviderView v, GovernanceView gov) {
    return EthShare.k(v, gov.parameters());
  }

  static Map<String, Object> withScore(Map<String, Object> provider, ProviderView v, GovernanceView gov) {
    ReputationRule.Score s = score(v, gov);
    ScoreRecorded recorded = v.reputation().score();
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("uptime", s.uptime().toPlainString());
    inputs.put("running", s.running().toPlainString());
    inputs.put("staked", s.staked().toPlainString());
    inputs.put("price", s.price().toPlainString());
    inputs.put("penalties", s.penalties());
    inputs.put("auditedPeriods", s.periodsCounted());
    inputs.put("failures", s.failuresCounted());
    inputs.put("slashings", s.slashingsCounted());
    inputs.put("disputeMarks", s.disputeMarksCounted());
    inputs.put("cause", recorded == null ? null : recorded.cause());
    inputs.put("recordedAt", recorded == null ? null : recorded.at());
    inputs.put("failedProjects", v.reputation().failures().stream()
        .map(f -> Map.<String, Object>of("projectId", f.projectId(), "at", f.at())).toList());
    provider.put("score", s.score());
    provider.put("scoreInputs", inputs);
    provider.put("trustTier", tier(v, gov).name());
    provider.put("k", Wire.amount(new Amount(Asset.ETH, k(v, gov))));
    provider.put("governedK", v.reputation().governedK() == null ? null : Wire.amount(new Amount(Asset.ETH, v.reputation().governedK())));
    var d = v.reputation().disqualified();
    provider.put("disqualification", d == null ? null : Map.of("reason", d.reason(), "at", d.at(), "until", d.until()));
    provider.put("placements", v.reputation().placements().entrySet().stream().map(e -> Map.<String, Object>of(
        "projectId", e.getKey(), "nodeId", e.getValue().nodeId(), "since", e.getValue().since())).toList());
    return provider;
  }

  /** INSTALLING until its sidecar's first heartbeat, RUNNING while heartbeats come, STOPPED after two silent periods. */
  static void withAudits(Map<String, Object> node, String nodeId, AuditRoundState audits, GovernanceView gov, long now) {
    AuditRoundState.Sighting seen = audits.nodes().get(nodeId);
    long period = gov.parameters().audits().auditPeriodSeconds();
    String status = seen == null ? "INSTALLING" : seen.lastSeen() > now - 2 * period ? "RUNNING" : "STOPPED";
    node.put("status", status);
    node.put("uptimeBps", audits.lastUptimeBps(nodeId));
    node.put("auditors", audits.auditorsOf(nodeId));
    node.put("auditTargets", audits.targetsOf(nodeId));
    node.put("blockNumber", seen == null ? null : seen.blockNumber());
  }
}
