package io.bhkr.http;


import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.bytes.Hex;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.listings.Listings;
import io.bhkr.project.ProjectDecisions;
import io.bhkr.project.ProjectEntity;
import io.bhkr.project.ProjectStatus;
import io.bhkr.project.ProjectView;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.quote.ProjectKind;
import io.bhkr.quote.QuoteEntity;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Auction;
import io.bhkr.rules.Resources;
import io.bhkr.transfer.Arrived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.ProjectFunding;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Quotes, projects, sealed bids and completion (economics 1–3). */
final class ProjectEndpoints extends Endpoints {

  record QuoteRequest(Wire.CapacityJson resources, Long durationDays, String kind) {}

  record ProjectRequest(String quoteId) {}

  record BidRequest(Wire.AmountJson price) {}

  record CompletionRequest(Wire.AmountJson profit) {}

  record FailureRequest(String reason) {}

  private final QuoteOffers offers;
  private final Listings listings;

  ProjectEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.offers = new QuoteOffers(system, market, settings);
    this.listings = new Listings(system);
  }

  @Override
  Route route() {
    return concat(
        path("quotes", () -> post(() -> extractStrictEntity(bodyWait(), entity -> respond(() -> {
          requireJson(entity);
          return quote(entity.getData().toArray());
        })))),
        path("projects", () -> concat(
            get(() -> parameterOptional("status", status -> parameterOptional("requester", requester ->
                parameterOptional("provider", provider -> parameterOptional("limit", limit -> parameterOptional("after", after ->
                    respond(() -> list(status, requester, provider, Paging.of(limit, after, listings))))))))),
            post(() -> signed(ProjectRequest.class, this::open)))),
        path(segment("projects").slash(segment()), id -> get(() -> respond(() -> project(id)))),
        path(segment("projects").slash(segment()).slash("bids"), id -> post(() -> signed(BidRequest.class, (signer, body) -> bid(id, signer, body)))),
        path(segment("projects").slash(segment()).slash("completion"), id ->
            post(() -> signed(CompletionRequest.class, (signer, body) -> complete(id, signer, body)))),
        path(segment("projects").slash(segment()).slash("failure"), id -> post(() -> signed(FailureRequest.class, (signer, body) -> fail(id, signer, body)))));
  }

  /** Anyone may ask for a quote; it is stored so a project can be opened from it by id. */
  private CompletionStage<HttpResponse> quote(byte[] body) {
    QuoteRequest req = Json.read(body, QuoteRequest.class);
    Resources resources = Wire.required(req.resources(), "resources").toResources("resources");
    long days = Wire.required(req.durationDays(), "durationDays");
    if (days < 1 || days > 3650) throw ApiException.invalid("durationDays", "must be between 1 and 3650");
    ProjectKind kind = parseKind(Wire.required(req.kind(), "kind"));
    String quoteId = newId("quote-");
    // the quote prices itself under the parameters in force (QuoteDecisions.quote, in QuoteEntity)
    return ask(market.governance(), GovernanceEntity.Get::new).thenCompose(gov -> ask(market.quote(quoteId),
        (ActorRef<QuoteEntity.Quoted> r) -> new QuoteEntity.Request(kind, resources, days, gov.parameters(), now(), r)))
        .thenApply(quoted -> {
          if (quoted.refusal() != null) throw ApiException.invalid("resources", quoted.refusal());
          return quoted.terms();
        }).thenCompose(offers::render).thenApply(m -> json(201, m));
  }

  private static ProjectKind parseKind(String kind) {
    try {
      return ProjectKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("kind", "must be COMPUTE or ETH_VALIDATOR");
    }
  }

  /** FP moves from the requester's account into the new project's escrow, and bidding opens. */
  private CompletionStage<HttpResponse> open(String requester, byte[] body) {
    String quoteId = Wire.id(Json.read(body, ProjectRequest.class).quoteId(), "quoteId");
    return ask(market.quote(quoteId), (ActorRef<Optional<QuoteTerms>> r) -> new QuoteEntity.Get(r)).thenCompose(found -> {
      QuoteTerms terms = found.orElseThrow(() -> ApiException.notFound("no quote " + quoteId));
      String projectId = newId("project-");
      ProjectFunding funding = new ProjectFunding("fund:" + projectId, Party.account(requester), Party.project(projectId),
          terms.fp(), terms, Hex.encode(randomBytes(32)), now());
      return ask(market.account(requester), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(funding, r))
          .thenCompose(result -> {
            if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
            // the debit is made and delivery is certain; if the escrow is slow, say so rather than guess
            return afterArrival(market.project(projectId), (ActorRef<Arrived> r) -> new ProjectEntity.AwaitArrival(funding.id(), r),
                () -> view(projectId)).thenApply(v ->
                v.status() == ProjectStatus.NONE
                    ? json(202, Map.of("projectId", projectId, "status", "PENDING"))
                    : json(201, ProjectRendering.created(v)));
          });
    });
  }

  private CompletionStage<ProjectView> view(String projectId) {
    return ask(market.project(projectId), ProjectEntity.Get::new);
  }

  private CompletionStage<ProjectView> existing(String projectId) {
    return view(projectId).thenApply(v -> {
      if (v.status() == ProjectStatus.NONE) throw ApiException.notFound("no project " + projectId);
      return v;
    });
  }

  /** A page of projects from the listings' read side, filtered there, each as its entity sees it now. */
  private CompletionStage<HttpResponse> list(Optional<String> rawStatus, Optional<String> rawRequester, Optional<String> rawProvider,
      Paging paging) {
    ProjectStatus status = rawStatus.map(ProjectEndpoints::status).orElse(null);
    String requester = rawRequester.map(r -> Wire.address(r, "requester")).orElse(null);
    String provider = rawProvider.map(r -> Wire.address(r, "provider")).orElse(null);
    return listings.projects(new Listings.ProjectFilter(status, requester, provider), paging.after(), paging.limit()).thenCompose(page -> {
      List<CompletableFuture<ProjectView>> views = page.ids().stream()
          .map(id -> ask(market.project(id), ProjectEntity.Get::new).toCompletableFuture()).toList();
      Map<String, String> filters = new LinkedHashMap<>();
      filters.put("status", status == null ? null : status.name());
      filters.put("requester", requester);
      filters.put("provider", provider);
      return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new)).thenApply(x -> paging.respond(json(200, views.stream()
          .map(CompletableFuture::join).map(ProjectRendering::full).toList()), "/api/v1/projects", filters, page.next()));
    });
  }

  private static ProjectStatus status(String raw) {
    try {
      ProjectStatus s = ProjectStatus.valueOf(raw);
      if (s != ProjectStatus.NONE) return s;
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw ApiException.invalid("status", "must be one of BIDDING, RUNNING, COMPLETED, SETTLED, FAILED, UNASSIGNED, CANCELLED");
  }

  private CompletionStage<HttpResponse> project(String projectId) {
    return existing(projectId).thenApply(v -> json(200, ProjectRendering.full(v)));
  }

  /**
   * A sealed bid. The provider entity vouches for it with its own standing (economics 8: its
   * recorded score; 7: disqualified while that lasts) on the way to the project, which judges it;
   * refusals say which rule it broke.
   */
  private CompletionStage<HttpResponse> bid(String projectId, String provider, byte[] body) {
    Amount price = Wire.required(Json.read(body, BidRequest.class).price(), "price").positiveIn(Asset.BHKR, "price");
    return existing(projectId)
        .thenCompose(project -> ask(market.provider(provider), (ActorRef<ProjectEntity.BidResult> r) ->
            new ProviderEntity.Bid(projectId, price, now(), r)))
        .thenApply(result -> {
          if (result instanceof ProjectEntity.BidRefused refused) throw bidProblem(refused);
          return json(202, Map.of("projectId", projectId, "status", "SEALED"));
        });
  }

  private static ApiException bidProblem(ProjectEntity.BidRefused refused) {
    return switch (refused.refusal()) {
      case UNKNOWN_PROJECT -> ApiException.notFound(refused.reason());
      case NOT_BIDDING -> ApiException.conflict("bidding-closed", refused.reason());
      case NOT_A_PROVIDER -> ApiException.forbidden("not-a-provider", refused.reason());
      case INADMISSIBLE -> refused.inadmissible() == Auction.Refusal.NOT_QUALIFIED
              || refused.inadmissible() == Auction.Refusal.DISQUALIFIED
              || refused.inadmissible() == Auction.Refusal.COLLATERAL_BELOW_MINIMUM
          ? ApiException.forbidden("provider-not-eligible", refused.reason())
          : ApiException.unprocessable("bid-inadmissible", refused.reason());
    };
  }

  /** The winner reports completion: its profit moves into escrow and the project settles. */
  private CompletionStage<HttpResponse> complete(String projectId, String signer, byte[] body) {
    Amount profit = Wire.required(Json.read(body, CompletionRequest.class).profit(), "profit").toAmount("profit");
    // the project says who may complete it and when (ProjectDecisions.completionRefusal)
    return existing(projectId).thenCompose(v -> ask(market.project(projectId),
        (ActorRef<ProjectEntity.CompletionCheck> r) -> new ProjectEntity.CheckCompletion(signer, r))).thenCompose(check -> {
      ProjectDecisions.CompletionRefusal refusal = check.refusal();
      if (refusal != null) throw switch (refusal.kind()) {
        case NOT_THE_WINNER -> ApiException.forbidden("not-the-winner", refusal.reason());
        case NOT_RUNNING -> ApiException.conflict("not-running", "project " + projectId + ": " + refusal.reason());
      };
      Transfer payment = Transfer.of("profit:" + projectId, Party.account(signer), Party.project(projectId), profit, Purpose.PROFIT, now());
      return ask(market.account(signer), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(payment, r));
    }).thenCompose(result -> {
      if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
      return afterArrival(market.project(projectId), (ActorRef<Arrived> r) -> new ProjectEntity.AwaitArrival("profit:" + projectId, r),
          () -> view(projectId));
    }).thenApply(v -> json(v.status() == ProjectStatus.SETTLED ? 200 : 202, ProjectRendering.full(v)));
  }

  /**
   * Operator only: the provider stopped serving, known otherwise than by audits (which fail a project by themselves).
   * FP goes back in full and the provider pays the compensation from its collateral (vector P2).
   */
  private CompletionStage<HttpResponse> fail(String projectId, String signer, byte[] body) {
    if (!signer.equals(settings.operator())) throw ApiException.forbidden("not-operator", "only the operator may record a failure");
    String reason = Wire.text(Json.read(body, FailureRequest.class).reason(), "reason", 200);
    // the project decides whether it can fail now (ProjectDecisions.failureRefusal); governance gives the prices in force
    return existing(projectId).thenCompose(v -> ask(market.governance(), GovernanceEntity.Get::new))
        .thenCompose(gov -> ask(market.project(projectId), (ActorRef<ProjectEntity.FailureRecording> r) -> new ProjectEntity.RecordFailure(
            reason, now(), gov.parameters().bhkrPriceMicroUsd(), gov.parameters().ethPriceMicroUsd(), r)))
        .thenApply(recording -> {
          if (recording.refusal() != null) throw ApiException.conflict("not-running", recording.refusal());
          return json(200, ProjectRendering.full(recording.view()));
        });
  }
}
