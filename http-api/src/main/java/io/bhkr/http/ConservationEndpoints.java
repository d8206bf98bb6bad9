package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.DispatcherSelector;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.market.Market;
import io.bhkr.money.Asset;
import io.bhkr.persistence.ledger.Anomaly;
import io.bhkr.persistence.ledger.AssetTotals;
import io.bhkr.persistence.ledger.ConservationReport;
import io.bhkr.persistence.ledger.HeldBy;
import io.bhkr.persistence.ledger.LedgerDatabase;
import io.bhkr.persistence.ledger.TransferCounts;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The conservation audit (economics "Invariant"): the ledger projection's totals per asset against
 * deposits − withdrawals + minted − burned, the state of every transfer id, and the verdict.
 */
final class ConservationEndpoints extends Endpoints {

  /** How many anomalies the report lists; all are counted. */
  static final int ANOMALIES_SHOWN = 10;
  /** Blocking JDBC runs where the ledger projection runs it, off the HTTP threads. */
  private static final String BLOCKING = "akka.projection.jdbc.blocking-jdbc-dispatcher";

  private final Executor blocking;

  ConservationEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.blocking = system.dispatchers().lookup(DispatcherSelector.fromConfig(BLOCKING));
  }

  @Override
  Route route() {
    return path(segment("audit").slash("conservation"), () -> get(() -> respond(this::conservation)));
  }

  private CompletionStage<HttpResponse> conservation() {
    LedgerDatabase ledger = LedgerDatabase.get(system);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return ledger.report(ANOMALIES_SHOWN);
      } catch (SQLException e) {
        throw new CompletionException(new ApiException(503, "unavailable", "The node did not answer in time",
            "the ledger's database did not answer: " + e.getMessage(), List.of()));
      }
    }, blocking).thenApply(report -> json(200, render(report)));
  }

  static Map<String, Object> render(ConservationReport r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", r.ok());
    Map<String, Object> assets = new LinkedHashMap<>();
    for (Asset asset : Asset.values()) assets.put(asset.name(), render(r.assets().get(asset)));
    body.put("assets", assets);
    body.put("transfers", render(r.transfers()));
    body.put("anomalies", r.anomalies().stream().map(ConservationEndpoints::render).toList());
    body.put("projectedUpTo", r.projectedUpTo());
    body.put("events", r.events());
    return body;
  }

  private static Map<String, Object> render(ConservationReport.AssetReport a) {
    AssetTotals t = a.totals();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("held", t.held().toString());
    m.put("inFlight", t.inFlight().toString());
    m.put("deposited", t.deposited().toString());
    m.put("withdrawn", t.withdrawn().toString());
    m.put("minted", t.minted().toString());
    m.put("burned", t.burned().toString());
    m.put("ok", a.ok());
    m.put("expected", t.expected().toString());
    Map<String, Object> heldBy = new LinkedHashMap<>();
    for (HeldBy h : HeldBy.values()) heldBy.put(h.label(), t.heldBy().get(h).toString());
    m.put("heldBy", heldBy);
    m.put("transfers", render(a.transfers()));
    return m;
  }

  private static Map<String, Object> render(TransferCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sent", c.sent());
    m.put("received", c.received());
    m.put("inFlight", c.inFlight());
    m.put("receivedTwice", c.receivedTwice());
    m.put("receivedUnsent", c.receivedUnsent());
    m.put("sentTwice", c.sentTwice());
    m.put("amountDiffers", c.amountDiffers());
    return m;
  }

  private static Map<String, Object> render(Anomaly a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", a.kind().name());
    m.put("transferId", a.transferId());
    m.put("amount", Wire.amount(a.amount()));
    m.put("persistenceId", a.persistenceId());
    m.put("offset", a.offset());
    return m;
  }
}
