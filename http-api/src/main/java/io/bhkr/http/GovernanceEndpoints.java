package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.governance.GovernanceEntity.Decision;
import io.bhkr.governance.GovernanceEntity.DecisionRefused;
import io.bhkr.governance.Parameters;
import io.bhkr.governance.Proposal;
import io.bhkr.market.Market;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.account.AccountEntity;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.persistence.governance.Elections;
import io.bhkr.transfer.Arrived;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The governors, the parameters in force, and proposals with their votes (economics 10). */
final class GovernanceEndpoints extends Endpoints {

  record ProposalRequest(String kind, String providerId, String action, Wire.AmountJson amount, String name,
      com.fasterxml.jackson.databind.JsonNode value, String poolId, String toPoolId, Wire.AmountJson k) {}

  record VoteRequest(String vote) {}

  record CandidacyRequest(Wire.AmountJson stake) {}

  record ElectionVoteRequest(String candidate, Wire.AmountJson amount) {}

  private final Elections elections;

  GovernanceEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.elections = new Elections(system, market, settings.askTimeout());
  }

  @Override
  Route route() {
    return concat(
        path("governance", () -> get(() -> respond(this::overview))),
        path(segment("governance").slash("candidacies"), () -> post(() -> signedMaybeEmpty(CandidacyRequest.class, this::candidacy))),
        path(segment("governance").slash("election-votes"), () -> post(() -> signed(ElectionVoteRequest.class, this::giveVotes))),
        path(segment("governance").slash("elections"), () -> post(() -> signedMaybeEmpty(Json.NoFields.class, this::holdElection))),
        path(segment("governance").slash("proposals"), () -> post(() -> signed(ProposalRequest.class, this::propose))),
        path(segment("governance").slash("proposals").slash(segment()), id -> get(() -> respond(() -> proposal(id)))),
        path(segment("governance").slash("proposals").slash(segment()).slash("impact"), id -> get(() -> parameterOptional("days", days ->
            respond(() -> impact(id, days.orElse("30")))))),
        path(segment("governance").slash("proposals").slash(segment()).slash("votes"), id ->
            post(() -> signed(VoteRequest.class, (signer, body) -> vote(id, signer, body)))));
  }

  private CompletionStage<GovernanceEntity.GovernanceView> view() {
    return ask(market.governance(), GovernanceEntity.Get::new);
  }

  private CompletionStage<HttpResponse> overview() {
    return view().thenApply(v -> json(200, GovernanceRendering.overview(v)));
  }

  /**
   * The signer stands for a seat (or, seated, adds to its stake): {@code stake} BHKR, by default
   * governorMinStake, moves from its account into governance, which holds it while it stands or sits.
   */
  private CompletionStage<HttpResponse> candidacy(String signer, byte[] body) {
    CandidacyRequest req = body.length == 0 ? new CandidacyRequest(null) : Json.read(body, CandidacyRequest.class);
    BigInteger asked = req.stake() == null ? null : req.stake().positiveIn(Asset.BHKR, "stake").amount();
    // how much moves, and whether it makes a candidate, is governance's rule (GovernanceDecisions.candidacy)
    return ask(market.governance(), (ActorRef<Decision> r) -> new GovernanceEntity.CheckCandidacy(signer, asked, r)).thenCompose(d -> {
      if (d instanceof DecisionRefused refused) throw ApiException.invalid("stake", refused.reason());
      GovernanceEntity.CandidacyTerms terms = (GovernanceEntity.CandidacyTerms) d;
      Transfer t = Transfer.of(newId("candidacy-"), Party.account(signer), Party.GOVERNANCE, new Amount(Asset.BHKR, terms.stake()), Purpose.GOVERNOR_STAKE, now());
      return ask(market.account(signer), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(t, r))
          .thenCompose(result -> {
            if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
            return afterArrival(market.governance(), (ActorRef<Arrived> r) -> new GovernanceEntity.AwaitArrival(t.id(), r), this::view);
          })
          .thenApply(after -> json(after.council().ownStake(signer).compareTo(terms.ownStakeAfter()) >= 0 ? 201 : 202,
              GovernanceRendering.standing(after, signer)));
    });
  }

  /** A sidecar staker gives votes to a candidate or governor, up to what it stakes on sidecars in all. */
  private CompletionStage<HttpResponse> giveVotes(String signer, byte[] body) {
    ElectionVoteRequest req = Json.read(body, ElectionVoteRequest.class);
    String candidate = Wire.address(req.candidate(), "candidate");
    Amount amount = Wire.required(req.amount(), "amount").toAmount("amount");
    if (amount.asset() != Asset.BHKR) throw ApiException.invalid("amount", "votes are given in BHKR");
    return elections.stakedBy(signer).thenCompose(staked -> ask(market.governance(), (ActorRef<Decision> r) ->
            new GovernanceEntity.GiveVotes(signer, candidate, amount.amount(), staked, now(), r)))
        .thenApply(d -> {
          if (d instanceof DecisionRefused refused) throw switch (refused.refusal()) {
            case NOT_A_CANDIDATE -> ApiException.notFound(refused.reason());
            case INSUFFICIENT_STAKE -> ApiException.conflict("insufficient-stake", refused.reason());
            default -> ApiException.badRequest("invalid-vote", refused.reason());
          };
          GovernanceEntity.VotesGiven given = (GovernanceEntity.VotesGiven) d;
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("staker", given.staker());
          m.put("candidate", given.candidate());
          m.put("amount", Wire.amount(new Amount(Asset.BHKR, given.amount())));
          m.put("totalGiven", Wire.amount(new Amount(Asset.BHKR, given.totalGiven())));
          return json(200, m);
        });
  }

  /** Operator only: hold the election now instead of at the end of the term (the clock holds it by itself when due). */
  private CompletionStage<HttpResponse> holdElection(String signer, byte[] body) {
    if (!signer.equals(settings.operator())) throw ApiException.forbidden("not-operator", "only the operator may hold an election early");
    return elections.tick(now(), true).thenCompose(t -> {
      if (t.election() == null) throw ApiException.conflict("no-candidates", "nobody stands: no election was held");
      return view().thenApply(v -> json(200, GovernanceRendering.election(t.election(), v)));
    });
  }

  private CompletionStage<HttpResponse> propose(String signer, byte[] body) {
    ProposalRequest req = Json.read(body, ProposalRequest.class);
    String kind = Wire.required(req.kind(), "kind");
    if (Proposal.Kind.MOVE_INSURANCE_EXCESS.name().equals(kind)) return proposeExcessMove(signer, req);
    if (Proposal.Kind.SET_PARAMETER.name().equals(kind)) return proposeParameter(signer, req);
    if (Proposal.Kind.MIGRATE_MICROPOOL.name().equals(kind)) return proposeMigration(signer, req);
    if (Proposal.Kind.DISQUALIFY_PROVIDER.name().equals(kind) || Proposal.Kind.SET_PROVIDER_K.name().equals(kind))
      return proposeAboutQualified(signer, Proposal.Kind.valueOf(kind), req);
    if (!Proposal.Kind.QUALIFY_PROVIDER.name().equals(kind))
      throw ApiException.invalid("kind", "must be one of QUALIFY_PROVIDER, DISQUALIFY_PROVIDER, SET_PROVIDER_K, SET_PARAMETER, "
          + "MIGRATE_MICROPOOL, MOVE_INSURANCE_EXCESS; got '" + kind + "'");
    String providerId = Wire.address(req.providerId(), "providerId");
    // governance decides with the provider's status whether it may be qualified (GovernanceDecisions.providerRefusal)
    return ask(market.provider(providerId), ProviderEntity.Get::new).thenCompose(provider -> ask(market.governance(),
        (ActorRef<Decision> r) -> new GovernanceEntity.Propose(newId("proposal-"), signer, Proposal.Kind.QUALIFY_PROVIDER, providerId,
            provider.status(), now(), r)))
        .thenApply(decision -> json(201, render(decided(decision))));
  }

  /**
   * Disqualify a qualified provider for disqualifyDays (economics 7), or set its k (economics 6):
   * {@code k} is an amount of ETH in wei, {@code {"asset":"ETH","amount":"8000000000000000000"}},
   * from 0 to 16 ETH.
   */
  private CompletionStage<HttpResponse> proposeAboutQualified(String signer, Proposal.Kind kind, ProposalRequest req) {
    String providerId = Wire.address(req.providerId(), "providerId");
    java.math.BigInteger k = null;
    if (kind == Proposal.Kind.SET_PROVIDER_K) {
      io.bhkr.money.Amount amount = Wire.required(req.k(), "k").toAmount("k");
      if (amount.asset() != io.bhkr.money.Asset.ETH) throw ApiException.invalid("k.asset", "must be ETH");
      // its range (0 to 16 ETH) is governance's rule: GovernanceDecisions.proposalRefusal answers invalid-proposal
      k = amount.amount();
    }
    java.math.BigInteger kWei = k;
    // governance decides with the provider's status whether it is qualified (GovernanceDecisions.providerRefusal)
    return ask(market.provider(providerId), ProviderEntity.Get::new).thenCompose(provider -> ask(market.governance(),
        (ActorRef<Decision> r) -> new GovernanceEntity.Propose(newId("proposal-"), signer, kind, providerId, kWei, provider.status(),
            now(), r)))
        .thenApply(decision -> json(201, render(decided(decision))));
  }

  /** Move the Insurance Pool's excess above insuranceCap to the Reward Pool, or burn it (economics 5). */
  private CompletionStage<HttpResponse> proposeExcessMove(String signer, ProposalRequest req) {
    String action = Wire.required(req.action(), "action");
    if (!action.equals("TO_REWARD") && !action.equals("BURN")) throw ApiException.invalid("action", "must be TO_REWARD or BURN");
    Proposal.ExcessMove move = new Proposal.ExcessMove(action, Wire.required(req.amount(), "amount").positive("amount"));
    // whether the signer may propose is governance's to say (GovernanceDecisions.proposalRefusal)
    return ask(market.governance(), (ActorRef<Decision> r) -> new GovernanceEntity.Propose(
        newId("proposal-"), signer, Proposal.Kind.MOVE_INSURANCE_EXCESS, null, move, now(), r))
        .thenApply(decision -> json(201, render(decided(decision))));
  }

  /** Set one parameter by name (economics "Parameters"); an invalid name or value is refused with 400 when proposed. */
  private CompletionStage<HttpResponse> proposeParameter(String signer, ProposalRequest req) {
    String name = Wire.text(req.name(), "name", 64);
    if (req.value() == null || req.value().isNull()) throw ApiException.invalid("value", "is missing");
    Proposal.ParameterSetting setting = new Proposal.ParameterSetting(name, req.value().toString());
    return ask(market.governance(), (ActorRef<Decision> r) -> new GovernanceEntity.Propose(
        newId("proposal-"), signer, Proposal.Kind.SET_PARAMETER, null, null, setting, now(), r))
        .thenApply(decision -> json(201, render(decided(decision))));
  }

  /** Move every staker of one micro-pool to another (economics 4), both OPEN or ACTIVE when proposed. */
  private CompletionStage<HttpResponse> proposeMigration(String signer, ProposalRequest req) {
    String from = Wire.id(req.poolId(), "poolId"), to = Wire.id(req.toPoolId(), "toPoolId");
    if (from.equals(to)) throw ApiException.invalid("toPoolId", "must be another pool");
    // governance decides with both pools' statuses whether they may migrate (GovernanceDecisions.poolRefusal)
    return ask(market.microPool(from), io.bhkr.micropool.MicroPoolEntity.Get::new)
        .thenCombine(ask(market.microPool(to), io.bhkr.micropool.MicroPoolEntity.Get::new), (a, b) -> Map.of(from, a.status(), to, b.status()))
        .thenCompose(statuses -> ask(market.governance(), (ActorRef<Decision> r) -> new GovernanceEntity.Propose(newId("proposal-"), signer,
            new Proposal.Migration(from, to), statuses, now(), r)))
        .thenApply(decision -> json(201, render(decided(decision))));
  }

  private CompletionStage<HttpResponse> vote(String proposalId, String signer, byte[] body) {
    String vote = Wire.required(Json.read(body, VoteRequest.class).vote(), "vote");
    if (!vote.equals("YES") && !vote.equals("NO")) throw ApiException.invalid("vote", "must be YES or NO");
    return ask(market.governance(), (ActorRef<Decision> r) ->
        new GovernanceEntity.Vote(proposalId, signer, vote.equals("YES"), now(), r))
        .thenApply(decision -> json(200, render(decided(decision))));
  }

  private CompletionStage<HttpResponse> proposal(String proposalId) {
    return view().thenApply(v -> {
      Proposal p = v.proposals().get(proposalId);
      if (p == null) throw ApiException.notFound("no proposal " + proposalId);
      return json(200, render(p));
    });
  }

  /** A SET_PARAMETER proposal's effect had it been in force over the last {@code days} days (docs/research.md). */
  private CompletionStage<HttpResponse> impact(String proposalId, String rawDays) {
    int days;
    try {
      days = Integer.parseInt(rawDays);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("days", "must be a whole number of days, 1 to 3650");
    }
    if (days < 1 || days > 3650) throw ApiException.invalid("days", "must be a whole number of days, 1 to 3650");
    if (settings.impact() == null) throw ApiException.notFound("impact (this node has no journal reader)");
    return view().thenCompose(v -> {
      Proposal p = v.proposals().get(proposalId);
      if (p == null) throw ApiException.notFound("no proposal " + proposalId);
      if (p.kind() != Proposal.Kind.SET_PARAMETER || p.setting() == null)
        throw ApiException.conflict("not-a-parameter-change", "proposal " + proposalId + " is " + p.kind() + ": only a SET_PARAMETER proposal has an impact");
      long to = settings.clock().millis();
      long from = to - days * 86_400_000L;
      return settings.impact().of(p.setting().name(), p.setting().value(), from, to).thenApply(impact -> {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("proposalId", proposalId);
        body.put("days", days);
        body.putAll(impact);
        return json(200, body);
      });
    });
  }

  private static Proposal decided(Decision decision) {
    if (decision instanceof DecisionRefused refused) {
      throw switch (refused.refusal()) {
        case NOT_A_GOVERNOR -> ApiException.forbidden("not-a-governor", refused.reason());
        case UNKNOWN_PROPOSAL -> ApiException.notFound(refused.reason());
        case CLOSED -> ApiException.conflict("proposal-closed", refused.reason());
        case ALREADY_VOTED -> ApiException.conflict("already-voted", refused.reason());
        case INVALID -> ApiException.badRequest("invalid-proposal", refused.reason());
        case NO_PROVIDER -> ApiException.notFound(refused.reason());
        case ALREADY_QUALIFIED -> ApiException.conflict("already-qualified", refused.reason());
        case NOT_QUALIFIED -> ApiException.conflict("not-qualified", refused.reason());
        case NO_POOL -> ApiException.notFound(refused.reason());
        case POOL_NOT_MIGRATABLE -> ApiException.conflict("pool-not-migratable", refused.reason());
        case NOT_A_CANDIDATE, INSUFFICIENT_STAKE -> ApiException.conflict("not-a-proposal-refusal", refused.reason());
      };
    }
    return ((GovernanceEntity.ProposalView) decision).proposal();
  }

  private Map<String, Object> render(Proposal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proposalId", p.proposalId());
    m.put("kind", p.kind().name());
    if (p.providerId() != null) m.put("providerId", p.providerId());
    if (p.excess() != null) {
      m.put("action", p.excess().action());
      m.put("amount", Wire.amount(p.excess().amount()));
    }
    if (p.setting() != null) {
      m.put("name", p.setting().name());
      m.put("value", Json.tree(p.setting().value()));
    }
    if (p.kWei() != null) m.put("k", Wire.amount(new io.bhkr.money.Amount(io.bhkr.money.Asset.ETH, p.kWei())));
    if (p.migration() != null) {
      m.put("poolId", p.migration().poolId());
      m.put("toPoolId", p.migration().toPoolId());
    }
    m.put("status", p.statusAt(now()).name());
    m.put("yes", p.yes().size());
    m.put("no", p.no().size());
    m.put("votes", Map.of("yes", List.copyOf(p.yes()), "no", List.copyOf(p.no())));
    m.put("deadline", p.deadline());
    return m;
  }

  static Map<String, Object> parameters(Parameters p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p == null) return m;
    m.put("rpBps", p.rpBps());
    m.put("ipBps", p.ipBps());
    m.put("pricing", Map.of("cpu", p.pricing().cpuMicroUsd().toString(), "ram", p.pricing().ramMicroUsd().toString(),
        "storage", p.pricing().storageMicroUsd().toString(), "bw", p.pricing().bandwidthMicroUsd().toString()));
    m.put("bhkrPriceMicroUsd", p.bhkrPriceMicroUsd().toString());
    m.put("aprBps", p.aprBps());
    m.put("bidWindowSeconds", p.bidWindowSeconds());
    m.put("priceBandBps", p.priceBandBps());
    m.put("auctionPricing", p.auctionPricing().name());
    m.put("pMin", p.pMin().amount().toString());
    m.put("pMax", p.pMax().amount().toString());
    m.put("proposalSeconds", p.proposalSeconds());
    m.put("rewardSplit", Map.of("governors", p.rewardSplit().governorsBps(), "providersRequesters",
        p.rewardSplit().providersRequestersBps(), "stakers", p.rewardSplit().stakersBps(), "dev", p.rewardSplit().developmentBps()));
    m.put("epochSeconds", p.epochSeconds());
    m.put("insuranceCap", p.insuranceCap().toString());
    m.put("ethPriceMicroUsd", p.ethPriceMicroUsd().toString());
    m.put("reputation", p.reputation());
    m.put("audits", p.audits());
    m.put("elections", p.elections());
    m.put("microPools", p.microPools());
    return m;
  }
}
