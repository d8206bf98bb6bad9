package io.bhkr.simulation;

import com.typesafe.config.Config;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.RewardDistribution;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.StakeTime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The Reward Pool's epochs (economics 5): at each epoch's end the pool's balance is split among
 * governors, providers and requesters, sidecar stakers and development (RewardDistribution), each
 * group pro rata by stake-time (StakeTime). Sidecar stakers live here: they stake BHKR on a
 * provider's node, pledge their votes to a governor candidate, and sometimes move their stake.
 */
final class RewardEpochs {

  /** A BHKR sidecar staker: its stake, on whose node since when, and whom it gives its votes. */
  static final class Staker {
    final String id;
    final BigInteger stake;
    final String pledgedTo;
    String node;
    long since;
    boolean active = true;

    Staker(String id, BigInteger stake, String pledgedTo, String node) {
      this.id = id;
      this.stake = stake;
      this.pledgedTo = pledgedTo;
      this.node = node;
    }

    String holder() {
      return "sidecar-stake:" + id;
    }
  }

  /** A project that ended during the epoch: its requester's FP counted for the seconds it ran. */
  private record Finished(String requester, BigInteger fp, long since, long until) {}

  private final Market m;
  final List<Staker> stakers = new ArrayList<>();
  private final List<Finished> finished = new ArrayList<>();
  final List<RunResult.Epoch> paid = new ArrayList<>();
  private int epoch;

  RewardEpochs(Market m, SplittableRandom setup) {
    this.m = m;
    Config s = m.c.getConfig("stakers");
    int count = m.providers.isEmpty() ? 0 : s.getInt("count");
    BigInteger[] range = Scenario.tokenRange(s, "stake-bhkr");
    for (int i = 0; i < count; i++) {
      Staker st = new Staker(String.format("S%04d", i), Market.draw(setup, range),
          pledge(setup), m.providers.get(setup.nextInt(m.providers.size())).id);
      m.ledger.deposit(st.holder(), new Amount(Asset.BHKR, st.stake));
      stakers.add(st);
      double moves = s.getDouble("withdrawals-per-year");
      if (moves > 0) scheduleMove(st, 0, moves);
    }
  }

  private String pledge(SplittableRandom r) {
    int candidates = m.c.getInt("governance.candidates");
    return candidates == 0 ? null : String.format("G%03d", r.nextInt(candidates));
  }

  /**
   * A staker withdraws and stakes on another node. Withdrawing forfeits the stake-time the epoch
   * has not paid yet (economics 5, read as docs/pools.md does: "withdrawing before that node's
   * project completes forfeits its rewards").
   */
  private void scheduleMove(Staker st, long after, double perYear) {
    long at = after + Market.exponential(m.chain(), 365 * Market.DAY / perYear);
    if (at >= m.end) return;
    m.queue.at(at, () -> {
      // as the node entity does (docs/pools.md): the stake-time not yet paid is forfeited, the stake counts again from now
      m.count("staker forfeits", 1);
      st.node = m.providers.get(m.behaviour().nextInt(m.providers.size())).id;
      st.since = at;
      scheduleMove(st, at, perYear);
    });
  }

  void finished(ProjectRun p, long at) {
    finished.add(new Finished(p.requesterAccount(), p.fp.amount(), p.runningSince, at));
  }

  void distribute(int day, long now) {
    long start = now - m.params.epochSeconds();
    Map<Group, SortedMap<String, BigInteger>> st = new EnumMap<>(Group.class);
    for (Group gr : List.of(Group.GOVERNORS, Group.PROVIDERS_REQUESTERS, Group.STAKERS)) st.put(gr, new TreeMap<>());
    if (m.governors != null)
      for (String gov : m.governors.seated)
        add(st, Group.GOVERNORS, "account:" + gov, StakeTime.of(m.ledger.balance(Governors.stakeHolder(gov), Asset.BHKR),
            m.governors.seatedSince.get(gov), start, now));
    BigInteger pMin = m.params.pMin().amount();
    for (ProviderAgent a : m.providers) {
      // the collateral above pMin is an investment that earns dividends (economics 11)
      BigInteger above = m.ledger.balance(a.collateral(), Asset.BHKR).subtract(pMin);
      if (above.signum() > 0) add(st, Group.PROVIDERS_REQUESTERS, a.account(), StakeTime.of(above, a.joinedAt, start, now));
      for (String id : a.running) {
        ProjectRun p = m.projects.get(id);
        add(st, Group.PROVIDERS_REQUESTERS, p.requesterAccount(), StakeTime.of(p.fp.amount(), p.runningSince, start, now));
      }
    }
    for (Finished f : finished)
      add(st, Group.PROVIDERS_REQUESTERS, f.requester(), StakeTime.between(f.fp(), f.since(), f.until(), start, now));
    finished.clear();
    for (Staker s : stakers)
      if (s.active) add(st, Group.STAKERS, "account:" + s.id, StakeTime.of(s.stake, s.since, start, now));

    List<RewardDistribution.Leg> legs = RewardDistribution.distribute(m.rewardPool(), m.params.rewardSplit(), st, Market.DEVELOPMENT_FUND);
    Map<Group, BigInteger[]> byGroup = new EnumMap<>(Group.class);
    for (Group gr : Group.values()) byGroup.put(gr, new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
    for (RewardDistribution.Leg leg : legs) {
      m.ledger.transfer(Market.REWARD_POOL, leg.to(), leg.amount());
      int i = leg.amount().asset() == Asset.BHKR ? 0 : 1;
      if (leg.amount().asset() != Asset.AETH) byGroup.get(leg.group())[i] = byGroup.get(leg.group())[i].add(leg.amount().amount());
    }
    byGroup.forEach((gr, v) -> paid.add(new RunResult.Epoch(epoch, gr.name(), v[0], v[1])));
    epoch++;
  }

  private static void add(Map<Group, SortedMap<String, BigInteger>> st, Group g, String who, BigInteger stakeTime) {
    if (stakeTime.signum() > 0) st.get(g).merge(who, stakeTime, BigInteger::add);
  }
}
