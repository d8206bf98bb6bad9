package io.bhkr.simulation;

import io.bhkr.money.Amount;
import io.bhkr.rules.Resources;
import java.math.BigInteger;

/** One requester's project from arrival to settlement, failure or refund. */
final class ProjectRun {

  enum Kind { COMPUTE, VALIDATOR }

  enum Outcome { OPEN, RUNNING, SETTLED, FAILED, UNASSIGNED }

  final String id;
  final Kind kind;
  final Resources resources;
  final long durationDays;
  final Amount fp;
  final Amount maxBid;
  final long arrivedAt;
  final BigInteger scriptedProfit; // ETH, one-project scenarios; null otherwise
  Outcome outcome = Outcome.OPEN;
  String winner;
  Amount pricePaid;
  Amount otherRulePrice;
  long runningSince;
  int startDay;
  Validator validator;
  BigInteger ethStaked = BigInteger.ZERO;
  long endedAt = -1;

  ProjectRun(String id, Kind kind, Resources resources, long durationDays, Amount fp, Amount maxBid, long arrivedAt,
      BigInteger scriptedProfit) {
    this.id = id;
    this.kind = kind;
    this.resources = resources;
    this.durationDays = durationDays;
    this.fp = fp;
    this.maxBid = maxBid;
    this.arrivedAt = arrivedAt;
    this.scriptedProfit = scriptedProfit;
  }

  String requester() {
    return "R" + id;
  }

  String requesterAccount() {
    return "account:" + requester();
  }

  String escrow() {
    return "escrow:" + id;
  }
}
