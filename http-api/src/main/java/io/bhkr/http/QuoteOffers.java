package io.bhkr.http;

import akka.actor.typed.ActorSystem;
import io.bhkr.market.Market;
import io.bhkr.persistence.EntityDirectory;
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
  private final EntityDirectory directory;

  QuoteOffers(ActorSystem<?> system, Market market, ApiSettings settings) {
    this.market = market;
    this.settings = settings;
    this.directory = new EntityDirectory(system);
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
    return directory.ids(ProviderEntity.TYPE_KEY.name()).thenCompose(ids -> {
      List<CompletableFuture<ProviderView>> views = ids.stream()
          .map(id -> market.provider(id).<ProviderView>ask(ProviderEntity.Get::new, settings.askTimeout()).toCompletableFuture())
          .toList();
      long now = settings.clock().millis() / 1000;
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> views.stream()
          .map(CompletableFuture::join)
          .filter(v -> v.statusAt(now) == ProviderEntity.Status.ACTIVE && v.freeCapacity().covers(q.resources()))
          .sorted(Comparator.comparingLong(ProviderView::score).reversed().thenComparing(ProviderView::providerId))
          .map(v -> ProviderEndpoints.render(v, now))
          .toList());
    });
  }
}
