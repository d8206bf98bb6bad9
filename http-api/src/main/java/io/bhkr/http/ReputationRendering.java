package io.bhkr.http;

import io.bhkr.audit.AuditRoundState;
import io.bhkr.audit.ProviderReputation;
import io.bhkr.governance.GovernanceEntity.GovernanceView;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.TrustTier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The score of a provider with its provenance (economics 6, 8), and a node's audit status (9). */
final class ReputationRendering {

  private ReputationRendering() {}

  static ReputationRule.Score score(ProviderView v, AuditRoundState audits, GovernanceView gov, long now) {
    // Failures are recorded without their time on the provider: all count as inside the penalty window.
    List<Long> failures = Collections.nCopies(v.failures().size(), now);
    return ProviderReputation.of(v.providerId(), v.collateral(), gov.parameters().pMax(), failures, audits,
        gov.parameters().reputation(), gov.parameters().audits(), now);
  }

  static Map<String, Object> withScore(Map<String, Object> provider, ReputationRule.Score s, GovernanceView gov) {
    var r = gov.parameters().reputation();
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
    provider.put("score", s.score());
    provider.put("scoreInputs", inputs);
    provider.put("trustTier", TrustTier.of(s.score(), r.trustedScore(), r.untrustedScore()).name());
    provider.put("k", Wire.amount(new io.bhkr.money.Amount(io.bhkr.money.Asset.ETH,
        TrustTier.k(s.score(), r.trustedScore(), r.untrustedScore()))));
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
