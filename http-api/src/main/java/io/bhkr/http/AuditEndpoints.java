package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.audit.AuditRoundEntity;
import io.bhkr.audit.AuditRoundEntity.RoundView;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.NodeEntity.NodeView;
import io.bhkr.rules.Keccak256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Peer audits (economics 9): sidecars heartbeat for their node, read the period's assignment and
 * report on their targets. A sidecar signs with the key of the {@code sidecarAddress} its node was
 * registered with. Each request may open the next period: it carries the time and a fresh beacon.
 */
final class AuditEndpoints extends Endpoints {

  record HeartbeatRequest(Long blockNumber) {}

  record ReportRequest(Long period, String auditorNodeId, String targetNodeId, Integer upBps) {}

  AuditEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return concat(
        path(segment("audits").slash("current"), () -> get(() -> respond(this::current))),
        path(segment("audits").slash("reports"), () -> post(() -> signed(ReportRequest.class, this::report))),
        path(segment("nodes").slash(segment()).slash("heartbeats"), id -> post(() -> signed(HeartbeatRequest.class, (signer, body) -> heartbeat(id, signer, body)))));
  }

  /** The parameters in force: the round runs on the audit ones, and a closed period's notices carry them all. */
  private CompletionStage<io.bhkr.governance.Parameters> parameters() {
    return ask(market.governance(), GovernanceEntity.Get::new).thenApply(g -> g.parameters());
  }

  private static String beacon() {
    return Keccak256.hex(randomBytes(32));
  }

  private CompletionStage<HttpResponse> current() {
    return parameters()
        .thenCompose(p -> ask(market.auditRound(), (ActorRef<RoundView> r) -> new AuditRoundEntity.Current(now(), beacon(), p, r)))
        .thenApply(v -> json(200, render(v)));
  }

  /** The node's registered sidecar, or 403 for anyone else. */
  private CompletionStage<NodeView> sidecarOf(String nodeId, String signer) {
    return ask(market.node(nodeId), NodeEntity.Get::new).thenApply(v -> {
      if (v.registration() == null) throw ApiException.notFound("no node " + nodeId);
      if (!v.registration().sidecarAddress().equalsIgnoreCase(signer))
        throw ApiException.forbidden("not-the-sidecar", "only the sidecar of node " + nodeId + " may sign for it");
      return v;
    });
  }

  private CompletionStage<HttpResponse> heartbeat(String nodeId, String signer, byte[] body) {
    long blockNumber = Wire.required(Json.read(body, HeartbeatRequest.class).blockNumber(), "blockNumber");
    if (blockNumber < 0) throw ApiException.invalid("blockNumber", "must not be negative");
    return sidecarOf(nodeId, signer).thenCompose(node -> parameters().thenCompose(p ->
            ask(market.auditRound(), (ActorRef<RoundView> r) ->
                new AuditRoundEntity.Heartbeat(nodeId, node.registration().providerId(), blockNumber, now(), beacon(), p, r))))
        .thenApply(v -> json(200, render(v)));
  }

  private CompletionStage<HttpResponse> report(String signer, byte[] body) {
    ReportRequest req = Json.read(body, ReportRequest.class);
    long period = Wire.required(req.period(), "period");
    String auditor = Wire.id(req.auditorNodeId(), "auditorNodeId");
    String target = Wire.id(req.targetNodeId(), "targetNodeId");
    int upBps = Wire.required(req.upBps(), "upBps");
    if (upBps < 0 || upBps > 10_000) throw ApiException.invalid("upBps", "must be within 0..10000");
    return sidecarOf(auditor, signer).thenCompose(node -> parameters().thenCompose(p ->
            ask(market.auditRound(), (ActorRef<AuditRoundEntity.ReportResult> r) ->
                new AuditRoundEntity.Report(period, auditor, target, upBps, now(), beacon(), p, r))))
        .thenApply(result -> {
          if (result instanceof AuditRoundEntity.Refused refused) throw ApiException.forbidden("not-assigned", refused.reason());
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("period", period);
          m.put("auditorNodeId", auditor);
          m.put("targetNodeId", target);
          m.put("upBps", upBps);
          return json(200, m);
        });
  }

  static Map<String, Object> render(RoundView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", v.period());
    m.put("seed", v.seed());
    m.put("periodSeconds", v.periodSeconds());
    m.put("assignments", v.assignment());
    return m;
  }
}
