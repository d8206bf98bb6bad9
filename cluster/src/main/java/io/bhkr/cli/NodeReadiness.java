package io.bhkr.cli;

import akka.actor.AbstractExtensionId;
import akka.actor.ActorSystem;
import akka.actor.ExtendedActorSystem;
import akka.actor.Extension;
import akka.http.javadsl.Http;
import akka.http.javadsl.model.HttpRequest;
import akka.persistence.query.PersistenceQuery;
import akka.persistence.query.javadsl.CurrentEventsByPersistenceIdQuery;
import akka.stream.javadsl.Sink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The readiness check behind Akka Management's {@code /ready} (registered under
 * {@code akka.management.health-checks.readiness-checks} in application.conf; Akka's own
 * cluster-membership check sits beside it). Ready means a load balancer may send this node
 * requests: the journal answers a query, and the node's own HTTP API answers {@code /health}
 * with UP, which it does only once sharding reaches the governance entity and the journal has
 * recovered it. Until {@link Node} has bound the API and called {@link #apiBound}, not ready.
 */
public final class NodeReadiness implements Supplier<CompletionStage<Boolean>> {

  /** A persistence id that is never written: reading it still makes the journal run a query. */
  static final String PROBE_ID = "bhkr-readiness-probe";

  private final ActorSystem system;

  /** Akka Management creates the check by reflection, with the classic actor system. */
  public NodeReadiness(ActorSystem system) {
    this.system = system;
  }

  /** Called by {@link Node} once the HTTP API is bound; before that the node is not ready. */
  static void apiBound(ActorSystem system, String baseUrl) {
    BoundApi.ID.get(system).baseUrl.set(baseUrl);
  }

  @Override
  public CompletionStage<Boolean> get() {
    String api = BoundApi.ID.get(system).baseUrl.get();
    if (api == null) return CompletableFuture.completedFuture(false);
    return journalAnswers().thenCompose(journal -> journal ? apiAnswers(api) : CompletableFuture.completedFuture(false));
  }

  private CompletionStage<Boolean> journalAnswers() {
    // the profile's query plugin: JDBC's or Cassandra's
    String readJournal = system.settings().config().getString(io.bhkr.persistence.ReadJournals.SETTING);
    return PersistenceQuery.get(system).getReadJournalFor(CurrentEventsByPersistenceIdQuery.class, readJournal)
        .currentEventsByPersistenceId(PROBE_ID, 0L, 1L)
        .runWith(Sink.ignore(), system)
        .thenApply(done -> true);
  }

  private CompletionStage<Boolean> apiAnswers(String api) {
    return Http.get(system).singleRequest(HttpRequest.GET(api + "/health")).thenApply(response -> {
      response.discardEntityBytes(system);
      return response.status().intValue() == 200;
    });
  }

  /** Where this node's API listens, once it does: per actor system, so several nodes may share a JVM. */
  static final class BoundApi implements Extension {
    static final Id ID = new Id();
    final AtomicReference<String> baseUrl = new AtomicReference<>();

    static final class Id extends AbstractExtensionId<BoundApi> {
      @Override
      public BoundApi createExtension(ExtendedActorSystem system) {
        return new BoundApi();
      }
    }
  }
}
