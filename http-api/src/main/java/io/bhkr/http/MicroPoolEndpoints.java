package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.account.AccountEntity;
import io.bhkr.governance.GovernanceEntity;
import io.bhkr.market.Market;
import io.bhkr.micropool.MicroPoolDecisions;
import io.bhkr.micropool.MicroPoolEntity;
import io.bhkr.micropool.MicroPoolEntity.Outcome;
import io.bhkr.micropool.MicroPoolEvents;
import io.bhkr.micropool.MicroPoolLeg;
import io.bhkr.micropool.MicroPoolRefusal;
import io.bhkr.micropool.MicroPoolStatus;
import io.bhkr.micropool.MicroPoolTerms;
import io.bhkr.micropool.MicroPoolView;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.EthShare;
import io.bhkr.provider.ProviderEntity;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * ETH micro-pools (economics 4): open, stake (fee charged, aETH minted), withdraw before
 * activation or redeem after completion, complete with rewards. Every write pays from the
 * signer's account through the outbox and answers once the pool has applied it.
 */
final class MicroPoolEndpoints extends Endpoints {

  /** {@code chainPool}: the MicroPool contract that holds the users' principal on chain (chain mode), or absent. */
  record OpenRequest(Wire.AmountJson stake, Long endsAt, Wire.AmountJson fp, String chainPool) {}

  record AmountRequest(Wire.AmountJson amount) {}

  record CompletionRequest(Wire.AmountJson rewards) {}

  record SlashingRequest(Wire.AmountJson loss) {}

  MicroPoolEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
  }

  @Override
  Route route() {
    return concat(
        path("micropools", () -> post(() -> signed(OpenRequest.class, this::open))),
        path(segment("micropools").slash(segment()), id -> get(() -> respond(() -> show(id)))),
        path(segment("micropools").slash(segment()).slash("stakes"), id -> post(() -> signed(AmountRequest.class, (s, b) -> stake(id, s, b)))),
        path(segment("micropools").slash(segment()).slash("closure"), id -> post(() -> signedMaybeEmpty(Json.NoFields.class, (s, b) -> close(id, s)))),
        path(segment("micropools").slash(segment()).slash("withdrawals"), id -> post(() -> signed(AmountRequest.class, (s, b) -> withdraw(id, s, b)))),
        path(segment("micropools").slash(segment()).slash("completion"), id -> post(() -> signed(CompletionRequest.class, (s, b) -> complete(id, s, b)))),
        path(segment("micropools").slash(segment()).slash("slashings"), id -> post(() -> signed(SlashingRequest.class, (s, b) -> slash(id, s, b)))));
  }

  private CompletionStage<HttpResponse> open(String signer, byte[] body) {
    OpenRequest req = Json.read(body, OpenRequest.class);
    Amount stake = Wire.required(req.stake(), "stake").toAmount("stake");
    if (stake.asset() != Asset.ETH) throw ApiException.invalid("stake.asset", "must be ETH");
    long endsAt = Wire.required(req.endsAt(), "endsAt");
    if (endsAt <= now()) throw ApiException.invalid("endsAt", "must be in the future (unix seconds)");
    Amount fp = Wire.required(req.fp(), "fp").positiveIn(Asset.BHKR, "fp");
    String chainPool = req.chainPool() == null ? null : req.chainPool().toLowerCase();
    if (chainPool != null && !chainPool.matches("0x[0-9a-f]{40}")) throw ApiException.invalid("chainPool", "must be a contract address");
    MicroPoolContracts contracts = chainPool == null ? null : chain("a pool's principal cannot be held on chain").microPools();
    String poolId = newId("mp-");
    return ask(market.governance(), GovernanceEntity.Get::new)
        .thenCompose(g -> ask(market.provider(signer), (ActorRef<ProviderEntity.PoolStakeCheck> r) ->
            new ProviderEntity.CheckPoolStake(stake, g.parameters(), now(), r)).thenApply(check -> {
              // economics 6: the provider decides whether the stake covers its k of every 32 ETH validator
              if (check.refusal() != null) throw refusal(check.refusal());
              return g;
            }))
        // the pool sets its terms from the parameters in force, and says whether it can open on them (MicroPoolDecisions.openingRefusal)
        .thenCompose(g -> ask(market.microPool(poolId), (ActorRef<MicroPoolEntity.OpeningQuote> r) ->
            new MicroPoolEntity.QuoteOpening(stake, fp, endsAt, g.parameters(), chainPool, r)))
        .thenCompose(quote -> {
          MicroPoolRefusal refusal = quote.refusal();
          if (refusal != null) throw switch (refusal.kind()) {
            case NO_ROOM_FOR_STAKERS -> ApiException.invalid("stake", refusal.reason());
            case INVALID_TERMS -> ApiException.invalid("fp", refusal.reason());
            default -> ApiException.conflict("pool-exists", refusal.reason()); // a fresh id: not expected
          };
          return chainPool == null ? java.util.concurrent.CompletableFuture.completedFuture(quote.terms())
              : checkedContract(contracts, chainPool, signer, quote.terms(), quote.chainActivation()).thenApply(x -> quote.terms());
        })
        .thenCompose(terms -> pay(signer, new MicroPoolOpening("open:" + poolId, Party.account(signer), Party.microPool(poolId), signer,
            stake, terms, now())))
        // the pool answers once it has opened (or returned) the opening: no polling
        .thenCompose(x -> outcome(poolId, "open:" + poolId))
        .thenCompose(o -> view(poolId))
        .thenApply(v -> json(v.status() == MicroPoolStatus.NONE ? 202 : 201, Map.of("poolId", poolId, "status", v.status().name())));
  }

  /** The contract must be this deployment's, unopened, and built with the pool's terms; it activates at {@code activation}. */
  private CompletionStage<Object> checkedContract(MicroPoolContracts contracts, String chainPool, String provider, MicroPoolTerms terms,
      Amount activation) {
    return contracts.refusal(chainPool, provider, terms.endsAt(), terms.fp().amount(), activation.amount())
        .thenApply(refusal -> {
          if (refusal != null) throw ApiException.conflict("chain-pool-mismatch", refusal);
          return chainPool;
        });
  }

  private CompletionStage<HttpResponse> stake(String rawId, String signer, byte[] body) {
    Amount amount = Wire.required(Json.read(body, AmountRequest.class).amount(), "amount").positiveIn(Asset.ETH, "amount");
    long at = now();
    // whether the pool takes the stake, and its fee, are the pool's to say from its own terms (MicroPoolDecisions.stakeRefusal,
    // stakeFee); it decides again when the stake arrives
    return existing(rawId).thenCompose(v -> ask(market.microPool(v.poolId()),
        (ActorRef<MicroPoolEntity.StakeQuote> r) -> new MicroPoolEntity.QuoteStake(amount.amount(), at, r)).thenCompose(quote -> {
      MicroPoolRefusal refusal = quote.refusal();
      if (refusal != null) throw switch (refusal.kind()) {
        case PRINCIPAL_ON_CHAIN -> ApiException.conflict("stake-on-chain", refusal.reason());
        case STAKING_ENDED -> ApiException.conflict("pool-ended", refusal.reason());
        default -> ApiException.conflict("pool-not-open", refusal.reason());
      };
      String stakeId = newId("mpstake-");
      Party from = Party.account(signer), pool = Party.microPool(v.poolId());
      Amount fee = quote.fee();
      List<Dispatch> payments = new ArrayList<>(List.of(Transfer.of(stakeId, from, pool, amount, Purpose.MICROPOOL_STAKE, at)));
      if (!fee.isZero())
        payments.add(Transfer.of(stakeId + MicroPoolDecisions.FEE_SUFFIX, from, pool, fee, Purpose.MICROPOOL_FEE, at));
      return ask(market.account(signer), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.SendAll(payments, r))
          .thenCompose(this::accepted)
          .thenCompose(x -> applied(v.poolId(), stakeId, "pool-not-open", "the pool took no more stakes; the ETH and fee went back"));
    }));
  }

  /** aETH back to the pool: a withdrawal while OPEN (own stake), a redemption once COMPLETED. */
  private CompletionStage<HttpResponse> withdraw(String rawId, String signer, byte[] body) {
    Amount eth = Wire.required(Json.read(body, AmountRequest.class).amount(), "amount").positiveIn(Asset.ETH, "amount");
    // the pool says whether it would take the aETH back now (MicroPoolDecisions.aethBackRefusal), and decides again on arrival
    return existing(rawId).thenCompose(v -> ask(market.microPool(v.poolId()),
        (ActorRef<MicroPoolEntity.AethBackCheck> r) -> new MicroPoolEntity.CheckAethBack(signer, eth.amount(), r)).thenCompose(check -> {
      MicroPoolRefusal refusal = check.refusal();
      if (refusal != null) throw switch (refusal.kind()) {
        case PRINCIPAL_ON_CHAIN -> principalOnChain(v, "unstake there before activation, redeem aETH there after completion");
        case INSUFFICIENT_STAKE -> ApiException.conflict("insufficient-stake", refusal.reason());
        case AWAITING_REFUND -> ApiException.conflict("awaiting-refund", refusal.reason());
        default -> ApiException.conflict("pool-active", "micro-pool " + v.poolId() + ": " + refusal.reason());
      };
      String id = newId("mpwithdrawal-");
      Transfer aeth = Transfer.of(id, Party.account(signer), Party.microPool(v.poolId()), new Amount(Asset.AETH, eth.amount()), Purpose.MICROPOOL_WITHDRAWAL, now());
      return pay(signer, aeth).thenCompose(x -> applied(v.poolId(), id, "pool-active", "refused by the pool; the aETH went back"));
    }));
  }

  private CompletionStage<HttpResponse> complete(String rawId, String signer, byte[] body) {
    Amount rewards = Wire.required(Json.read(body, CompletionRequest.class).rewards(), "rewards").positiveIn(Asset.ETH, "rewards");
    // who completes the pool and when is the pool's rule (MicroPoolDecisions.completionRefusal), applied again on arrival
    return existing(rawId).thenCompose(v -> ask(market.microPool(v.poolId()),
        (ActorRef<MicroPoolEntity.CompletionCheck> r) -> new MicroPoolEntity.CheckCompletion(signer, r)).thenCompose(check -> {
      MicroPoolRefusal refusal = check.refusal();
      if (refusal != null) throw refusal.kind() == MicroPoolRefusal.Kind.NOT_THE_PROVIDER
          ? ApiException.forbidden("not-the-provider", refusal.reason())
          : ApiException.conflict("not-active", refusal.reason());
      String id = newId("mprewards-");
      Transfer t = Transfer.of(id, Party.account(signer), Party.microPool(v.poolId()), rewards, Purpose.MICROPOOL_REWARDS, now());
      return pay(signer, t).thenCompose(x -> applied(v.poolId(), id, "not-active", "refused by the pool; the rewards went back"));
    }));
  }

  /** The provider closes its pool still OPEN at its end time: its k comes back, stakers withdraw theirs. */
  private CompletionStage<HttpResponse> close(String rawId, String signer) {
    long at = now();
    // who closes the pool and when is the pool's rule (MicroPoolDecisions.closingRefusal); asked first, as the chain is read only then
    return existing(rawId).thenCompose(v -> ask(market.microPool(v.poolId()),
        (ActorRef<MicroPoolEntity.Closing> r) -> new MicroPoolEntity.CheckClosure(signer, at, r)).thenCompose(check -> {
      if (check.kind() == MicroPoolRefusal.Kind.NOT_THE_PROVIDER) throw ApiException.forbidden("not-the-provider", check.refusal());
      if (check.refusal() != null || !v.terms().onChain()) return close(v, signer, at);
      // the contract may still activate from a stake the bridge has not confirmed yet: close only once it cannot
      return chain("the pool's contract cannot be read").microPools().endedUnactivated(v.terms().chainPool()).thenCompose(ended -> {
        if (!ended) throw ApiException.conflict("pool-not-ended", "the chain has not yet confirmed a block past " + v.terms().endsAt()
            + " with the contract " + v.terms().chainPool() + " inactive");
        return close(v, signer, at);
      });
    })).thenCompose(closing -> {
      if (closing.refusal() != null)
        throw ApiException.conflict(closing.kind() == MicroPoolRefusal.Kind.NOT_ENDED ? "pool-not-ended" : "pool-not-open",
            closing.refusal());
      return view(rawId).thenApply(v -> json(200, render(v)));
    });
  }

  private CompletionStage<MicroPoolEntity.Closing> close(MicroPoolView v, String closer, long at) {
    return ask(market.microPool(v.poolId()), (ActorRef<MicroPoolEntity.Closing> r) -> new MicroPoolEntity.Close(closer, at, r));
  }

  private static ApiException refusal(EthShare.Refusal r) {
    return switch (r.kind()) {
      case NOT_A_PROVIDER -> ApiException.forbidden("not-a-provider", r.reason());
      case NOT_QUALIFIED -> ApiException.conflict("not-qualified", r.reason());
      case STAKE_BELOW_K -> ApiException.conflict("stake-below-k", r.reason());
    };
  }

  private static ApiException principalOnChain(MicroPoolView v, String what) {
    return ApiException.conflict("principal-on-chain", "micro-pool " + v.poolId() + " holds its stakers' ETH on chain at "
        + v.terms().chainPool() + ": " + what);
  }

  /**
   * Operator only: the validator's slashing loss L, as observed on the beacon chain (no oracle
   * yet). The provider's k absorbs min(L, k); the Insurance Pool refunds the rest into the pool.
   */
  private CompletionStage<HttpResponse> slash(String rawId, String signer, byte[] body) {
    if (!signer.equals(settings.operator())) throw ApiException.forbidden("not-operator", "only the operator may record a slashing");
    Amount loss = Wire.required(Json.read(body, SlashingRequest.class).loss(), "loss").positiveIn(Asset.ETH, "loss");
    // the pool decides whether it can be slashed by this much (MicroPoolDecisions.slashingRefusal)
    return existing(rawId).thenCompose(v ->
        ask(market.microPool(v.poolId()), (ActorRef<MicroPoolEntity.Slashing> r) -> new MicroPoolEntity.Slash(loss, now(), r))
            .thenCompose(slashing -> {
              if (slashing.refusal() != null) throw switch (slashing.kind()) {
                case PRINCIPAL_ON_CHAIN -> principalOnChain(v, "recording the slashing of such a pool is not built");
                case LOSS_OUT_OF_RANGE -> ApiException.invalid("loss", slashing.refusal());
                default -> ApiException.conflict("not-active", slashing.refusal());
              };
              return view(rawId).thenApply(after -> json(200, render(after)));
            }));
  }

  private CompletionStage<HttpResponse> show(String rawId) {
    return existing(rawId).thenApply(v -> json(200, render(v)));
  }

  private CompletionStage<Object> pay(String signer, Dispatch d) {
    return ask(market.account(signer), (ActorRef<AccountEntity.SendResult> r) -> new AccountEntity.Send(d, r)).thenCompose(this::accepted);
  }

  private CompletionStage<Object> accepted(AccountEntity.SendResult result) {
    if (result instanceof AccountEntity.Refused refused) throw ApiException.conflict("insufficient-funds", refused.reason());
    return java.util.concurrent.CompletableFuture.completedFuture(result);
  }

  /** Waits until the pool applied or returned the payment; answers with the pool (202 if still on its way). */
  private CompletionStage<HttpResponse> applied(String poolId, String dispatchId, String refusal, String detail) {
    return outcome(poolId, dispatchId)
        .thenCompose(o -> {
          if (o.kind() == Outcome.Kind.RETURNED) throw ApiException.conflict(refusal, detail);
          return view(poolId).thenApply(v -> json(o.kind() == Outcome.Kind.APPLIED ? 200 : 202, render(v)));
        });
  }

  /** The pool tells us once it has applied or returned the dispatch; after the effect wait, where it stands. */
  private CompletionStage<Outcome> outcome(String poolId, String dispatchId) {
    return whenDecided(market.microPool(poolId), (ActorRef<Outcome> r) -> new MicroPoolEntity.AwaitOutcome(dispatchId, r),
        () -> ask(market.microPool(poolId), (ActorRef<Outcome> r) -> new MicroPoolEntity.GetOutcome(dispatchId, r)));
  }

  private CompletionStage<MicroPoolView> existing(String rawId) {
    if (!rawId.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.notFound("no micro-pool " + rawId);
    return view(rawId).thenApply(v -> {
      if (v.status() == MicroPoolStatus.NONE) throw ApiException.notFound("no micro-pool " + rawId);
      return v;
    });
  }

  private CompletionStage<MicroPoolView> view(String poolId) {
    return ask(market.microPool(poolId), MicroPoolEntity.Get::new);
  }

  static Map<String, Object> render(MicroPoolView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("poolId", v.poolId());
    m.put("providerId", v.providerId());
    m.put("status", v.status().name());
    m.put("total", Wire.amount(new Amount(Asset.ETH, v.total())));
    m.put("providerStake", Wire.amount(v.providerStake()));
    m.put("fp", Wire.amount(v.terms().fp()));
    m.put("endsAt", v.terms().endsAt());
    m.put("validatorStake", Wire.amount(v.terms().validatorStake()));
    m.put("chainPool", v.terms().chainPool());
    m.put("aethOutstanding", Wire.amount(new Amount(Asset.AETH, v.aethOutstanding())));
    m.put("stakes", v.stakes().stream().map(l -> {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("address", l.address());
      line.put("amount", Wire.amount(new Amount(Asset.ETH, l.amount())));
      line.put("fee", Wire.amount(new Amount(v.terms().fp().asset(), l.fee())));
      return line;
    }).toList());
    m.put("validatorBalance", Wire.amount(new Amount(Asset.ETH, v.validatorBalance())));
    m.put("slashings", v.slashings().stream().map(MicroPoolEndpoints::render).toList());
    m.put("refunded", Wire.amount(new Amount(Asset.ETH, v.refunded())));
    m.put("settlement", v.status() == MicroPoolStatus.COMPLETED ? v.settlement().stream().map(MicroPoolEndpoints::render).toList() : null);
    return m;
  }

  private static Map<String, Object> render(MicroPoolEvents.Slashed e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("at", e.at());
    m.put("loss", Wire.amount(e.loss()));
    m.put("providerLoss", Wire.amount(new Amount(Asset.ETH, e.providerLoss())));
    m.put("stakersLoss", Wire.amount(new Amount(Asset.ETH, e.stakersLoss())));
    return m;
  }

  private static Map<String, String> render(MicroPoolLeg leg) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("to", leg.to());
    m.put("asset", leg.amount().asset().name());
    m.put("amount", leg.amount().amount().toString());
    m.put("reason", leg.reason());
    return m;
  }
}
