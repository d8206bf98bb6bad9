package io.bhkr.simulation;

import com.typesafe.config.Config;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.rules.Auction;
import io.bhkr.rules.Auction.AuctionResult;
import io.bhkr.rules.Auction.AuctionTerms;
import io.bhkr.rules.Auction.Bid;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Disqualification;
import io.bhkr.rules.InsuranceRule;
import io.bhkr.rules.LargestRemainder;
import io.bhkr.rules.PeriodUptime;
import io.bhkr.rules.QuoteRule;
import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.Resources;
import io.bhkr.rules.ServiceFailureRule;
import io.bhkr.rules.ServiceLevel;
import io.bhkr.rules.SettlementRule;
import io.bhkr.rules.TrustTier;
import io.bhkr.simulation.ProjectRun.Kind;
import io.bhkr.simulation.ProjectRun.Outcome;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One run of the simulated market: agents act on a queue of timed events, and every protocol
 * decision is a call to the production rules of {@code io.bhkr.rules} (quote, admissibility and
 * close of the auction, settlement, reputation, trust tier, service failure, insurance, reward
 * distribution, micro-pool fees and splits, elections, attendance). Value moves only through the
 * {@link Ledger}, which must balance at the end.
 */
final class Market {

  static final long DAY = 86_400;
  static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(Asset.DECIMALS);
  static final String REWARD_POOL = "reward-pool", INSURANCE_POOL = "insurance-pool", DEVELOPMENT_FUND = "development-fund";

  final Scenario scenario;
  final Config c;
  final Parameters params;
  final ReputationRule.Weights weights;
  final Ledger ledger = new Ledger();
  final EventQueue queue = new EventQueue();
  final long end;
  private final SplittableRandom arrivals, behaviour, chain, beacons;
  private final Consumer<Integer> progress;

  final List<ProviderAgent> providers = new ArrayList<>();
  final Map<String, ProviderAgent> providersById = new TreeMap<>();
  final Map<String, ProjectRun> projects = new LinkedHashMap<>();
  final Governors governors;
  final RewardEpochs epochs;
  final MicroPools microPools;
  /** Insurance claims not yet paid in full, oldest first (economics 7: paid first from later inflows). */
  final ArrayDeque<SortedMap<String, BigInteger>> shortfalls = new ArrayDeque<>();
  /** The market's recent clearing price as a share of maxBid: public after each AuctionClosed. */
  double clearing = 1.0;
  final Map<String, Double> counters = new LinkedHashMap<>();
  final List<RunResult.Day> days = new ArrayList<>();
  private int projectSeq;
  private int entrantSeq;
  // read once: the hot paths (every bid, every reward) must not parse config paths
  private final double margin, undercutStep, shade, yieldNoise;
  private final int biddersPerAuction;

  Market(Scenario scenario, long seed, Consumer<Integer> progress) {
    this.scenario = scenario;
    this.c = scenario.config();
    this.params = scenario.parameters();
    this.weights = params.reputation().weights(params.audits().disputeLimit());
    this.end = scenario.days() * DAY;
    SplittableRandom root = new SplittableRandom(seed);
    // separate streams, so that changing one agent's behaviour does not reshuffle the others' draws
    this.arrivals = root.split();
    this.behaviour = root.split();
    this.chain = root.split();
    this.beacons = root.split();
    SplittableRandom setup = root.split();
    this.progress = progress;
    this.margin = c.getDouble("providers.margin");
    this.undercutStep = c.getDouble("providers.undercut-step");
    this.shade = c.getDouble("providers.shade");
    this.yieldNoise = c.getDouble("projects.validator-yield-noise");
    this.biddersPerAuction = c.getInt("market.bidders-per-auction");
    for (String k : List.of("projects", "assigned", "unassigned", "settled", "failed", "refused bids", "admissible bids",
        "slashings", "slashed ETH", "requesters' slashing loss ETH", "insurance paid ETH", "shortfall claims", "compensation BHKR", "governor slashes",
        "governors unseated", "proposals", "proposals passed", "elections", "entrants qualified", "excess moved BHKR",
        "excess burned BHKR", "micro-pools opened", "micro-pools activated", "micro-pools completed", "micro-pools closed",
        "micro-pool fees BHKR", "disqualifications", "staker forfeits"))
      counters.put(k, 0.0);
    setUpProviders(setup);
    this.governors = new Governors(this, setup);
    this.epochs = new RewardEpochs(this, setup);
    this.microPools = new MicroPools(this);
  }

  void count(String key, double by) {
    counters.merge(key, by, Double::sum);
  }

  // --- set-up ----------------------------------------------------------------------------

  private void setUpProviders(SplittableRandom r) {
    Config p = c.getConfig("providers");
    for (Config s : c.getConfigList("providers.script")) {
      // a scripted provider: always up, room for anything, bidding its scripted price
      ProviderAgent a = new ProviderAgent(s.getString("id"), Strategy.FIXED, 0, 10_000, capacity(p, r, true),
          Scenario.baseUnits(p.getString("max-price-bhkr")), 0, false, Scenario.baseUnits(s.getString("bid-bhkr")));
      join(a, Scenario.baseUnits(s.getString("collateral-bhkr")));
    }
    int n = c.getInt("market.providers");
    for (int i = 0; i < n; i++) join(newProvider(String.format("P%04d", i), r, 0, false), draw(r, Scenario.tokenRange(p, "collateral-bhkr")));
    double entrantsPerYear = p.getDouble("entrants-per-year");
    if (entrantsPerYear > 0) scheduleEntrant(0, entrantsPerYear);
  }

  private void scheduleEntrant(long after, double perYear) {
    long at = after + exponential(arrivals, 365 * DAY / perYear);
    if (at >= end) return;
    queue.at(at, () -> {
      ProviderAgent a = newProvider(String.format("E%04d", entrantSeq++), behaviour, at, true);
      join(a, params.pMin().amount()); // entrants stake the minimum
      a.qualified = false; // governance qualifies them by a proposal
      governors.qualification(a, at);
      scheduleEntrant(at, perYear);
    });
  }

  private ProviderAgent newProvider(String id, SplittableRandom r, long at, boolean entrant) {
    Config p = c.getConfig("providers");
    Strategy strategy = pickStrategy(p.getConfig("strategies"), r);
    double[] cost = Scenario.range(p, "cost-share");
    double[] up = Scenario.range(p, "uptime-bps");
    return new ProviderAgent(id, strategy, uniform(r, cost), (int) Math.round(uniform(r, up)), capacity(p, r, false),
        Scenario.baseUnits(p.getString("max-price-bhkr")), at, entrant, null);
  }

  private Resources capacity(Config p, SplittableRandom r, boolean unlimited) {
    if (unlimited) return new Resources(1_000_000, 1_000_000, 1_000_000_000L, 1_000_000);
    return new Resources(whole(r, Scenario.range(p, "capacity.cpu-ghz")), whole(r, Scenario.range(p, "capacity.ram-gb")),
        whole(r, Scenario.range(p, "capacity.storage-gb")), 0);
  }

  private static Strategy pickStrategy(Config mix, SplittableRandom r) {
    List<String> names = List.of("cost-plus", "undercut", "shade", "truthful");
    double total = 0;
    for (String n : names) total += mix.getDouble(n);
    double x = r.nextDouble() * total;
    for (String n : names) {
      x -= mix.getDouble(n);
      if (x < 0) return Strategy.of(n);
    }
    return Strategy.COST_PLUS;
  }

  private void join(ProviderAgent a, BigInteger collateral) {
    a.qualified = true;
    ledger.deposit(a.collateral(), new Amount(Asset.BHKR, collateral));
    providers.add(a);
    providersById.put(a.id, a);
    rescore(a, a.joinedAt);
    double outages = c.getDouble("providers.outages-per-year");
    if (outages > 0) scheduleOutage(a, a.joinedAt, outages);
  }

  // --- the run ---------------------------------------------------------------------------

  RunResult run(int point, String sweepValue, int runIndex, long seed) {
    for (Config s : c.getConfigList("projects.script")) {
      long at = s.getLong("day") * DAY;
      queue.at(at, () -> arrive(at, s));
    }
    double perYear = c.getDouble("market.projects-per-year");
    if (perYear > 0) scheduleArrival(0, perYear);
    microPools.start(arrivals);
    governors.start(arrivals);
    for (int d = 1; d <= scenario.days(); d++) {
      int day = d;
      long at = d * DAY;
      // one event per node's audit period, then the day's books (they were scheduled first at this second: see below)
      queue.at(at, () -> {
        for (ProviderAgent a : List.copyOf(providers)) queue.at(at, () -> periodClosed(a, day, at));
        queue.at(at, () -> endOfDay(day));
      });
    }
    queue.runUntil(end);
    ledger.checkConservation(scenario.name() + " " + (sweepValue.isEmpty() ? "" : "[" + sweepValue + "] ") + "run " + runIndex
        + " (seed " + seed + ")");
    return Results.of(this, point, sweepValue, runIndex, seed);
  }

  private void scheduleArrival(long after, double perYear) {
    long at = after + exponential(arrivals, 365 * DAY / perYear);
    if (at >= end) return;
    queue.at(at, () -> {
      arrive(at, null);
      scheduleArrival(at, perYear);
    });
  }

  // --- a project's life --------------------------------------------------------------------

  /** A requester quotes a project (economics 1), pays FP into escrow, and bidding opens. */
  private void arrive(long at, Config script) {
    Config pj = c.getConfig("projects");
    Kind kind;
    Resources res;
    long days;
    BigInteger scriptedProfit = null;
    String id;
    if (script != null) {
      id = script.getString("id");
      kind = Kind.valueOf(script.getString("kind").toUpperCase(java.util.Locale.ROOT));
      res = new Resources(script.getLong("cpu-ghz"), script.getLong("ram-gb"), script.getLong("storage-gb"), 0);
      days = script.getLong("days");
      scriptedProfit = Scenario.baseUnits(script.getString("profit-eth"));
    } else {
      id = String.format("J%06d", projectSeq++);
      kind = arrivals.nextDouble() < c.getDouble("market.validator-share") ? Kind.VALIDATOR : Kind.COMPUTE;
      res = kind == Kind.VALIDATOR
          ? new Resources(pj.getLong("validator-resources.cpu-ghz"), pj.getLong("validator-resources.ram-gb"),
              pj.getLong("validator-resources.storage-gb"), 0)
          : new Resources(whole(arrivals, Scenario.range(pj, "cpu-ghz")), whole(arrivals, Scenario.range(pj, "ram-gb")),
              whole(arrivals, Scenario.range(pj, "storage-gb")), 0);
      long mean = pj.getLong("duration-days.mean");
      days = Math.max(pj.getLong("duration-days.min"), Math.min(pj.getLong("duration-days.max"),
          Math.round(-mean * Math.log(1 - arrivals.nextDouble()))));
    }
    Amount fp = QuoteRule.usdToBhkr(QuoteRule.fixedPriceMicroUsd(res, days, params.pricing()), params.bhkrPriceMicroUsd());
    Amount maxBid = QuoteRule.maxBid(fp, params.rpBps(), params.ipBps());
    ProjectRun p = new ProjectRun(id, kind, res, days, fp, maxBid, at, scriptedProfit);
    projects.put(id, p);
    count("projects", 1);
    ledger.deposit(p.requesterAccount(), fp);
    ledger.transfer(p.requesterAccount(), p.escrow(), fp);
    queue.at(at + params.bidWindowSeconds(), () -> close(p));
  }

  /** Sealed bids from the providers looking at this auction, then Auction.close with a seeded beacon (economics 2). */
  private void close(ProjectRun p) {
    long now = queue.now();
    AuctionTerms terms = new AuctionTerms(p.maxBid, params.pMin(), p.resources, params.priceBandBps(), params.auctionPricing());
    List<Bid> bids = new ArrayList<>();
    for (ProviderAgent a : bidders()) bids.add(new Bid(a.id, bidOf(a, p), standing(a, now)));
    byte[] beacon = new byte[32];
    beacons.nextBytes(beacon);
    AuctionResult result = Auction.close(p.id, beacon, bids, terms);
    count("admissible bids", result.admissible().size());
    count("refused bids", bids.size() - result.admissible().size());
    for (Auction.Candidate cand : result.admissible()) {
      ProviderAgent a = providersById.get(cand.providerId());
      a.admissibleBids++;
      a.bids.addLast(new ProviderAgent.TimedBid(now, new ReputationRule.BidRatio(cand.price().amount(), p.maxBid.amount())));
    }
    if (result.winner().isEmpty()) {
      p.outcome = Outcome.UNASSIGNED;
      p.endedAt = now;
      count("unassigned", 1);
      ledger.transfer(p.escrow(), p.requesterAccount(), ledger.amount(p.escrow(), Asset.BHKR)); // FP refunded in full
      return;
    }
    // the same bids under the other pricing rule: what the winner would have been paid instead
    PricingRule other = params.auctionPricing() == PricingRule.FIRST_PRICE ? PricingRule.SECOND_PRICE : PricingRule.FIRST_PRICE;
    AuctionResult counterfactual = Auction.close(p.id, beacon, bids,
        new AuctionTerms(p.maxBid, params.pMin(), p.resources, params.priceBandBps(), other));
    ProviderAgent w = providersById.get(result.winner().get());
    p.winner = w.id;
    p.pricePaid = result.pricePaid().orElseThrow();
    p.otherRulePrice = counterfactual.pricePaid().orElseThrow();
    double share = p.pricePaid.amount().doubleValue() / p.maxBid.amount().doubleValue();
    clearing = 0.9 * clearing + 0.1 * share;
    count("assigned", 1);
    w.wins++;
    w.free = w.free.minus(p.resources);
    w.running.add(p.id);
    p.outcome = Outcome.RUNNING;
    p.runningSince = now;
    p.startDay = w.dailyUptimes.size();
    if (p.kind == Kind.VALIDATOR) startValidator(p, w, now);
    queue.at(Math.min(now + p.durationDays * DAY, Long.MAX_VALUE), () -> complete(p));
  }

  private List<ProviderAgent> bidders() {
    int m = biddersPerAuction;
    if (providers.size() <= m) return providers;
    // a partial Fisher-Yates over indices: m distinct providers, in a seeded order
    int n = providers.size();
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    List<ProviderAgent> out = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      int j = i + behaviour.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      out.add(providers.get(idx[i]));
    }
    return out;
  }

  private ProviderStanding standing(ProviderAgent a, long now) {
    return new ProviderStanding(a.id, a.qualified, a.disqualified(now), ledger.amount(a.collateral(), Asset.BHKR), a.free,
        new Amount(Asset.BHKR, a.maxPrice), a.score);
  }

  /** The provider's sealed bid in BHKR base units: its strategy's share of maxBid, exact from there on. */
  private Amount bidOf(ProviderAgent a, ProjectRun p) {
    if (a.strategy == Strategy.FIXED) return new Amount(Asset.BHKR, a.fixedBid);
    double costOfMaxBid = a.costShare * p.fp.amount().doubleValue() / p.maxBid.amount().doubleValue();
    double share = a.strategy.share(costOfMaxBid, clearing, margin, undercutStep, shade);
    long ppm = Math.max(0, Math.round(share * 1_000_000));
    return new Amount(Asset.BHKR, p.maxBid.amount().multiply(BigInteger.valueOf(ppm)).divide(BigInteger.valueOf(1_000_000)));
  }

  /** The requester stakes 32 − k ETH, the provider its share k by trust tier (economics 6). */
  private void startValidator(ProjectRun p, ProviderAgent w, long now) {
    BigInteger k = TrustTier.k(w.score, params.reputation().trustedScore(), params.reputation().untrustedScore());
    BigInteger full = params.microPools().validatorStake().amount();
    Validator v = new Validator("validator:" + p.id, w.account());
    v.activeSince = now;
    ledger.deposit(w.account(), new Amount(Asset.ETH, k));
    ledger.transfer(w.account(), v.holder, new Amount(Asset.ETH, k));
    v.stake(w.account(), k);
    p.ethStaked = full.subtract(k);
    ledger.deposit(p.requesterAccount(), new Amount(Asset.ETH, p.ethStaked));
    ledger.transfer(p.requesterAccount(), v.holder, new Amount(Asset.ETH, p.ethStaked));
    v.stake(p.requesterAccount(), p.ethStaked);
    p.validator = v;
    scheduleSlashing(v, w, now, now + p.durationDays * DAY, () -> p.outcome == Outcome.RUNNING);
  }

  /** Completion: the profit X arrives in escrow and SettlementRule splits FP and X (economics 3). */
  private void complete(ProjectRun p) {
    if (p.outcome != Outcome.RUNNING) return;
    long now = queue.now();
    ProviderAgent w = providersById.get(p.winner);
    Amount profit = Amount.zero(Asset.ETH);
    if (p.validator != null) {
      SortedMap<String, BigInteger> parts = validatorRewards(p.validator, p.durationDays);
      BigInteger toRequester = parts.getOrDefault(p.requesterAccount(), BigInteger.ZERO);
      parts.forEach((who, part) -> {
        if (!who.equals(p.requesterAccount())) ledger.transfer(p.validator.holder, who, new Amount(Asset.ETH, part));
      });
      profit = new Amount(Asset.ETH, toRequester);
      ledger.transfer(p.validator.holder, p.escrow(), profit);
      returnPrincipal(p.validator);
    } else if (p.scriptedProfit != null && p.scriptedProfit.signum() > 0) {
      profit = new Amount(Asset.ETH, p.scriptedProfit);
      ledger.mint(p.escrow(), profit); // staking rewards arriving from the chain
    }
    if (p.scriptedProfit != null && p.validator != null) throw new IllegalStateException("scripted profit is for compute projects");
    for (SettlementRule.Leg leg : SettlementRule.settle(p.fp, p.pricePaid, profit, params.rpBps(), params.ipBps())) {
      String to = switch (leg.to()) {
        case PROVIDER -> w.account();
        case REWARD_POOL -> REWARD_POOL;
        case INSURANCE_POOL -> INSURANCE_POOL;
        case REQUESTER -> p.requesterAccount();
      };
      ledger.transfer(p.escrow(), to, leg.amount());
    }
    w.revenue = w.revenue.add(p.pricePaid.amount());
    payShortfalls();
    p.outcome = Outcome.SETTLED;
    p.endedAt = now;
    count("settled", 1);
    release(w, p);
    epochs.finished(p, now);
  }

  /**
   * Rewards W produced on what the validator holds, at the scenario's APR with noise, minted into it
   * and split pro rata to the remaining stakes (largest remainder): each staker earns on its own ETH.
   */
  SortedMap<String, BigInteger> validatorRewards(Validator v, long days) {
    if (v.total().signum() == 0) return new TreeMap<>(); // slashed to nothing: no stake earns anything
    Amount w = rewardsOver(v.total(), days);
    ledger.mint(v.holder, w);
    return LargestRemainder.split(w.amount(), v.remaining);
  }

  Amount rewardsOver(BigInteger eth, long days) {
    long yieldBps = Math.max(0, Math.round(params.aprBps() * (1 + yieldNoise * gaussian(chain))));
    return QuoteRule.expectedProfit(new Amount(Asset.ETH, eth), (int) Math.min(Integer.MAX_VALUE, yieldBps), days);
  }

  /** Each staker gets back its stake less the slashing losses it bore. */
  void returnPrincipal(Validator v) {
    v.remaining.forEach((who, left) -> ledger.transfer(v.holder, who, new Amount(Asset.ETH, left)));
  }

  private void release(ProviderAgent w, ProjectRun p) {
    w.free = w.free.plus(p.resources);
    w.running.remove(p.id);
  }

  /**
   * A service failure (economics 7): FP back to the requester in full, the provider pays from its
   * collateral the expected profit of the unserved days (ServiceFailureRule), earns nothing, and its
   * score takes the failure penalty.
   */
  private void fail(ProjectRun p, ProviderAgent w, long now) {
    ledger.transfer(p.escrow(), p.requesterAccount(), ledger.amount(p.escrow(), Asset.BHKR));
    BigInteger expectedUsd = BigInteger.ZERO;
    if (p.validator != null) {
      Amount expected = QuoteRule.expectedProfit(new Amount(Asset.ETH, p.ethStaked), params.aprBps(), p.durationDays);
      // as ProjectDecisions.fail values it: wei × micro-USD per ETH / 10^18
      expectedUsd = expected.amount().multiply(params.ethPriceMicroUsd()).divide(ONE_TOKEN);
      long served = ServiceFailureRule.servedDays(p.runningSince, now);
      SortedMap<String, BigInteger> parts = validatorRewards(p.validator, Math.max(0, served));
      parts.forEach((who, part) -> ledger.transfer(p.validator.holder, who, new Amount(Asset.ETH, part)));
      returnPrincipal(p.validator);
    }
    long served = ServiceFailureRule.servedDays(p.runningSince, now);
    Amount compensation = ServiceFailureRule.compensation(expectedUsd, p.durationDays, served, params.bhkrPriceMicroUsd());
    Amount collateral = ledger.amount(w.collateral(), Asset.BHKR);
    Amount paid = compensation.isGreaterThan(collateral) ? collateral : compensation; // as far as the collateral reaches
    ledger.transfer(w.collateral(), p.requesterAccount(), paid);
    count("compensation BHKR", tokens(paid.amount()));
    count("failed", 1);
    p.outcome = Outcome.FAILED;
    p.endedAt = now;
    w.failures++;
    w.failureTimes.addLast(now);
    release(w, p);
    epochs.finished(p, now);
  }

  // --- slashing and insurance ---------------------------------------------------------------

  /** Slashing events on a validator as a Poisson process while {@code live} holds, until {@code until}. */
  void scheduleSlashing(Validator v, ProviderAgent w, long from, long until, java.util.function.BooleanSupplier live) {
    double rate = c.getDouble("slashing.rate-per-validator-year");
    if (rate <= 0) return;
    long at = from + exponential(chain, 365 * DAY / rate);
    if (at >= until || at >= end) return;
    queue.at(at, () -> {
      if (!live.getAsBoolean() || v.total().signum() == 0) return;
      slash(v, w, at);
      scheduleSlashing(v, w, at, until, live);
    });
  }

  /**
   * The validator loses L ETH (economics 7, vector P1): the provider's share absorbs min(L, k), the
   * others' loss is owed to them by the Insurance Pool pro rata to their stakes and paid as far as
   * the pool holds; the rest is an InsuranceShortfall claim paid first from later inflows.
   */
  void slash(Validator v, ProviderAgent w, long now) {
    BigInteger[] range = Scenario.tokenRange(c.getConfig("slashing"), "loss-eth");
    BigInteger loss = draw(chain, range).min(v.total());
    InsuranceRule.SlashingLoss split = InsuranceRule.slashing(loss, v.providerShare());
    SortedMap<String, BigInteger> owed = InsuranceRule.owedByStake(split.requesters(), v.othersRemaining());
    ledger.burn(v.holder, new Amount(Asset.ETH, loss)); // the ETH leaves the market
    v.remaining.merge(v.providerKey, split.provider().negate(), BigInteger::add);
    owed.forEach((who, o) -> v.remaining.merge(who, o.negate(), BigInteger::add));
    count("slashings", 1);
    count("slashed ETH", tokens(loss));
    count("requesters' slashing loss ETH", tokens(split.requesters()));
    w.slashed++;
    w.slashingTimes.addLast(now);
    rescore(w, now);
    if (owed.isEmpty()) return;
    shortfalls.addLast(owed);
    payShortfalls();
    if (!shortfalls.isEmpty()) count("shortfall claims", 1);
  }

  /** Pays the oldest claims first with the ETH the Insurance Pool holds (InsuranceRule.pay). */
  void payShortfalls() {
    while (!shortfalls.isEmpty()) {
      BigInteger available = ledger.balance(INSURANCE_POOL, Asset.ETH);
      if (available.signum() == 0) return;
      InsuranceRule.Payout payout = InsuranceRule.pay(available, shortfalls.peekFirst());
      payout.paid().forEach((who, amount) -> ledger.transfer(INSURANCE_POOL, who, new Amount(Asset.ETH, amount)));
      count("insurance paid ETH", tokens(payout.totalPaid()));
      shortfalls.pollFirst();
      if (payout.isShort()) {
        shortfalls.addFirst(payout.stillOwed());
        return;
      }
    }
  }

  BigInteger owedByInsurance() {
    BigInteger sum = BigInteger.ZERO;
    for (SortedMap<String, BigInteger> claim : shortfalls) for (BigInteger o : claim.values()) sum = sum.add(o);
    return sum;
  }

  // --- days: audits, service levels, scores, epochs -----------------------------------------

  private void scheduleOutage(ProviderAgent a, long after, double perYear) {
    long at = after + exponential(chain, 365 * DAY / perYear);
    if (at >= end) return;
    queue.at(at, () -> {
      double[] len = Scenario.range(c.getConfig("providers"), "outage-days");
      a.outageUntil = at + whole(chain, len) * DAY;
      scheduleOutage(a, a.outageUntil, perYear);
    });
  }

  /** The day's audit period closes for one provider's node: its uptime, its projects' service level, its score. */
  private void periodClosed(ProviderAgent a, int day, long now) {
    audit(a, day, now);
    judge(a, now);
    rescore(a, now);
    a.scoreSum += a.score;
    a.scoreDays++;
  }

  private void endOfDay(int day) {
    long now = queue.now();
    int disqualified = 0;
    long scoreSum = 0;
    for (ProviderAgent a : providers) {
      scoreSum += a.score;
      if (a.disqualified(now)) disqualified++;
    }
    // the Reward Pool as the epoch found it: after distribution it is (nearly) empty, which says nothing
    BigInteger rewardBhkr = ledger.balance(REWARD_POOL, Asset.BHKR), rewardEth = ledger.balance(REWARD_POOL, Asset.ETH);
    if (day % Math.max(1, params.epochSeconds() / DAY) == 0) epochs.distribute(day, now);
    int running = 0;
    for (ProviderAgent a : providers) running += a.running.size();
    days.add(new RunResult.Day(day, rewardBhkr, rewardEth,
        ledger.balance(INSURANCE_POOL, Asset.BHKR), ledger.balance(INSURANCE_POOL, Asset.ETH), owedByInsurance(), running,
        providers.size(), disqualified, providers.isEmpty() ? 0 : (double) scoreSum / providers.size()));
    progress.accept(day);
  }

  /**
   * The day's audited uptime of the provider's node: three auditors report what they saw (the
   * node's true uptime with probe noise), and the period's uptime is their median (PeriodUptime).
   */
  private void audit(ProviderAgent a, int day, long now) {
    int truth = now <= a.outageUntil ? 0 : clampBps(a.typicalUptimeBps + (int) Math.round(gaussian(chain) * 30));
    Map<String, Integer> reports = new TreeMap<>();
    for (int i = 0; i < params.audits().auditK(); i++) reports.put("auditor" + i, clampBps(truth + (int) Math.round(gaussian(chain) * 50)));
    int bps = PeriodUptime.of(reports, params.audits().disputeToleranceBps()).uptimeBps();
    a.dailyUptimes.add(bps);
    a.periods.addLast(new ReputationRule.AuditedPeriod(day, now, bps));
  }

  /** Running projects whose node's audited uptime since they started is below slaUptimeBps failed (ServiceLevel). */
  private void judge(ProviderAgent a, long now) {
    if (a.running.isEmpty()) return;
    for (String id : List.copyOf(a.running)) {
      ProjectRun p = projects.get(id);
      List<Integer> since = a.dailyUptimes.subList(p.startDay, a.dailyUptimes.size());
      if (ServiceLevel.breached(since, params.reputation().slaUptimeBps())) fail(p, a, now);
    }
  }

  /** ReputationRule.score as of now, then Disqualification.byScore (economics 7, 8). */
  void rescore(ProviderAgent a, long now) {
    a.forget(now, weights);
    ReputationRule.Score s = ReputationRule.score(a.history(now, ledger.balance(a.collateral(), Asset.BHKR), params.pMax().amount()), now, weights);
    a.score = s.score();
    if (a.qualified && Disqualification.byScore(a.score, params.reputation().disqualifyScore(), a.disqualifiedUntil, now)) {
      a.disqualifiedUntil = Disqualification.until(now, params.reputation().disqualifyDays());
      count("disqualifications", 1);
    }
  }

  // --- draws (agent behaviour: doubles are fine here, never for amounts) -----------------------

  static long exponential(SplittableRandom r, double mean) {
    return Math.max(1, Math.round(-mean * Math.log(1 - r.nextDouble())));
  }

  static double gaussian(SplittableRandom r) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - r.nextDouble(), v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static double uniform(SplittableRandom r, double[] range) {
    return range[0] + (range[1] - range[0]) * r.nextDouble();
  }

  static long whole(SplittableRandom r, double[] range) {
    return Math.round(uniform(r, range));
  }

  /** A uniform amount in [lo, hi] base units, drawn at a millionth of the range's resolution. */
  static BigInteger draw(SplittableRandom r, BigInteger[] range) {
    BigInteger span = range[1].subtract(range[0]);
    return range[0].add(span.multiply(BigInteger.valueOf(r.nextLong(1_000_001))).divide(BigInteger.valueOf(1_000_000)));
  }

  static int clampBps(int bps) {
    return Math.max(0, Math.min(10_000, bps));
  }

  static double tokens(BigInteger baseUnits) {
    return new java.math.BigDecimal(baseUnits).movePointLeft(Asset.DECIMALS).doubleValue();
  }

  Balances rewardPool() {
    return new Balances(Map.of(Asset.BHKR, ledger.balance(REWARD_POOL, Asset.BHKR), Asset.ETH, ledger.balance(REWARD_POOL, Asset.ETH),
        Asset.AETH, ledger.balance(REWARD_POOL, Asset.AETH)));
  }

  SplittableRandom behaviour() {
    return behaviour;
  }

  SplittableRandom chain() {
    return chain;
  }
}
