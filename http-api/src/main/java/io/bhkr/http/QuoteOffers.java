package io.bhkr.http;

import akka.actor.typed.ActorSystem;
import io.bhkr.market.Market;
import io.bhkr.persistence.listings.Listings;
import java.util.ArrayList;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.quote.QuoteTerms;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A quote as the requester sees it: the price, the bid ceiling, and the providers that could serve it. */
final class QuoteOffers {

  private final Market market;
  private final ApiSettings settings;
  private final Listings listings;

  QuoteOffers(ActorSystem<?> system, Market market, ApiSettings settings) {
    this.market = market;
    this.settings = settings;
    this.listings = new Listings(system);
  }

  CompletionStage<Map<String, Object>> render(QuoteTerms q) {
    return eligibleProviders(q).thenApply(providers -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("quoteId", q.quoteId());
      m.put("kind", q.kind().name());
      m.put("resources", Wire.resources(q.resources()));
      m.put("durationDays", q.durationDays());
      m.put("fpMicroUsd", q.fpMicroUsd().toString());
      m.put("fp", Wire.amount(q.fp()));
      m.put("maxBid", Wire.amount(q.maxBid()));
      m.put("expectedProfit", Wire.amount(q.expectedProfit()));
      m.put("bidWindowSeconds", q.bidWindowSeconds());
      m.put("providers", providers);
      return m;
    });
  }

  /** Qualified providers whose free capacity covers the request, best score first. */
  private CompletionStage<List<Map<String, Object>>> eligibleProviders(QuoteTerms q) {
    long now = settings.clock().millis() / 1000;
    return views(null, new ArrayList<>()).thenApply(all -> all.stream()
        .filter(v -> v.statusAt(now) == ProviderEntity.Status.ACTIVE && v.freeCapacity().covers(q.resources()))
        .sorted(Comparator.comparingLong(ProviderView::score).reversed().thenComparing(ProviderView::providerId))
        .map(v -> ProviderEndpoints.render(v, now))
        .toList());
  }

  /** Every listed provider as its entity sees it, a page at a time. */
  private CompletionStage<List<ProviderView>> views(String after, List<ProviderView> sofar) {
    return listings.providers(after, listings.maxLimit()).thenCompose(page -> {
      List<CompletableFuture<ProviderView>> views = page.ids().stream()
          .map(id -> market.provider(id).<ProviderView>ask(ProviderEntity.Get::new, settings.askTimeout()).toCompletableFuture())
          .toList();
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenCompose(x -> {
        views.forEach(v -> sofar.add(v.join()));
        return page.next() == null ? CompletableFuture.completedFuture(sofar) : views(page.next(), sofar);
      });
    });
  }
}
