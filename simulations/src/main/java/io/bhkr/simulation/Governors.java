package io.bhkr.simulation;

import com.typesafe.config.Config;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Attendance;
import io.bhkr.rules.Election;
import io.bhkr.rules.InsuranceRule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The governors (economics 10): candidates with BHKR stakes, elections by own stake plus the votes
 * sidecar stakers give them (Election), proposals that pass with n + 1 yes votes, and missed votes
 * slashed into the Reward Pool (Attendance). Proposals qualify entrants (one proposal each) and
 * move the Insurance Pool's excess above the cap (periodic proposals).
 */
final class Governors {

  private final Market m;
  private final Config g;
  private final int n;
  private final BigInteger minStake;
  final List<String> candidates = new ArrayList<>();
  private final Map<String, Long> appliedAt = new HashMap<>();
  final List<String> seated = new ArrayList<>();
  final Map<String, Long> seatedSince = new HashMap<>();
  private final Map<String, Integer> missed = new HashMap<>();

  Governors(Market m, SplittableRandom setup) {
    this.m = m;
    this.g = m.c.getConfig("governance");
    this.n = g.getInt("n");
    this.minStake = m.params.elections().governorMinStake().amount();
    BigInteger[] stake = Scenario.tokenRange(g, "stake-bhkr");
    for (int i = 0; i < g.getInt("candidates"); i++) {
      String id = String.format("G%03d", i);
      candidates.add(id);
      appliedAt.put(id, (long) i); // applied in id order before the run
      m.ledger.deposit(stakeHolder(id), new Amount(Asset.BHKR, Market.draw(setup, stake)));
    }
  }

  static String stakeHolder(String governor) {
    return "governor-stake:" + governor;
  }

  void start(SplittableRandom arrivals) {
    if (candidates.isEmpty()) return;
    elect(0);
    long term = m.params.elections().termDays() * Market.DAY;
    for (long t = term; t < m.end; t += term) {
      long at = t;
      m.queue.at(at, () -> elect(at));
    }
    double perYear = g.getDouble("proposals-per-year");
    if (perYear > 0) scheduleProposal(arrivals, 0, perYear);
  }

  /** Every seat re-elected: votes = own stake + BHKR pledged by sidecar stakers, counted up to what they still stake. */
  private void elect(long now) {
    List<String> elected = Election.elect(ballot(candidates), 2 * n + 1, minStake);
    for (String id : elected) if (!seated.contains(id)) seatedSince.put(id, now);
    seated.clear();
    seated.addAll(elected);
    m.count("elections", 1);
  }

  private List<Election.Candidate> ballot(List<String> who) {
    Map<String, Map<String, BigInteger>> pledges = new TreeMap<>();
    Map<String, BigInteger> stakedNow = new TreeMap<>();
    for (RewardEpochs.Staker s : m.epochs.stakers) {
      if (s.pledgedTo == null) continue;
      pledges.put(s.id, Map.of(s.pledgedTo, s.stake));
      stakedNow.put(s.id, s.active ? s.stake : BigInteger.ZERO);
    }
    SortedMap<String, BigInteger> given = Election.given(pledges, stakedNow);
    List<Election.Candidate> ballot = new ArrayList<>();
    for (String id : who)
      ballot.add(new Election.Candidate(id, m.ledger.balance(stakeHolder(id), Asset.BHKR), given.getOrDefault(id, BigInteger.ZERO),
          appliedAt.get(id)));
    return ballot;
  }

  private void scheduleProposal(SplittableRandom r, long after, double perYear) {
    long at = after + Market.exponential(r, 365 * Market.DAY / perYear);
    if (at >= m.end) return;
    m.queue.at(at, () -> {
      propose(at);
      scheduleProposal(r, at, perYear);
    });
  }

  /**
   * An applicant's qualification is its own proposal (economics 10: "qualify or disqualify a
   * provider"), closing after the governance proposal period; without governors it is qualified
   * at once. A proposal that fails is put again.
   */
  void qualification(ProviderAgent applicant, long at) {
    if (seated.isEmpty()) {
      applicant.qualified = true;
      m.count("entrants qualified", 1);
      return;
    }
    long closes = at + m.params.proposalSeconds();
    if (closes >= m.end) return;
    m.queue.at(closes, () -> {
      if (vote(closes)) {
        applicant.qualified = true;
        m.count("entrants qualified", 1);
      } else {
        qualification(applicant, closes);
      }
    });
  }

  /**
   * One proposal closes: each seated governor votes unless it misses this one (Attendance), and it
   * passes with n + 1 yes votes.
   */
  private boolean vote(long now) {
    m.count("proposals", 1);
    double miss = g.getDouble("miss-probability");
    int yes = 0;
    List<String> unseated = new ArrayList<>();
    for (String id : List.copyOf(seated)) {
      boolean voted = m.behaviour().nextDouble() >= miss;
      if (voted) yes++;
      Attendance.Outcome o = Attendance.afterProposal(voted, missed.getOrDefault(id, 0), m.ledger.balance(stakeHolder(id), Asset.BHKR),
          m.params.elections().missedVotesLimit(), m.params.elections().governorMissSlashBps(), minStake);
      missed.put(id, o.missedVotes());
      if (o.slashed().signum() > 0) {
        m.ledger.transfer(stakeHolder(id), Market.REWARD_POOL, new Amount(Asset.BHKR, o.slashed()));
        m.count("governor slashes", 1);
      }
      if (o.unseated()) unseated.add(id);
    }
    for (String id : unseated) {
      seated.remove(id);
      seatedSince.remove(id);
      m.count("governors unseated", 1);
      List<String> others = candidates.stream().filter(x -> !seated.contains(x) && !unseated.contains(x)).toList();
      for (String next : Election.elect(ballot(others), 1, minStake)) {
        seated.add(next);
        seatedSince.put(next, now);
      }
    }
    boolean passed = yes >= n + 1;
    if (passed) m.count("proposals passed", 1);
    return passed;
  }

  /** A periodic proposal: what to do with the Insurance Pool's excess above the cap (economics 5). */
  private void propose(long now) {
    if (seated.isEmpty() || !vote(now)) return;
    String action = g.getString("insurance-excess");
    if (action.equals("keep")) return;
    for (Asset a : List.of(Asset.BHKR, Asset.ETH)) {
      BigInteger excess = InsuranceRule.excessAbove(m.ledger.balance(Market.INSURANCE_POOL, a), m.params.insuranceCap());
      if (excess.signum() == 0) continue;
      if (action.equals("burn")) {
        m.ledger.burn(Market.INSURANCE_POOL, new Amount(a, excess));
        if (a == Asset.BHKR) m.count("excess burned BHKR", Market.tokens(excess));
      } else {
        m.ledger.transfer(Market.INSURANCE_POOL, Market.REWARD_POOL, new Amount(a, excess));
        if (a == Asset.BHKR) m.count("excess moved BHKR", Market.tokens(excess));
      }
    }
  }
}
