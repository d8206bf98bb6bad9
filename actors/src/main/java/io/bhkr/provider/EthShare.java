package io.bhkr.provider;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.provider.ProviderEntity.ProviderView;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.TrustTier;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.List;

/**
 * The ETH share k a provider stakes in each of its micro-pools (economics 6), from its recorded
 * score and trust tier. The provider owns the inputs, so it is the provider that says whether a
 * stake covers its k; the API only renders the values decided here.
 */
public final class EthShare {

  private EthShare() {}

  /** Why a provider may not open a micro-pool with a stake; {@code kind} is what a client branches on. */
  public record Refusal(Kind kind, String reason) implements JsonSerializable {
    public enum Kind { NOT_A_PROVIDER, NOT_QUALIFIED, STAKE_BELOW_K }
  }

  /** The recorded score, or (before anything recorded one) the score of a provider with no audit, failure or bid yet. */
  public static ReputationRule.Score score(ProviderView v, Parameters p) {
    if (v.reputation().score() != null) return v.reputation().score().score();
    ReputationRule.History none = new ReputationRule.History(List.of(), 0, v.collateral().amount(), p.pMax().amount(), List.of(),
        List.of(), List.of(), List.of());
    return ReputationRule.score(none, 0, p.reputation().weights(p.audits().disputeLimit()));
  }

  public static TrustTier tier(ProviderView v, Parameters p) {
    var r = p.reputation();
    return TrustTier.of(score(v, p).score(), r.trustedScore(), r.untrustedScore());
  }

  /** k in wei: governance's SET_PROVIDER_K value in the middle tier if it set one, else the linear k. */
  public static BigInteger k(ProviderView v, Parameters p) {
    var r = p.reputation();
    BigInteger governed = v.reputation().governedK();
    if (governed != null && tier(v, p) == TrustTier.STANDARD) return governed;
    return TrustTier.k(score(v, p).score(), r.trustedScore(), r.untrustedScore());
  }

  /** Why the provider may not open a pool staking {@code stake} at {@code now}, or null when it may. */
  public static Refusal openingRefusal(ProviderView v, Amount stake, Parameters p, long now) {
    if (v.status() == ProviderEntity.Status.NONE)
      return new Refusal(Refusal.Kind.NOT_A_PROVIDER, v.providerId() + " has not applied as a provider");
    if (!v.standing(now).qualified()) return new Refusal(Refusal.Kind.NOT_QUALIFIED, v.providerId() + " is " + v.status());
    BigInteger k = k(v, p);
    if (stake.asset() != Asset.ETH || stake.amount().compareTo(k) < 0)
      return new Refusal(Refusal.Kind.STAKE_BELOW_K, "the provider's ETH stake " + stake.amount() + " wei is below its k of " + k
          + " wei (trust tier " + tier(v, p) + ")");
    return null;
  }
}
