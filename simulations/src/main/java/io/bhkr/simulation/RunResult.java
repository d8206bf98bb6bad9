package io.bhkr.simulation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** What one run of a market leaves to look at: its time series, its agents' outcomes and its key figures. */
record RunResult(int point, String sweepValue, int run, long seed, List<Day> days, List<Provider> providers, List<Project> projects,
    List<Epoch> rewards, Map<String, Double> figures, long events) {

  /** The market at the end of a day; pool balances in base units, the Reward Pool's before that day's epoch paid out. */
  record Day(int day, BigInteger rewardBhkr, BigInteger rewardEth, BigInteger insuranceBhkr, BigInteger insuranceEth,
      BigInteger insuranceOwedEth, int running, int providers, int disqualified, double meanScore) {}

  record Provider(String id, String strategy, boolean entrant, long finalScore, double meanScore, int admissibleBids, int wins,
      BigInteger revenueBhkr, int failures, int slashings) {}

  /** A project and what its requester came out with (net USD at the scenario's prices; NaN while still running). */
  record Project(String id, String kind, int arrivedDay, String outcome, String winner, BigInteger fp, BigInteger maxBid,
      BigInteger pricePaid, BigInteger otherRulePrice, double netUsd, double netOverFp) {}

  /** What one Reward Pool epoch paid to one group. */
  record Epoch(int epoch, String group, BigInteger bhkr, BigInteger eth) {}

  String label() {
    return sweepValue.isEmpty() ? String.format("run%03d", run) : String.format("p%02d-run%03d", point, run);
  }
}
