package io.bhkr.pool;

import io.bhkr.governance.InsuranceExcessDecided;
import io.bhkr.micropool.MicroPoolSlashingClaim;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.InsuranceRule;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardDistribution.Leg;
import io.bhkr.rules.RewardDistribution;
import io.bhkr.rules.RewardSplit;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The two pools' decisions as pure functions from state and input to events: the Insurance
 * Pool's compensations and excess (economics 5, 7), the Reward Pool's epochs (economics 5). Both
 * hold a {@link PoolState} and take any value that arrives.
 */
public final class PoolDecisions {

  private PoolDecisions() {}

  /** Pays a claim's victims pro rata from what the pool holds; the rest stays owed. */
  public static List<DomainEvent> compensate(PoolState s, String claimId, String slashed, Asset asset, SortedMap<String, BigInteger> losses,
      long at) {
    return pay(s.balances().of(asset).amount(), claimId, slashed, asset, losses, null, at);
  }

  /**
   * A slashed micro-pool's claim: its stakers' loss is owed to the pool itself (victim
   * {@code micropool:<id>}), which owes it to its aETH holders. A claim of 0 (k covered the loss)
   * is still recorded, so the slashing is on record.
   */
  public static List<DomainEvent> onMicroPoolClaim(PoolState s, MicroPoolSlashingClaim c) {
    List<DomainEvent> events = new ArrayList<>(List.of(new DispatchReceived(c)));
    SortedMap<String, BigInteger> owed = new java.util.TreeMap<>(java.util.Map.of(c.from().label(), c.owed().amount()));
    events.addAll(compensate(s, c.claimId(), c.slashed(), c.owed().asset(), owed, c.at()));
    return events;
  }

  /** Value arrives: credit it, then pay shortfalls in its asset, oldest claim first. */
  public static List<DomainEvent> onInflow(PoolState s, Dispatch d) {
    List<DomainEvent> events = new ArrayList<>();
    events.add(new DispatchReceived(d));
    Amount in = d.value().orElseThrow();
    long at = d instanceof Transfer t ? t.at() : 0;
    BigInteger available = s.balances().of(in.asset()).amount().add(in.amount());
    for (Shortfall shortfall : s.shortfalls()) {
      if (shortfall.asset() != in.asset() || available.signum() == 0) continue;
      List<DomainEvent> paid = pay(available, shortfall.claimId(), null, in.asset(), shortfall.owed(), d.id(), at);
      available = available.subtract(((CompensationPaid) paid.get(0)).paid().values().stream().reduce(BigInteger.ZERO, BigInteger::add));
      events.addAll(paid);
    }
    return events;
  }

  private static List<DomainEvent> pay(BigInteger available, String claimId, String slashed, Asset asset, SortedMap<String, BigInteger> owed,
      String trigger, long at) {
    InsuranceRule.Payout payout = InsuranceRule.pay(available, owed);
    List<DomainEvent> events = new ArrayList<>();
    events.add(new CompensationPaid(claimId, asset, available, payout.paid(), payout.stillOwed(), trigger, at, slashed));
    String round = trigger == null ? "" : ":" + trigger;
    payout.paid().forEach((victim, amount) -> events.add(new DispatchSent(new Transfer(
        "insurance:" + claimId + ":" + victim + round, Party.INSURANCE_POOL, Party.ofLabel(victim), new Amount(asset, amount), Purpose.COMPENSATION,
        "compensation for claim " + claimId, at))));
    return events;
  }

  /** Moves or burns at most the excess above the cap, and at most what governance decided. */
  public static List<DomainEvent> moveExcess(PoolState s, InsuranceExcessDecided decision) {
    Asset asset = decision.amount().asset();
    BigInteger excess = InsuranceRule.excessAbove(s.balances().of(asset).amount(), decision.cap());
    Amount moved = new Amount(asset, excess.min(decision.amount().amount()));
    List<DomainEvent> events = new ArrayList<>();
    events.add(new DispatchReceived(decision));
    events.add(new ExcessMoved(decision.proposalId(), decision.action(), decision.amount(), moved));
    if (moved.isZero()) return events;
    if ("BURN".equals(decision.action())) events.add(new ValueBurned("burn:" + decision.proposalId(), moved, decision.proposalId()));
    else events.add(new DispatchSent(new Transfer("excess:" + decision.proposalId(), Party.INSURANCE_POOL, Party.REWARD_POOL,
        moved, Purpose.INSURANCE_EXCESS, "insurance excess moved by proposal " + decision.proposalId(), decision.at())));
    return events;
  }

  /** The Reward Pool takes any value once; a notice addressed to it changes nothing. */
  public static List<DomainEvent> onRewardPoolArrival(PoolState s, Dispatch d) {
    return s.seen().contains(d.id()) || d.value().isEmpty() ? List.of() : List.of(new DispatchReceived(d));
  }

  /**
   * The epoch's distribution (economics 5) as a pure function: the event with every input, then a
   * transfer per leg. A replay calls it with the recorded inputs to check the recorded legs.
   */
  public static List<DomainEvent> distribution(PoolState s, long windowEnd, RewardSplit split,
      Map<Group, SortedMap<String, BigInteger>> stakeTimes, String developmentFund) {
    long epoch = s.epoch() + 1;
    List<Leg> legs = RewardDistribution.distribute(s.balances(), split, stakeTimes, developmentFund);
    List<DomainEvent> events = new ArrayList<>();
    events.add(new RewardsDistributed(epoch, s.lastEpochEnd(), windowEnd, s.balances(), split, stakeTimes, developmentFund, legs));
    for (int i = 0; i < legs.size(); i++) {
      Leg leg = legs.get(i);
      events.add(new DispatchSent(new Transfer("reward:" + epoch + ":" + i, Party.REWARD_POOL, Party.account(leg.to()), leg.amount(), Purpose.REWARD,
          "reward epoch " + epoch + ": " + leg.group().name().toLowerCase(), windowEnd)));
    }
    return events;
  }
}
