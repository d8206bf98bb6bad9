package io.bhkr.replay;

import io.bhkr.bytes.Hex;
import io.bhkr.governance.ParameterChange;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.pool.RewardsDistributed;
import io.bhkr.project.AuctionClosed;
import io.bhkr.project.ProjectSettled;
import io.bhkr.project.ProjectState;
import io.bhkr.project.SettlementLeg;
import io.bhkr.quote.QuoteTerms;
import io.bhkr.rules.Auction;
import io.bhkr.rules.RewardDistribution;
import io.bhkr.rules.RewardSplit;
import io.bhkr.rules.SettlementRule;
import io.bhkr.transfer.Party;
import java.io.PrintStream;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code replay what-if --set NAME=VALUE …}: the auctions, settlements and Reward Pool
 * distributions of a window run again with the production rules under changed parameters, and
 * what every participant and pool got beside what it would have got. Each decision is re-run on
 * its own recorded inputs: a changed winner is paid in that project's settlement, but knock-on
 * effects (a changed pool balance feeding a later distribution, a changed score in a later
 * auction) are not carried forward. Parameters are named and checked as in a SET_PARAMETER
 * proposal ({@link ParameterChange}); only those the re-run decisions read change anything:
 * {@code rpBps}, {@code ipBps}, {@code priceBandBps}, {@code auctionPricing} and {@code rewardSplit}.
 */
public final class WhatIf {

  /** One participant's (or pool's) total of an asset: as recorded, and under the changed parameters. */
  public record Outcome(BigInteger recorded, BigInteger whatIf) {
    Outcome plus(BigInteger r, BigInteger w) {
      return new Outcome(recorded.add(r), whatIf.add(w));
    }

    public BigInteger difference() {
      return whatIf.subtract(recorded);
    }
  }

  private final Map<String, String> settings;
  private final long from;
  private final long to;
  private final MarketFold market = new MarketFold();
  /** party label → asset → outcome */
  private final Map<String, Map<Asset, Outcome>> outcomes = new TreeMap<>();
  /** projectId → the winner and price the changed auction gives */
  private final Map<String, Auction.AuctionResult> reAuctioned = new LinkedHashMap<>();
  private final Map<String, Long> rerun = new TreeMap<>();

  /** @param from,to the window, Unix milliseconds of the rows' write time, inclusive */
  public WhatIf(Map<String, String> settings, long from, long to) {
    this.settings = Map.copyOf(settings);
    this.from = from;
    this.to = to;
  }

  public void accept(Replayed r) {
    long t = r.row().writeTimestamp();
    if (t >= from && t <= to && market.parameters() != null) {
      Object e = r.event();
      String id = r.row().entityId();
      if (e instanceof AuctionClosed closed) auction(id, market.state(r.persistenceId()), closed);
      else if (e instanceof ProjectSettled settled) settlement(id, market.state(r.persistenceId()), settled);
      else if (e instanceof RewardsDistributed d) distribution(d);
    }
    market.apply(r);
  }

  /** The parameters in force with the settings applied, as a proposal would apply them. */
  private Parameters changed() {
    Parameters p = market.parameters();
    for (Map.Entry<String, String> s : settings.entrySet()) p = ParameterChange.apply(p, s.getKey(), json(s.getValue()));
    return p;
  }

  /** A bare word (SECOND_PRICE) is a JSON string; anything else is JSON already. */
  private static String json(String value) {
    return value.matches("[A-Za-z_][A-Za-z0-9_]*") && !value.equals("true") && !value.equals("false") && !value.equals("null")
        ? "\"" + value + "\"" : value;
  }

  /** A project's own terms, but with every parameter the settings change. */
  private QuoteTerms terms(QuoteTerms t) {
    Parameters now = market.parameters();
    Parameters p = changed();
    return new QuoteTerms(t.quoteId(), t.kind(), t.resources(), t.durationDays(), t.fpMicroUsd(), t.fp(), t.maxBid(), t.expectedProfit(),
        p.rpBps() != now.rpBps() ? p.rpBps() : t.rpBps(),
        p.ipBps() != now.ipBps() ? p.ipBps() : t.ipBps(),
        p.priceBandBps() != now.priceBandBps() ? p.priceBandBps() : t.priceBandBps(),
        p.auctionPricing() != now.auctionPricing() ? p.auctionPricing() : t.pricingRule(),
        t.pMin(), t.bidWindowSeconds(), t.issuedAt());
  }

  private void auction(String projectId, ProjectState s, AuctionClosed recorded) {
    QuoteTerms t = terms(s.terms());
    List<Auction.Bid> bids = s.bids().values().stream().map(b -> new Auction.Bid(b.providerId(), b.price(), b.standing())).toList();
    reAuctioned.put(projectId, Auction.close(projectId, Hex.decode(recorded.beacon()), bids,
        new Auction.AuctionTerms(t.maxBid(), t.pMin(), t.resources(), t.priceBandBps(), t.pricingRule())));
    rerun.merge("auctions", 1L, Long::sum);
  }

  private void settlement(String projectId, ProjectState s, ProjectSettled recorded) {
    QuoteTerms t = terms(s.terms());
    Auction.AuctionResult again = reAuctioned.get(projectId);
    String winner = again == null ? s.auction().winner() : again.winner().orElse(null);
    Amount price = again == null ? s.auction().pricePaid() : again.pricePaid().orElse(null);
    for (SettlementLeg leg : recorded.legs()) add(leg.to(), leg.amount(), true);
    if (winner == null) {
      add(Party.account(s.requester()).label(), t.fp(), false); // no admissible bid: FP back, and no profit to split
      add(Party.account(s.requester()).label(), recorded.profit(), false);
    } else {
      for (SettlementRule.Leg leg : SettlementRule.settle(t.fp(), price, recorded.profit(), t.rpBps(), t.ipBps())) {
        Party party = switch (leg.to()) {
          case PROVIDER -> Party.account(winner);
          case REWARD_POOL -> Party.REWARD_POOL;
          case INSURANCE_POOL -> Party.INSURANCE_POOL;
          case REQUESTER -> Party.account(s.requester());
        };
        add(party.label(), leg.amount(), false);
      }
    }
    rerun.merge("settlements", 1L, Long::sum);
  }

  private void distribution(RewardsDistributed d) {
    RewardSplit split = Objects.equals(changed().rewardSplit(), market.parameters().rewardSplit()) ? d.split() : changed().rewardSplit();
    for (RewardDistribution.Leg leg : d.legs()) {
      add(leg.to(), leg.amount(), true);
      add(Party.REWARD_POOL.label(), leg.amount().asset(), leg.amount().amount().negate(), true);
    }
    for (RewardDistribution.Leg leg : RewardDistribution.distribute(d.balance(), split, d.stakeTimes(), d.developmentFund())) {
      add(leg.to(), leg.amount(), false);
      add(Party.REWARD_POOL.label(), leg.amount().asset(), leg.amount().amount().negate(), false);
    }
    rerun.merge("distributions", 1L, Long::sum);
  }

  private void add(String party, Amount amount, boolean recorded) {
    add(party, amount.asset(), amount.amount(), recorded);
  }

  private void add(String party, Asset asset, BigInteger a, boolean recorded) {
    outcomes.computeIfAbsent(party, p -> new TreeMap<>())
        .merge(asset, recorded ? new Outcome(a, BigInteger.ZERO) : new Outcome(BigInteger.ZERO, a),
            (x, y) -> x.plus(y.recorded(), y.whatIf()));
  }

  /** What each party received in the window's re-run decisions: party label → asset → outcome. */
  public Map<String, Map<Asset, Outcome>> outcomes() {
    return outcomes;
  }

  /** The comparison as JSON for the API: the decisions re-run, then one row per party and asset that received anything. */
  public Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("settings", settings);
    body.put("from", Instant.ofEpochMilli(Math.max(0, from)).toString());
    body.put("to", to == Long.MAX_VALUE ? null : Instant.ofEpochMilli(to).toString());
    body.put("rerun", Map.copyOf(rerun));
    List<Map<String, String>> rows = new java.util.ArrayList<>();
    outcomes.forEach((party, byAsset) -> byAsset.forEach((asset, o) -> {
      if (o.recorded().signum() == 0 && o.whatIf().signum() == 0) return;
      Map<String, String> row = new LinkedHashMap<>();
      row.put("party", party);
      row.put("asset", asset.name());
      row.put("recorded", o.recorded().toString());
      row.put("whatIf", o.whatIf().toString());
      row.put("difference", o.difference().toString());
      rows.add(row);
    }));
    body.put("outcomes", rows);
    return body;
  }

  public void print(PrintStream out) {
    String window = from <= 0 && to == Long.MAX_VALUE ? "the whole journal"
        : "events written " + (from <= 0 ? "from the start" : "from " + Instant.ofEpochMilli(from)) + (to == Long.MAX_VALUE ? " on" : " to " + Instant.ofEpochMilli(to));
    out.println("What if " + settings + ", over " + window + ":");
    out.println("Re-run with the production rules: " + (rerun.isEmpty() ? "nothing in the window" : rerun));
    out.printf("%-52s %-5s %28s %28s %29s%n", "participant or pool", "asset", "recorded", "what if", "difference");
    outcomes.forEach((party, byAsset) -> byAsset.forEach((asset, o) -> {
      if (o.recorded().signum() != 0 || o.whatIf().signum() != 0)
        out.printf("%-52s %-5s %28s %28s %+29d%n", party, asset, o.recorded(), o.whatIf(), o.difference());
    }));
    out.println("Amounts are base units (18 decimals). Each decision is re-run on its recorded inputs; effects on later decisions are not carried forward.");
  }
}
