package io.bhkr.http;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.Adapter;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.Route;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.http.auth.AnswerBook;
import io.bhkr.http.auth.NonceBook;
import io.bhkr.market.Market;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Serves the BHKR API (api.md) over the market's entities. */
public final class ApiServer extends AllDirectives {

  private final Market market;
  private final ApiSettings settings;
  private final List<Endpoints> endpoints;
  private final CrossOrigin cors;
  private final HttpMetrics metrics;

  private ApiServer(ActorSystem<?> system, Market market, ApiSettings settings) {
    this.market = market;
    this.settings = settings;
    this.cors = CrossOrigin.from(system.settings().config());
    this.metrics = new HttpMetrics(io.bhkr.persistence.metrics.NodeMetrics.get(system));
    this.endpoints = List.of(
        new AccountEndpoints(system, market, settings),
        new ProviderEndpoints(system, market, settings),
        new GovernanceEndpoints(system, market, settings),
        new ProjectEndpoints(system, market, settings),
        new NodeEndpoints(system, market, settings),
        new AuditEndpoints(system, market, settings),
        new PoolEndpoints(system, market, settings),
        new MicroPoolEndpoints(system, market, settings),
        new AccountTransferEndpoints(system, market, settings),
        new VaultWithdrawalEndpoints(system, market, settings),
        new PayoutEndpoints(system, market, settings),
        new ConservationEndpoints(system, market, settings),
        new ChainEndpoints(system, market, settings),
        new EventStreamEndpoints(system, market, settings));
  }

  /**
   * Starts the nonce book and binds the API. The binding is released in Coordinated Shutdown's
   * service-unbind phase, so Ctrl-C stops taking requests before the entities stop.
   */
  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, Market market, ApiSettings settings) {
    NonceBook.init(system);
    AnswerBook.init(system);
    ApiServer server = new ApiServer(system, market, settings);
    return Http.get(system).newServerAt(settings.host(), settings.port()).bind(server.route()).thenApply(binding -> {
      CoordinatedShutdown.get(Adapter.toClassic(system)).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "http-unbind",
          () -> binding.unbind().thenApply(x -> Done.getInstance()));
      return binding;
    });
  }

  /**
   * Every answer, including Akka HTTP's own refusals, is JSON or problem+json and carries
   * nosniff; a path that exists but not for the method is a 405, any other path a 404.
   */
  Route route() {
    Route[] routes = endpoints.stream().map(Endpoints::route).toArray(Route[]::new);
    Route api = concat(path("health", () -> get(this::health)), routes);
    return metrics.timed(() -> respondWithDefaultHeaders(List.of(Refusals.NOSNIFF), () ->
        // the server's own request timeout answers in our words too
        withRequestTimeoutResponse(request -> Refusals.forStatus(503), () ->
        handleExceptions(Refusals.exceptions(), () ->
            handleRejections(Refusals.rejections(), () ->
                cors.route(() -> concat(
                    // the root /health stays for operators' probes; /api/v1/health is the contract's
                    path("health", () -> get(this::health)),
                    // on the API port, so it needs nothing else running (docs/monitoring.md)
                    metrics.scrape(),
                    new DashboardEndpoint().route(),
                    new OpenApiEndpoint().route(),
                    pathPrefix("api", () -> pathPrefix("v1", () -> api)))))))));
  }

  /**
   * UP once sharding answers and the journal has recovered the governance entity; in chain mode
   * also only while the chain bridge follows its chain (a halted bridge fails the readiness check).
   */
  private Route health() {
    CompletionStage<HttpResponse> answer = market.governance()
        .<GovernanceEntity.GovernanceView>ask(GovernanceEntity.Get::new, Duration.ofSeconds(3))
        .thenCompose(view -> halted().thenApply(halted -> {
          Map<String, Object> body = new LinkedHashMap<>();
          boolean up = !view.governors().isEmpty() && halted == null;
          body.put("status", view.governors().isEmpty() ? "STARTING" : halted != null ? "DOWN" : "UP");
          body.put("profile", settings.profile());
          body.put("development", settings.development());
          if (halted != null) body.put("reason", "the chain bridge has halted: " + halted);
          return Problems.json(up ? 200 : 503, body);
        }))
        .exceptionally(e -> Problems.json(503, Map.of("status", "DOWN", "profile", settings.profile())));
    return completeWithFuture(answer);
  }

  /** Why the chain bridge halted, or null (also on a chain-less node). */
  private CompletionStage<String> halted() {
    if (settings.chain() == null) return CompletableFuture.completedFuture(null);
    return settings.chain().status().status().thenApply(m -> m.get("halted") == null ? null : String.valueOf(m.get("halted")));
  }
}
