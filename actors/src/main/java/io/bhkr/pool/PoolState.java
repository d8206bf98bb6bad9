package io.bhkr.pool;

import io.bhkr.money.Balances;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Seen;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's holdings and bookkeeping. The Reward Pool uses the epoch fields, the Insurance Pool the
 * shortfalls; both hold balances, send through an outbox and apply each dispatch once.
 */
public record PoolState(Balances balances, long epoch, long lastEpochEnd, List<Shortfall> shortfalls, Outbox outbox, Seen seen)
    implements JsonSerializable {

  public PoolState {
    shortfalls = List.copyOf(shortfalls);
  }

  public static PoolState empty() {
    return new PoolState(Balances.empty(), 0, 0, List.of(), Outbox.empty(), Seen.none());
  }

  PoolView view(String pool) {
    return new PoolView(pool, balances, epoch, lastEpochEnd, shortfalls);
  }

  PoolState received(Dispatch d) {
    return new PoolState(d.value().map(balances::credit).orElse(balances), epoch, lastEpochEnd, shortfalls, outbox, seen.with(d.id()));
  }

  PoolState sent(Dispatch d) {
    return new PoolState(d.value().map(balances::debit).orElse(balances), epoch, lastEpochEnd, shortfalls, outbox.add(d), seen.with(d.id()));
  }

  PoolState confirmed(String id) {
    return new PoolState(balances, epoch, lastEpochEnd, shortfalls, outbox.confirm(id), seen);
  }

  PoolState distributed(RewardsDistributed e) {
    return new PoolState(balances, e.epoch(), e.windowEnd(), shortfalls, outbox, seen);
  }

  PoolState markSeen(String id) {
    return new PoolState(balances, epoch, lastEpochEnd, shortfalls, outbox, seen.with(id));
  }

  PoolState burned(ValueBurned e) {
    return new PoolState(balances.debit(e.amount()), epoch, lastEpochEnd, shortfalls, outbox, seen);
  }

  /** Replaces the claim's shortfall by what is still owed (dropped when nothing is). */
  PoolState owing(String claimId, Shortfall stillOwed) {
    List<Shortfall> next = new ArrayList<>();
    boolean replaced = false;
    for (Shortfall s : shortfalls) {
      if (!s.claimId().equals(claimId)) next.add(s);
      else if (!replaced) {
        replaced = true;
        if (!stillOwed.owed().isEmpty()) next.add(stillOwed);
      }
    }
    if (!replaced && !stillOwed.owed().isEmpty()) next.add(stillOwed);
    return new PoolState(balances, epoch, lastEpochEnd, next, outbox, seen);
  }
}
