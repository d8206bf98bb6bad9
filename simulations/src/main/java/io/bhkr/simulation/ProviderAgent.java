package io.bhkr.simulation;

import io.bhkr.rules.ReputationRule;
import io.bhkr.rules.ReputationRule.AuditedPeriod;
import io.bhkr.rules.ReputationRule.BidRatio;
import io.bhkr.rules.Resources;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider with one node: its capacity, cost, collateral, bidding strategy, uptime profile, and
 * the history its reputation score is computed from (economics 8), as ProviderDecisions gathers it.
 */
final class ProviderAgent {

  /** A bid the provider made and when its auction closed. */
  record TimedBid(long at, BidRatio ratio) {}

  final String id;
  final Strategy strategy;
  final double costShare; // of FP
  final int typicalUptimeBps;
  final Resources capacity;
  final BigInteger maxPrice;
  final long joinedAt;
  final boolean entrant;
  final BigInteger fixedBid; // FIXED strategy only
  Resources free;
  boolean qualified;
  long disqualifiedUntil = Long.MIN_VALUE;
  long outageUntil = Long.MIN_VALUE;
  long score;
  long scoreSum;
  long scoreDays;
  int admissibleBids;
  int wins;
  int failures;
  int slashed;
  BigInteger revenue = BigInteger.ZERO;
  final List<String> running = new ArrayList<>();

  /** Daily audited uptimes since joining: a project's SLA looks at those since it started. */
  final List<Integer> dailyUptimes = new ArrayList<>();
  final ArrayDeque<AuditedPeriod> periods = new ArrayDeque<>();
  final ArrayDeque<TimedBid> bids = new ArrayDeque<>();
  final ArrayDeque<Long> failureTimes = new ArrayDeque<>();
  final ArrayDeque<Long> slashingTimes = new ArrayDeque<>();

  ProviderAgent(String id, Strategy strategy, double costShare, int typicalUptimeBps, Resources capacity, BigInteger maxPrice,
      long joinedAt, boolean entrant, BigInteger fixedBid) {
    this.id = id;
    this.strategy = strategy;
    this.costShare = costShare;
    this.typicalUptimeBps = typicalUptimeBps;
    this.capacity = capacity;
    this.free = capacity;
    this.maxPrice = maxPrice;
    this.joinedAt = joinedAt;
    this.entrant = entrant;
    this.fixedBid = fixedBid;
  }

  String account() {
    return "account:" + id;
  }

  String collateral() {
    return "collateral:" + id;
  }

  boolean disqualified(long now) {
    return io.bhkr.rules.Disqualification.active(disqualifiedUntil, now);
  }

  /** Drops what fell out of the score's windows, so the history stays as small as the rule looks at. */
  void forget(long now, ReputationRule.Weights w) {
    long scoreFrom = now - w.scoreWindowDays() * ReputationRule.SECONDS_PER_DAY;
    long penaltyFrom = now - w.penaltyWindowDays() * ReputationRule.SECONDS_PER_DAY;
    // keep one old period: "no audited period ever" (Rt = 0) must not become true again
    while (periods.size() > 1 && periods.peekFirst().at() <= scoreFrom) periods.pollFirst();
    while (!bids.isEmpty() && bids.peekFirst().at() <= scoreFrom) bids.pollFirst();
    while (!failureTimes.isEmpty() && failureTimes.peekFirst() <= penaltyFrom) failureTimes.pollFirst();
    while (!slashingTimes.isEmpty() && slashingTimes.peekFirst() <= penaltyFrom) slashingTimes.pollFirst();
  }

  /** Everything the score depends on (ProviderDecisions.history is package-private in actors; this is its simulated twin). */
  ReputationRule.History history(long now, BigInteger staked, BigInteger pMax) {
    List<BidRatio> recent = new ArrayList<>(bids.size());
    for (TimedBid b : bids) recent.add(b.ratio());
    return new ReputationRule.History(new ArrayList<>(periods), Math.max(0, now - joinedAt), staked, pMax, recent,
        new ArrayList<>(failureTimes), new ArrayList<>(slashingTimes), List.of());
  }
}
