package io.bhkr.http;

import io.bhkr.persistence.listings.Listings;
import io.bhkr.transfer.Purpose;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.audit.AuditRoundEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.nodes.NodeEntity;
import io.bhkr.nodes.SidecarIndex;
import io.bhkr.nodes.NodeEntity.NodeView;
import io.bhkr.provider.NodeAdmission;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Arrived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/** Providers' nodes, and the BHKR that accounts stake on their sidecars (economics 5). */
final class NodeEndpoints extends Endpoints {

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  record NodeRegistration(String nodeId, String endpoint, String sidecarAddress, Wire.CapacityJson capacity) {}

  record StakeRequest(Wire.AmountJson amount) {}

  private final StakePositions positions;
  private final Listings listings;

  NodeEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.positions = new StakePositions(system, market, settings.askTimeout());
    this.listings = new Listings(system);
  }

  @Override
  Route route() {
    return concat(
        path(segment("providers").slash(segment()).slash("nodes"), id -> post(() -> signed(NodeRegistration.class, (signer, body) -> register(id, signer, body)))),
        path(segment("nodes").slash(segment()), id -> get(() -> respond(() -> node(id)))),
        path(segment("nodes").slash(segment()).slash("stakes"), id -> post(() -> signed(StakeRequest.class, (signer, body) -> stake(id, signer, body)))),
        path(segment("nodes").slash(segment()).slash("stakes").slash("withdrawals"), id ->
            post(() -> signed(StakeRequest.class, (signer, body) -> withdraw(id, signer, body)))),
        path("nodes", () -> get(() -> parameterOptional("provider", provider -> parameterOptional("limit", limit ->
            parameterOptional("after", after -> respond(() -> list(provider, Paging.of(limit, after, listings)))))))),
        path(segment("accounts").slash(segment()).slash("stakes"), address -> get(() -> parameterOptional("limit", limit ->
            parameterOptional("after", after -> respond(() -> stakesOf(address, Paging.of(limit, after, listings))))))));
  }

  private CompletionStage<HttpResponse> register(String rawProvider, String signer, byte[] body) {
    String providerId = Wire.address(rawProvider, "providerId");
    if (!providerId.equals(signer)) throw ApiException.forbidden("not-the-provider", "only provider " + providerId + " may register its nodes");
    NodeRegistration req = Json.read(body, NodeRegistration.class);
    String nodeId = nodeId(Wire.required(req.nodeId(), "nodeId"));
    String endpoint = endpoint(Wire.required(req.endpoint(), "endpoint"));
    String sidecar = Wire.address(req.sidecarAddress(), "sidecarAddress");
    Resources capacity = Wire.required(req.capacity(), "capacity").toResources("capacity");
    return ask(market.provider(providerId),
        (ActorRef<ProviderEntity.NodeAdmitted> r) -> new ProviderEntity.AdmitNode(nodeId, capacity, r)).thenCompose(admitted -> {
      // the provider decides: qualified, and its nodes within the capacity it declared
      NodeAdmission.Refusal refusal = admitted.refusal();
      if (refusal != null) throw switch (refusal.kind()) {
        case NOT_A_PROVIDER -> ApiException.notFound(refusal.reason());
        case NOT_QUALIFIED -> ApiException.conflict("not-qualified", refusal.reason());
        case OVER_DECLARED_CAPACITY -> ApiException.conflict("over-declared-capacity", refusal.reason());
      };
      return ask(market.node(nodeId), NodeEntity.Get::new);
    }).thenCompose(existing -> {
      if (existing.registration() != null) throw ApiException.conflict("node-exists", "node " + nodeId + " is registered already");
      return claimSidecar(sidecar, nodeId);
    }).thenCompose(claimed -> ask(market.node(nodeId), (ActorRef<NodeEntity.Result> r) ->
        new NodeEntity.Register(providerId, endpoint, sidecar, capacity, now(), r)))
    .thenApply(result -> {
      if (result instanceof NodeEntity.Refused refused) throw ApiException.conflict("node-exists", refused.reason());
      return json(201, Map.of("nodeId", nodeId, "status", "INSTALLING"));
    });
  }

  /**
   * A sidecar address belongs to one node only: its signature is what speaks for the node. A
   * holder whose registration does not name this sidecar (it lost the race for its node id) is
   * stale and gives way.
   */
  private CompletionStage<String> claimSidecar(String sidecar, String nodeId) {
    return ask(market.sidecar(sidecar), (ActorRef<SidecarIndex.ClaimResult> r) -> new SidecarIndex.Claim(nodeId, null, r))
        .thenCompose(first -> {
          if (first.holder().equals(nodeId)) return java.util.concurrent.CompletableFuture.completedFuture(nodeId);
          return ask(market.node(first.holder()), NodeEntity.Get::new).thenCompose(holder -> {
            if (holder.registration() != null && holder.registration().sidecarAddress().equalsIgnoreCase(sidecar))
              throw ApiException.conflict("sidecar-taken", "sidecar " + sidecar + " already belongs to node " + first.holder());
            return ask(market.sidecar(sidecar), (ActorRef<SidecarIndex.ClaimResult> r) -> new SidecarIndex.Claim(nodeId, first.holder(), r))
                .thenApply(second -> {
                  if (!second.holder().equals(nodeId))
                    throw ApiException.conflict("sidecar-taken", "sidecar " + sidecar + " already belongs to node " + second.holder());
                  return nodeId;
                });
          });
        });
  }

  private CompletionStage<NodeView> existing(String nodeId) {
    return ask(market.node(nodeId(nodeId)), NodeEntity.Get::new).thenApply(v -> {
      if (v.registration() == null) throw ApiException.notFound("no node " + nodeId);
      return v;
    });
  }

  private CompletionStage<HttpResponse> node(String nodeId) {
    return existing(nodeId).thenCompose(v -> ask(market.auditRound(), AuditRoundEntity.Get::new)
        .thenCompose(audits -> ask(market.governance(), GovernanceEntity.Get::new).thenApply(gov -> {
          Map<String, Object> m = render(v);
          ReputationRendering.withAudits(m, v.nodeId(), audits, gov, now());
          return json(200, m);
        })));
  }

  /** BHKR moves from the staker's account onto the sidecar; stake-time counts from now. */
  private CompletionStage<HttpResponse> stake(String nodeId, String staker, byte[] body) {
    Amount amount = Wire.required(Json.read(body, StakeRequest.class).amount(), "amount").positiveIn(Asset.BHKR, "amount");
    return existing(nodeId).thenCompose(before -> {
      BigInteger expected = before.stakedBy(staker).add(amount.amount());
      Transfer stake = Transfer.of(newId("stake-"), Party.account(staker), Party.node(nodeId), amount, Purpose.NODE_STAKE, now());
      return ask(market.account(staker), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(stake, r))
          .thenCompose(result -> {
            if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
            return afterArrival(market.node(nodeId), (ActorRef<Arrived> r) -> new NodeEntity.AwaitArrival(stake.id(), r),
                () -> ask(market.node(nodeId), NodeEntity.Get::new));
          })
          .thenApply(v -> json(v.stakedBy(staker).compareTo(expected) >= 0 ? 200 : 202, position(v, staker)));
    });
  }

  /** The stake goes back to the account; its stake-time not yet paid by a distribution is forfeited. */
  private CompletionStage<HttpResponse> withdraw(String nodeId, String staker, byte[] body) {
    Amount amount = Wire.required(Json.read(body, StakeRequest.class).amount(), "amount").positiveIn(Asset.BHKR, "amount");
    return existing(nodeId)
        .thenCompose(v -> ask(market.node(nodeId), (ActorRef<NodeEntity.Result> r) ->
            new NodeEntity.Withdraw(staker, amount.amount(), newId("unstake-"), now(), r)))
        .thenCompose(result -> {
          if (result instanceof NodeEntity.Refused refused) throw ApiException.conflict("insufficient-stake", refused.reason());
          return ask(market.node(nodeId), NodeEntity.Get::new);
        })
        .thenApply(v -> json(200, position(v, staker)));
  }

  private CompletionStage<HttpResponse> stakesOf(String rawAddress, Paging paging) {
    String address = Wire.address(rawAddress, "address");
    return positions.page(address, paging.after(), paging.limit()).thenApply(page -> paging.respond(json(200, page.positions().stream()
        .map(p -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("nodeId", p.nodeId());
          m.put("amount", Wire.amount(new Amount(Asset.BHKR, p.amount())));
          m.put("since", p.since());
          return m;
        }).toList()), "/api/v1/accounts/" + address + "/stakes", Map.of(), page.next()));
  }

  /** A page of registered nodes, all or one provider's, from the listings' read side, each as its entity sees it now. */
  private CompletionStage<HttpResponse> list(Optional<String> rawProvider, Paging paging) {
    String provider = rawProvider.map(p -> Wire.address(p, "provider")).orElse(null);
    return listings.nodes(provider, paging.after(), paging.limit()).thenCompose(page -> {
      List<CompletableFuture<NodeEntity.NodeView>> views = page.ids().stream()
          .map(id -> ask(market.node(id), NodeEntity.Get::new).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> paging.respond(json(200, views.stream()
          .map(CompletableFuture::join).filter(v -> v.registration() != null).map(NodeEndpoints::render).toList()),
          "/api/v1/nodes", java.util.Collections.singletonMap("provider", provider), page.next()));
    });
  }


  private static Map<String, Object> position(NodeView v, String staker) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodeId", v.nodeId());
    m.put("address", staker);
    m.put("staked", Wire.amount(new Amount(Asset.BHKR, v.stakedBy(staker))));
    return m;
  }

  static Map<String, Object> render(NodeView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodeId", v.nodeId());
    m.put("providerId", v.registration().providerId());
    m.put("status", "INSTALLING"); // heartbeats and audits move it on (the sidecar issue)
    m.put("endpoint", v.registration().endpoint());
    m.put("sidecarAddress", v.registration().sidecarAddress());
    m.put("capacity", Wire.resources(v.registration().capacity()));
    m.put("uptimeBps", null);
    m.put("auditors", List.of());
    var run = v.latestProject();
    m.put("project", run == null || run.finishedAt() != 0 ? null : run.projectId());
    m.put("projectStartedAt", run == null ? null : run.startedAt());
    m.put("projectFinishedAt", run == null || run.finishedAt() == 0 ? null : run.finishedAt());
    m.put("lastProject", run == null ? null : run.projectId());
    List<Map<String, Object>> stakes = new ArrayList<>();
    v.stakes().forEach((staker, lots) -> lots.forEach(lot -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("address", staker);
      s.put("amount", Wire.amount(new Amount(Asset.BHKR, lot.amount())));
      s.put("since", lot.since());
      stakes.add(s);
    }));
    m.put("stakes", stakes);
    m.put("totalStaked", Wire.amount(new Amount(Asset.BHKR, v.totalStaked())));
    return m;
  }

  private static String nodeId(String id) {
    if (!NODE_ID.matcher(id).matches()) throw ApiException.invalid("nodeId", "must be 1 to 64 characters of [A-Za-z0-9_-]");
    return id;
  }

  /** A provider's node endpoint: other providers' sidecars will call it, so it is short, plain http(s), and carries no credentials. */
  static final int MAX_ENDPOINT_LENGTH = 256;

  private static String endpoint(String url) {
    String refusal = "must be an http(s) URL of the node's JSON-RPC, at most " + MAX_ENDPOINT_LENGTH + " characters, without user info";
    if (url.length() > MAX_ENDPOINT_LENGTH || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f))
      throw ApiException.invalid("endpoint", refusal);
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getRawUserInfo() != null || uri.getRawFragment() != null)
        throw ApiException.invalid("endpoint", refusal);
      return url;
    } catch (java.net.URISyntaxException e) {
      throw ApiException.invalid("endpoint", refusal);
    }
  }
}
