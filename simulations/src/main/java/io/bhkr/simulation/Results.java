package io.bhkr.simulation;

import io.bhkr.money.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a finished market into its RunResult: rows to write and the key figures to aggregate. */
final class Results {

  private Results() {}

  static RunResult of(Market m, int point, String sweepValue, int run, long seed) {
    List<RunResult.Provider> providers = new ArrayList<>();
    double[] wins = new double[m.providers.size()];
    int i = 0;
    for (ProviderAgent a : m.providers) {
      wins[i++] = a.wins;
      providers.add(new RunResult.Provider(a.id, a.strategy.name(), a.entrant, a.score, a.scoreDays == 0 ? a.score : (double) a.scoreSum / a.scoreDays,
          a.admissibleBids, a.wins, a.revenue, a.failures, a.slashed));
    }
    BigDecimal bhkrUsd = new BigDecimal(m.params.bhkrPriceMicroUsd()).movePointLeft(6);
    BigDecimal ethUsd = new BigDecimal(m.params.ethPriceMicroUsd()).movePointLeft(6);
    List<RunResult.Project> projects = new ArrayList<>();
    double validatorNetSum = 0, validatorAhead = 0, validatorCount = 0, priceShare = 0, otherShare = 0, priced = 0;
    for (ProjectRun p : m.projects.values()) {
      double net = Double.NaN, overFp = Double.NaN;
      boolean ended = p.outcome == ProjectRun.Outcome.SETTLED || p.outcome == ProjectRun.Outcome.FAILED || p.outcome == ProjectRun.Outcome.UNASSIGNED;
      if (ended) {
        // each requester has one project: what its account holds now, less what it put in
        BigInteger bhkr = m.ledger.balance(p.requesterAccount(), Asset.BHKR).subtract(p.fp.amount());
        BigInteger eth = m.ledger.balance(p.requesterAccount(), Asset.ETH).subtract(p.ethStaked);
        BigDecimal usd = new BigDecimal(bhkr).multiply(bhkrUsd).add(new BigDecimal(eth).multiply(ethUsd)).movePointLeft(Asset.DECIMALS);
        net = usd.doubleValue();
        BigDecimal fpUsd = new BigDecimal(p.fp.amount()).multiply(bhkrUsd).movePointLeft(Asset.DECIMALS);
        overFp = fpUsd.signum() == 0 ? 0 : usd.divide(fpUsd, 6, java.math.RoundingMode.HALF_EVEN).doubleValue();
        if (p.kind == ProjectRun.Kind.VALIDATOR && p.outcome != ProjectRun.Outcome.UNASSIGNED) {
          validatorCount++;
          validatorNetSum += overFp;
          if (net > 0) validatorAhead++;
        }
      }
      if (p.pricePaid != null) {
        priced++;
        priceShare += p.pricePaid.amount().doubleValue() / p.maxBid.amount().doubleValue();
        otherShare += p.otherRulePrice.amount().doubleValue() / p.maxBid.amount().doubleValue();
      }
      projects.add(new RunResult.Project(p.id, p.kind.name(), (int) (p.arrivedAt / Market.DAY), p.outcome.name(), p.winner == null ? "" : p.winner,
          p.fp.amount(), p.maxBid.amount(), p.pricePaid == null ? BigInteger.ZERO : p.pricePaid.amount(),
          p.otherRulePrice == null ? BigInteger.ZERO : p.otherRulePrice.amount(), net, overFp));
    }
    Map<String, Double> f = new LinkedHashMap<>();
    f.putAll(m.counters);
    f.put("win gini", Concentration.gini(wins));
    f.put("win hhi", Concentration.hhi(wins));
    f.put("validator requesters ahead share", validatorCount == 0 ? 0 : validatorAhead / validatorCount);
    f.put("validator mean net over FP", validatorCount == 0 ? 0 : validatorNetSum / validatorCount);
    f.put("price paid over maxBid", priced == 0 ? 0 : priceShare / priced);
    f.put("other rule price over maxBid", priced == 0 ? 0 : otherShare / priced);
    BigInteger maxOwed = BigInteger.ZERO;
    for (RunResult.Day d : m.days) maxOwed = maxOwed.max(d.insuranceOwedEth());
    f.put("shortfall", maxOwed.signum() > 0 ? 1.0 : 0.0);
    f.put("max owed by insurance ETH", Market.tokens(maxOwed));
    f.put("owed by insurance at end ETH", Market.tokens(m.owedByInsurance()));
    f.put("insurance BHKR at end", Market.tokens(m.ledger.balance(Market.INSURANCE_POOL, Asset.BHKR)));
    f.put("insurance ETH at end", Market.tokens(m.ledger.balance(Market.INSURANCE_POOL, Asset.ETH)));
    f.put("reward pool BHKR at end", Market.tokens(m.ledger.balance(Market.REWARD_POOL, Asset.BHKR)));
    f.put("development fund BHKR", Market.tokens(m.ledger.balance(Market.DEVELOPMENT_FUND, Asset.BHKR)));
    f.put("events", (double) m.queue.happened());
    return new RunResult(point, sweepValue, run, seed, List.copyOf(m.days), providers, projects, List.copyOf(m.epochs.paid), f,
        m.queue.happened());
  }
}
