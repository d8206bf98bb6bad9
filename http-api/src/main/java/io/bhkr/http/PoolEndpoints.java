package io.bhkr.http;

import static akka.http.javadsl.server.PathMatchers.segment;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.Route;
import io.bhkr.market.Market;
import io.bhkr.money.Asset;
import io.bhkr.persistence.rewards.RewardEpochs;
import io.bhkr.pool.InsurancePoolEntity;
import io.bhkr.pool.PoolView;
import io.bhkr.pool.RewardPoolEntity;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.pool.Shortfall;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/** The Reward and Insurance Pools: balances, epoch distributions, slashing claims (economics 5, 7). */
final class PoolEndpoints extends Endpoints {

  record ClaimRequest(String claimId, String provider, String asset, Map<String, String> losses) {}

  private final RewardEpochs epochs;

  PoolEndpoints(ActorSystem<?> system, Market market, ApiSettings settings) {
    super(system, market, settings);
    this.epochs = new RewardEpochs(system, market, settings.operator(), settings.askTimeout());
  }

  @Override
  Route route() {
    return concat(
        path(segment("pools").slash(segment()), pool -> get(() -> respond(() -> pool(pool)))),
        path(segment("pools").slash("reward").slash("distributions"), () -> post(() -> signedMaybeEmpty(Json.NoFields.class, this::distribute))),
        path(segment("pools").slash("insurance").slash("claims"), () -> post(() -> signed(ClaimRequest.class, this::claim))));
  }

  private CompletionStage<HttpResponse> pool(String pool) {
    CompletionStage<PoolView> view = switch (pool) {
      case PoolView.REWARD -> ask(market.rewardPool(), RewardPoolEntity.Get::new);
      case PoolView.INSURANCE -> ask(market.insurancePool(), InsurancePoolEntity.Get::new);
      default -> throw ApiException.notFound("no pool '" + pool + "' (there are 'reward' and 'insurance')");
    };
    return view.thenApply(v -> json(200, render(v)));
  }

  /** Operator only: distributes the epoch ending now (it also runs by itself every epoch). */
  private CompletionStage<HttpResponse> distribute(String signer, byte[] body) {
    operator(signer);
    return epochs.distribute(now()).thenApply(result -> {
      if (result instanceof RewardPoolEntity.NotDistributed not) throw ApiException.conflict("epoch-distributed", not.reason());
      RewardsDistributed e = ((RewardPoolEntity.Distributed) result).event();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("epoch", e.epoch());
      m.put("windowStart", e.windowStart());
      m.put("windowEnd", e.windowEnd());
      m.put("legs", e.legs().stream().map(l -> {
        Map<String, String> leg = new LinkedHashMap<>();
        leg.put("to", l.to());
        leg.put("asset", l.amount().asset().name());
        leg.put("amount", l.amount().amount().toString());
        leg.put("group", l.group().name());
        return leg;
      }).toList());
      return json(201, m);
    });
  }

  /**
   * Operator only, until slashing is reported by the chain bridge: the victims' losses of one
   * slashing, paid pro rata by the Insurance Pool; what it cannot pay stays owed (economics 7).
   */
  private CompletionStage<HttpResponse> claim(String signer, byte[] body) {
    operator(signer);
    ClaimRequest req = Json.read(body, ClaimRequest.class);
    String claimId = Wire.required(req.claimId(), "claimId");
    if (!claimId.matches("[A-Za-z0-9_-]{1,64}")) throw ApiException.invalid("claimId", "must be 1 to 64 characters of [A-Za-z0-9_-]");
    String slashed = req.provider() == null ? null : Wire.address(req.provider(), "provider");
    Asset asset = new Wire.AmountJson(req.asset(), "1").toAmount(null).asset();
    SortedMap<String, BigInteger> losses = new TreeMap<>();
    Wire.required(req.losses(), "losses").forEach((victim, loss) ->
        losses.merge(Wire.address(victim, "losses"), new Wire.AmountJson(asset.name(), loss).positive("losses." + victim).amount(),
            BigInteger::add));
    if (losses.isEmpty()) throw ApiException.invalid("losses", "name at least one victim");
    return ask(market.insurancePool(), (ActorRef<PoolView> r) -> new InsurancePoolEntity.Compensate(claimId, slashed, asset, losses, now(), r))
        .thenApply(v -> json(200, render(v)));
  }

  private void operator(String signer) {
    if (!signer.equals(settings.operator())) throw ApiException.forbidden("not-operator", "only the operator may do this");
  }

  static Map<String, Object> render(PoolView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pool", v.pool());
    m.put("balances", Wire.balances(v.balances()));
    if (PoolView.REWARD.equals(v.pool())) {
      m.put("epoch", v.epoch());
      m.put("lastEpochEnd", v.lastEpochEnd());
    } else {
      m.put("shortfalls", v.shortfalls().stream().map(PoolEndpoints::render).toList());
    }
    return m;
  }

  private static Map<String, Object> render(Shortfall s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("claimId", s.claimId());
    m.put("asset", s.asset().name());
    Map<String, String> owed = new LinkedHashMap<>();
    s.owed().forEach((k, v) -> owed.put(k, v.toString()));
    m.put("owed", owed);
    return m;
  }
}
