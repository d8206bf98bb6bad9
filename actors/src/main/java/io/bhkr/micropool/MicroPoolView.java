package io.bhkr.micropool;

import io.bhkr.money.Amount;
import io.bhkr.money.Balances;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.List;

/**
 * What the API shows of a micro-pool, with its slashings and the Insurance Pool's refunds of them. {@code stakes} are the users' stakes of record with the fee each paid.
 * {@code stakersLoss} (what the Insurance Pool owes the pool in all) and {@code validatorBalance} are the pool's own sums, so no reader recomputes them.
 */
public record MicroPoolView(
    String poolId,
    MicroPoolStatus status,
    String providerId,
    Amount providerStake,
    MicroPoolTerms terms,
    BigInteger total,
    List<StakeLine> stakes,
    BigInteger aethOutstanding,
    long openedAt,
    long activatedAt,
    List<MicroPoolLeg> settlement,
    List<MicroPoolEvents.Slashed> slashings,
    BigInteger refunded,
    BigInteger stakersLoss,
    BigInteger validatorBalance,
    Balances held)
    implements JsonSerializable {

  public record StakeLine(String address, BigInteger amount, BigInteger fee) implements JsonSerializable {}

  static MicroPoolView of(String poolId, MicroPoolState s) {
    List<StakeLine> lines = new java.util.ArrayList<>();
    java.util.SortedSet<String> who = new java.util.TreeSet<>(s.stakes().keySet());
    who.addAll(s.fees().keySet());
    for (String a : who) lines.add(new StakeLine(a, s.stakeOf(a), s.fees().getOrDefault(a, BigInteger.ZERO)));
    return new MicroPoolView(poolId, s.status(), s.providerId(), s.providerStake(), s.terms(), s.total(), lines,
        s.aethOutstanding(), s.openedAt(), s.activatedAt(), s.settlement(), s.slashings(), s.refunded(), s.stakersLoss(),
        s.validatorBalance(), s.held());
  }
}
