package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.listings.Listings;
import io.bhkr.provider.ProviderState;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.provider.ProviderEntity.Status;
import io.bhkr.transfer.Arrived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Providers: applying, reading, and staking BHKR collateral (economics 11). */
final class ProviderEndpoints extends Endpoints {

  record Application(String brandName, Wire.CapacityJson capacity, Wire.AmountJson maxPrice) {}

  record CollateralRequest(Wire.AmountJson amount) {}

  private final Listings listings;
  private final io.bhkr.persistence.History history;

  ProviderEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.listings = new Listings(system);
    this.history = new io.bhkr.persistence.History(system);
  }

  @Override
  Route route() {
    return concat(
        path("providers", () -> concat(
            get(() -> parameterOptional("limit", limit -> parameterOptional("after", after ->
                respond(() -> list(Paging.of(limit, after, listings)))))),
            post(() -> signed(Application.class, this::apply)))),
        path(segment("providers").slash(segment()), id -> get(() -> parameterOptional("asOf", asOf ->
            respond(() -> asOf.isPresent() ? oneAsOf(id, asOf.get()) : one(id))))),
        path(segment("providers").slash(segment()).slash("collateral"), id -> post(() -> signed(CollateralRequest.class, (signer, body) ->
            collateral(id, signer, body)))));
  }

  private CompletionStage<HttpResponse> apply(String signer, byte[] body) {
    Application a = Json.read(body, Application.class);
    String brandName = Wire.text(a.brandName(), "brandName", 100);
    var capacity = Wire.required(a.capacity(), "capacity").toResources("capacity");
    Amount maxPrice = Wire.required(a.maxPrice(), "maxPrice").positiveIn(Asset.BHKR, "maxPrice");
    return ask(market.provider(signer), (akka.actor.typed.ActorRef<ProviderEntity.ApplyResult> r) ->
        new ProviderEntity.Apply(brandName, capacity, maxPrice, now(), r))
        .thenApply(result -> {
          if (result instanceof ProviderEntity.ApplicationRefused refused) throw ApiException.conflict("already-applied", refused.reason());
          return json(201, Map.of("providerId", signer, "status", Status.APPLIED.name()));
        });
  }

  /** A page of providers from the listings' read side, each as its entity sees it now. */
  private CompletionStage<HttpResponse> list(Paging paging) {
    return listings.providers(paging.after(), paging.limit()).thenCompose(page -> {
      List<CompletableFuture<ProviderView>> views = page.ids().stream()
          .map(id -> ask(market.provider(id), ProviderEntity.Get::new).toCompletableFuture()).toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> paging.respond(json(200, views.stream()
          .map(CompletableFuture::join)
          .filter(v -> v.status() != Status.NONE)
          .sorted(Comparator.comparing(ProviderView::providerId))
          .map(v -> render(v, now()))
          .toList()), "/api/v1/providers", Map.of(), page.next()));
    });
  }

  /** The provider as it was at {@code asOf}, scored under the governance of that instant. */
  private CompletionStage<HttpResponse> oneAsOf(String rawId, String asOf) {
    String id = Wire.address(rawId, "providerId");
    long at = Wire.instant(asOf, "asOf");
    var provider = history.asOf(ProviderEntity.TYPE_KEY.name() + "|" + id, ProviderState.empty(), ProviderState::apply, at);
    var governance = history.asOf("Governance|" + GovernanceEntity.ID, GovernanceEntity.empty(), GovernanceEntity::apply, at);
    return provider.thenCombine(governance, (p, g) -> {
      ProviderView v = ProviderEntity.view(id, p);
      if (v.status() == Status.NONE) throw ApiException.notFound("provider " + id + " as of " + asOf);
      Map<String, Object> body = new java.util.LinkedHashMap<>(ReputationRendering.withScore(render(v, at / 1000), v, GovernanceEntity.view(g)));
      body.put("asOf", java.time.Instant.ofEpochMilli(at).toString());
      return json(200, body);
    });
  }

  private CompletionStage<HttpResponse> one(String rawId) {
    String id = Wire.address(rawId, "providerId");
    return existing(id).thenCompose(v -> ask(market.governance(), GovernanceEntity.Get::new).thenApply(gov ->
        json(200, ReputationRendering.withScore(render(v, now()), v, gov))));
  }

  /** Moves BHKR from the provider's account into its collateral; ACTIVE once it holds at least pMin. */
  private CompletionStage<HttpResponse> collateral(String rawId, String signer, byte[] body) {
    String id = Wire.address(rawId, "providerId");
    if (!id.equals(signer)) throw ApiException.forbidden("not-the-provider", "only provider " + id + " may stake its collateral");
    Amount amount = Wire.required(Json.read(body, CollateralRequest.class).amount(), "amount").positiveIn(Asset.BHKR, "amount");
    // the provider says whether it may stake collateral now (ProviderDecisions.collateralRefusal)
    return existing(id).thenCompose(before -> ask(market.provider(id),
        (akka.actor.typed.ActorRef<ProviderEntity.CollateralCheck> r) -> new ProviderEntity.CheckCollateral(r)).thenCompose(check -> {
      if (check.refusal() != null) throw ApiException.conflict("not-qualified", check.refusal());
      Transfer stake = Transfer.of(newId("collateral-"), Party.account(id), Party.provider(id), amount, Purpose.COLLATERAL, now());
      return ask(market.account(id), (akka.actor.typed.ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(stake, r))
          .thenCompose(result -> {
            if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
            Amount expected = before.collateral().plus(amount);
            return afterArrival(market.provider(id), (akka.actor.typed.ActorRef<Arrived> r) -> new ProviderEntity.AwaitArrival(stake.id(), r),
                    () -> ask(market.provider(id), ProviderEntity.Get::new))
                .thenApply(v -> json(v.collateral().isLessThan(expected) ? 202 : 200, render(v, now())));
          });
    }));
  }

  private CompletionStage<ProviderView> existing(String id) {
    return ask(market.provider(id), ProviderEntity.Get::new).thenApply(v -> {
      if (v.status() == Status.NONE) throw ApiException.notFound("no provider " + id);
      return v;
    });
  }

  static Map<String, Object> render(ProviderView v, long now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("providerId", v.providerId());
    m.put("brandName", v.brandName());
    m.put("status", v.statusAt(now).name());
    long until = v.reputation().disqualifiedUntil();
    m.put("disqualifiedUntil", until > now ? until : null);
    m.put("score", v.score());
    m.put("collateral", Wire.amount(v.collateral()));
    m.put("capacity", Wire.resources(v.capacity()));
    m.put("freeCapacity", Wire.resources(v.freeCapacity()));
    m.put("maxPrice", Wire.amount(v.maxPrice()));
    m.put("runningProjects", v.runningProjects().stream().sorted().toList());
    return m;
  }
}
