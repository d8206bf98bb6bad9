package io.bhkr.governance;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Attendance;
import io.bhkr.rules.Election;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The seats, candidacies and election pledges (economics 10), and the pure decisions on them: who
 * an election seats, what a closed proposal does to attendance, which stakes go back. The
 * governance entity persists what these decide and folds the events back in here.
 *
 * @param termStart when the term in force began (AUTOMATED: the next election is due termDays later)
 * @param elections how many elections were held, so each one's stake returns have their own ids
 */
public record Council(Phase phase, int n, Map<String, Seat> seats, Map<String, Candidacy> candidacies,
    Map<String, Map<String, BigInteger>> pledges, long termStart, int elections) implements JsonSerializable {

  public Council {
    seats = Collections.unmodifiableSortedMap(new TreeMap<>(seats));
    candidacies = Collections.unmodifiableSortedMap(new TreeMap<>(candidacies));
    TreeMap<String, Map<String, BigInteger>> copy = new TreeMap<>();
    pledges.forEach((staker, byCandidate) -> copy.put(staker, Collections.unmodifiableSortedMap(new TreeMap<>(byCandidate))));
    pledges = Collections.unmodifiableSortedMap(copy);
  }

  /** The genesis governors, staking nothing yet; all 2n + 1 seated means the terms run from now. */
  public static Council founded(List<String> governors, int n, long at) {
    TreeMap<String, Seat> seats = new TreeMap<>();
    governors.forEach(g -> seats.put(g, new Seat(BigInteger.ZERO, 0, at, at)));
    Phase phase = governors.size() == 2 * n + 1 ? Phase.AUTOMATED : Phase.INITIALIZATION;
    return new Council(phase, n, seats, Map.of(), Map.of(), at, 0);
  }

  public boolean isGovernor(String address) {
    return seats.containsKey(address);
  }

  public int openSeats() {
    return 2 * n + 1 - seats.size();
  }

  /** The own stake of a governor or candidate, 0 for anyone else. */
  public BigInteger ownStake(String address) {
    Seat seat = seats.get(address);
    if (seat != null) return seat.stake();
    Candidacy c = candidacies.get(address);
    return c == null ? BigInteger.ZERO : c.stake();
  }

  public boolean isStanding(String address) {
    return seats.containsKey(address) || candidacies.containsKey(address);
  }

  /** All a staker pledged, to every candidate together. */
  public BigInteger pledgedBy(String staker) {
    return pledges.getOrDefault(staker, Map.of()).values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The votes each governor or candidate was pledged (not yet counted against the stakers' stakes). */
  public SortedMap<String, BigInteger> pledgedTo() {
    TreeMap<String, BigInteger> to = new TreeMap<>();
    pledges.values().forEach(byCandidate -> byCandidate.forEach((c, a) -> to.merge(c, a, BigInteger::add)));
    return to;
  }

  /** BHKR from an account: a governor adds to its stake; anyone else applies, or adds to its candidacy. */
  public Council staked(Transfer t) {
    String who = t.from().id();
    BigInteger amount = t.amount().amount();
    Seat seat = seats.get(who);
    if (seat != null) {
      TreeMap<String, Seat> next = new TreeMap<>(seats);
      next.put(who, new Seat(seat.stake().add(amount), seat.missedVotes(), t.at(), seat.seatedAt()));
      return new Council(phase, n, next, candidacies, pledges, termStart, elections);
    }
    TreeMap<String, Candidacy> next = new TreeMap<>(candidacies);
    Candidacy before = candidacies.get(who);
    next.put(who, before == null ? new Candidacy(amount, t.at()) : new Candidacy(before.stake().add(amount), before.appliedAt()));
    return new Council(phase == Phase.INITIALIZATION ? Phase.TRANSITION : phase, n, seats, next, pledges, termStart, elections);
  }

  public Council pledged(ElectionVotesGiven e) {
    TreeMap<String, Map<String, BigInteger>> next = new TreeMap<>(pledges);
    TreeMap<String, BigInteger> mine = new TreeMap<>(pledges.getOrDefault(e.staker(), Map.of()));
    if (e.amount().signum() == 0) mine.remove(e.candidate());
    else mine.put(e.candidate(), e.amount());
    if (mine.isEmpty()) next.remove(e.staker());
    else next.put(e.staker(), mine);
    return new Council(phase, n, seats, candidacies, next, termStart, elections);
  }

  /**
   * Whether an election is due at {@code at}: in TRANSITION when a seat is open and a candidate
   * qualifies; in AUTOMATED when the term of {@code termDays} has run out.
   */
  public boolean electionDue(long at, ElectionParameters p) {
    return switch (phase) {
      case INITIALIZATION -> false;
      case TRANSITION -> openSeats() > 0 && candidacies.values().stream()
          .anyMatch(c -> c.stake().compareTo(p.governorMinStake().amount()) >= 0);
      case AUTOMATED -> at >= termStart + p.termDays() * 86_400L;
    };
  }

  /**
   * The election at {@code at}: in AUTOMATED all 2n + 1 seats, the sitting governors standing
   * again; otherwise the open seats, among the candidates. Votes given count up to what each
   * staker still stakes ({@code stakedNow}, gathered by the shell).
   */
  public ElectionHeld election(long at, Map<String, BigInteger> stakedNow, ElectionParameters p) {
    boolean reElection = phase == Phase.AUTOMATED;
    SortedMap<String, BigInteger> given = Election.given(pledges, stakedNow);
    List<Election.Candidate> candidates = new ArrayList<>();
    if (reElection)
      seats.forEach((g, s) -> candidates.add(new Election.Candidate(g, s.stake(), given.getOrDefault(g, BigInteger.ZERO), s.seatedAt())));
    candidacies.forEach((c, x) -> candidates.add(new Election.Candidate(c, x.stake(), given.getOrDefault(c, BigInteger.ZERO), x.appliedAt())));
    int open = reElection ? 2 * n + 1 : openSeats();
    List<String> elected = Election.elect(candidates, open, p.governorMinStake().amount());
    int seatedAfter = (reElection ? 0 : seats.size()) + elected.size();
    Phase after = seatedAfter == 2 * n + 1 ? Phase.AUTOMATED : reElection ? Phase.TRANSITION : phase;
    return new ElectionHeld(elections + 1, at, phase, open, candidates, elected, after);
  }

  /** Seats the winners, drops every candidacy (the losers' stakes go back) and pledges to anyone not seated. */
  public Council elected(ElectionHeld e) {
    TreeMap<String, Seat> next = e.phaseBefore() == Phase.AUTOMATED ? new TreeMap<>() : new TreeMap<>(seats);
    for (Election.Candidate c : e.candidates()) {
      if (!e.elected().contains(c.address())) continue;
      Seat sitting = seats.get(c.address());
      next.put(c.address(), sitting != null ? sitting : new Seat(c.ownStake(), 0, e.at(), e.at()));
    }
    long term = e.phaseAfter() == Phase.AUTOMATED ? e.at() : termStart;
    return new Council(e.phaseAfter(), n, next, Map.of(), pledgesTo(next.keySet()), term, e.number());
  }

  /** The pledges to anyone still standing: a pledge to someone who left is void and frees the staker's votes. */
  private Map<String, Map<String, BigInteger>> pledgesTo(java.util.Set<String> standing) {
    TreeMap<String, Map<String, BigInteger>> kept = new TreeMap<>();
    pledges.forEach((staker, byCandidate) -> {
      TreeMap<String, BigInteger> mine = new TreeMap<>(byCandidate);
      mine.keySet().retainAll(standing);
      if (!mine.isEmpty()) kept.put(staker, mine);
    });
    return kept;
  }

  /** The own stakes an election hands back: every candidate not elected, governors who lost their seat included. */
  public static List<Transfer> returns(ElectionHeld e) {
    List<Transfer> out = new ArrayList<>();
    for (Election.Candidate c : e.candidates())
      if (!e.elected().contains(c.address()) && c.ownStake().signum() > 0)
        out.add(new Transfer("election:" + e.number() + ":return:" + c.address(), Party.GOVERNANCE, Party.account(c.address()),
            new Amount(Asset.BHKR, c.ownStake()), Purpose.GOVERNOR_STAKE_RETURN, "governor stake returned: not elected", e.at()));
    return out;
  }

  /** Attendance after proposal {@code p} closed: every seated governor that did not vote misses once. */
  public AttendanceRecorded attendance(Proposal p, long at, ElectionParameters ep) {
    List<AttendanceRecorded.Mark> marks = new ArrayList<>();
    seats.forEach((g, s) -> {
      Attendance.Outcome o = Attendance.afterProposal(p.hasVoted(g), s.missedVotes(), s.stake(), ep.missedVotesLimit(),
          ep.governorMissSlashBps(), ep.governorMinStake().amount());
      marks.add(new AttendanceRecorded.Mark(g, p.hasVoted(g), o.missedVotes(), o.slashed(), o.stakeLeft(), o.unseated()));
    });
    return new AttendanceRecorded(p.proposalId(), at, marks);
  }

  /** Applies the misses; a governor unseated leaves a seat open, which the next election fills. */
  public Council attended(AttendanceRecorded e) {
    TreeMap<String, Seat> next = new TreeMap<>(seats);
    for (AttendanceRecorded.Mark m : e.marks()) {
      Seat s = next.get(m.governor());
      if (s == null) continue;
      if (m.unseated()) next.remove(m.governor());
      else next.put(m.governor(), new Seat(m.stakeLeft(), m.missedVotes(), m.slashed().signum() > 0 ? e.at() : s.since(), s.seatedAt()));
    }
    Phase after = phase == Phase.AUTOMATED && next.size() < seats.size() ? Phase.TRANSITION : phase;
    java.util.Set<String> standing = new java.util.HashSet<>(next.keySet());
    standing.addAll(candidacies.keySet());
    return new Council(after, n, next, candidacies, pledgesTo(standing), termStart, elections);
  }

  /** What attendance moves: slashes into the Reward Pool, and an unseated governor's remaining stake back to it. */
  public static List<Transfer> transfers(AttendanceRecorded e) {
    List<Transfer> out = new ArrayList<>();
    for (AttendanceRecorded.Mark m : e.marks()) {
      if (m.slashed().signum() > 0)
        out.add(new Transfer("missed:" + e.proposalId() + ":slash:" + m.governor(), Party.GOVERNANCE, Party.REWARD_POOL,
            new Amount(Asset.BHKR, m.slashed()), Purpose.GOVERNOR_SLASHING, "slashed: governor missed consecutive votes", e.at()));
      if (m.unseated() && m.stakeLeft().signum() > 0)
        out.add(new Transfer("missed:" + e.proposalId() + ":return:" + m.governor(), Party.GOVERNANCE, Party.account(m.governor()),
            new Amount(Asset.BHKR, m.stakeLeft()), Purpose.GOVERNOR_STAKE_RETURN, "governor stake returned: seat lost below governorMinStake", e.at()));
    }
    return out;
  }

  /** All BHKR governance holds as stakes: the governors' and the candidates'. */
  public BigInteger totalStaked() {
    BigInteger sum = BigInteger.ZERO;
    for (Seat s : seats.values()) sum = sum.add(s.stake());
    for (Candidacy c : candidacies.values()) sum = sum.add(c.stake());
    return sum;
  }
}
