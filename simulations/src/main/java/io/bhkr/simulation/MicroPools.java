package io.bhkr.simulation;

import com.typesafe.config.Config;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.MicroPoolRule;
import io.bhkr.rules.TrustTier;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * ETH micro-pools (economics 4): a provider opens one with its share k, micro-investors stake ETH
 * (aETH minted 1:1) and pay their fee (MicroPoolRule.fee, split by MicroPoolRule.splitFee), the
 * validator starts at 32 ETH, and at completion MicroPoolRule.splitRewards shares the rewards. A
 * pool not full in time closes and gives the stakes back.
 */
final class MicroPools {

  enum Status { OPEN, ACTIVE, COMPLETED, CLOSED }

  /** One pool: its provider, FP per 32 ETH, its validator and its investors' aETH. */
  static final class Pool {
    final String id;
    final ProviderAgent provider;
    final Amount fp;
    final long durationDays;
    final BigInteger scriptedRewards;
    final Validator validator;
    final List<String> investors = new ArrayList<>();
    Status status = Status.OPEN;

    Pool(String id, ProviderAgent provider, Amount fp, long durationDays, BigInteger scriptedRewards) {
      this.id = id;
      this.provider = provider;
      this.fp = fp;
      this.durationDays = durationDays;
      this.scriptedRewards = scriptedRewards;
      this.validator = new Validator("micropool:" + id, provider.account());
    }
  }

  private final Market m;
  private final Config mp;
  final List<Pool> pools = new ArrayList<>();
  private int seq;

  MicroPools(Market m) {
    this.m = m;
    this.mp = m.c.getConfig("micro-pools");
  }

  void start(SplittableRandom arrivals) {
    for (Config s : mp.getConfigList("script")) {
      long at = s.getLong("day") * Market.DAY;
      m.queue.at(at, () -> {
        Pool p = open(s.getString("id"), m.providersById.get(s.getString("provider")), Scenario.bhkr(s, "fp-bhkr"), s.getLong("days"),
            Scenario.baseUnits(s.getString("rewards-eth")), at);
        for (Config st : s.getConfigList("stakers")) stake(p, "account:" + st.getString("id"), Scenario.baseUnits(st.getString("eth")), at);
      });
    }
    double perYear = mp.getDouble("per-year");
    if (perYear > 0 && !m.providers.isEmpty()) scheduleOpening(arrivals, 0, perYear);
  }

  private void scheduleOpening(SplittableRandom r, long after, double perYear) {
    long at = after + Market.exponential(r, 365 * Market.DAY / perYear);
    if (at >= m.end) return;
    m.queue.at(at, () -> {
      ProviderAgent provider = m.providers.get(r.nextInt(m.providers.size()));
      if (provider.qualified && !provider.disqualified(at)) {
        long days = Market.whole(r, Scenario.range(mp, "duration-days"));
        Pool p = open(String.format("M%04d", seq++), provider, Scenario.bhkr(mp, "fp-bhkr"), days, null, at);
        long openFor = mp.getLong("open-days") * Market.DAY;
        long investors = Market.whole(r, Scenario.range(mp, "investors-per-pool"));
        for (int i = 0; i < investors; i++) {
          String investor = "account:I" + p.id + "-" + i;
          long when = at + (long) (r.nextDouble() * openFor);
          BigInteger eth = Market.draw(r, Scenario.tokenRange(mp, "stake-eth"));
          m.queue.at(when, () -> stake(p, investor, eth, when));
        }
        m.queue.at(Math.min(at + openFor, m.end), () -> closeIfNotFull(p));
      }
      scheduleOpening(r, at, perYear);
    });
  }

  /** The provider stakes its share k by its trust tier (economics 6). */
  private Pool open(String id, ProviderAgent provider, Amount fp, long days, BigInteger scriptedRewards, long at) {
    Pool p = new Pool(id, provider, fp, days, scriptedRewards);
    BigInteger k = TrustTier.k(provider.score, m.params.reputation().trustedScore(), m.params.reputation().untrustedScore());
    m.ledger.deposit(provider.account(), new Amount(Asset.ETH, k));
    m.ledger.transfer(provider.account(), p.validator.holder, new Amount(Asset.ETH, k));
    p.validator.stake(provider.account(), k);
    pools.add(p);
    m.count("micro-pools opened", 1);
    activateIfFull(p, at);
    return p;
  }

  /** An investor stakes what it wants, at most what the pool still lacks; aETH minted 1:1, fee paid. */
  private void stake(Pool p, String investor, BigInteger wanted, long at) {
    BigInteger lacking = m.params.microPools().validatorStake().amount().subtract(p.validator.total());
    BigInteger eth = wanted.min(lacking);
    if (p.status != Status.OPEN || eth.signum() <= 0) return;
    Amount staked = new Amount(Asset.ETH, eth);
    m.ledger.deposit(investor, staked);
    m.ledger.transfer(investor, p.validator.holder, staked);
    m.ledger.mint(investor, new Amount(Asset.AETH, eth));
    p.validator.stake(investor, eth);
    p.investors.add(investor);
    Amount fee = MicroPoolRule.fee(p.fp, staked, m.params.microPools().validatorStake());
    MicroPoolRule.FeeSplit split = MicroPoolRule.splitFee(fee, m.params.microPools().microFeeRewardBps());
    m.ledger.deposit(investor, fee);
    m.ledger.transfer(investor, Market.REWARD_POOL, split.toRewardPool());
    m.ledger.transfer(investor, p.provider.account(), split.toProvider());
    m.count("micro-pool fees BHKR", Market.tokens(fee.amount()));
    activateIfFull(p, at);
  }

  private void activateIfFull(Pool p, long at) {
    if (p.status != Status.OPEN || p.validator.total().compareTo(m.params.microPools().validatorStake().amount()) < 0) return;
    p.status = Status.ACTIVE;
    p.validator.activeSince = at;
    m.count("micro-pools activated", 1);
    long until = at + p.durationDays * Market.DAY;
    m.queue.at(until, () -> complete(p));
    m.scheduleSlashing(p.validator, p.provider, at, until, () -> p.status == Status.ACTIVE);
  }

  /** Rewards W split by MicroPoolRule.splitRewards over the ETH staked; principal back as the aETH is burned. */
  private void complete(Pool p) {
    if (p.status != Status.ACTIVE) return;
    Amount w = p.scriptedRewards != null ? new Amount(Asset.ETH, p.scriptedRewards) : m.rewardsOver(p.validator.total(), p.durationDays);
    m.ledger.mint(p.validator.holder, w);
    MicroPoolRule.Completion split = MicroPoolRule.splitRewards(w, m.params.ipBps(), m.params.rpBps(), p.validator.stakes);
    m.ledger.transfer(p.validator.holder, Market.INSURANCE_POOL, split.toInsurancePool());
    m.ledger.transfer(p.validator.holder, Market.REWARD_POOL, split.toRewardPool());
    for (Map.Entry<String, BigInteger> e : split.toStakers().entrySet())
      m.ledger.transfer(p.validator.holder, e.getKey(), new Amount(Asset.ETH, e.getValue()));
    giveBack(p);
    p.status = Status.COMPLETED;
    m.count("micro-pools completed", 1);
    m.payShortfalls();
  }

  private void closeIfNotFull(Pool p) {
    if (p.status != Status.OPEN) return;
    giveBack(p);
    p.status = Status.CLOSED;
    m.count("micro-pools closed", 1);
  }

  /** Each investor's aETH is burned and its ETH (less its slashing loss) paid back; the provider's k goes back too. */
  private void giveBack(Pool p) {
    for (String investor : p.investors) {
      BigInteger aeth = p.validator.stakes.get(investor);
      if (aeth != null && m.ledger.balance(investor, Asset.AETH).compareTo(aeth) >= 0) m.ledger.burn(investor, new Amount(Asset.AETH, aeth));
    }
    m.returnPrincipal(p.validator);
    p.validator.remaining.replaceAll((k, v) -> BigInteger.ZERO);
  }
}
