package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The micro-pool contracts the bridge follows, each for the market pool that holds its principal
 * there, and the confirmed logs of theirs not yet recorded by that pool, in chain order.
 * Immutable; the bridge's events drive it. Pure.
 *
 * <p>A pool's logs go to it one at a time and in order (a stake before the activation it caused,
 * an unstake after its stake), so its stakes of record follow the contract's balances exactly.
 *
 * @param pools    contract address → market pool id; a contract serves the first pool that linked it
 * @param pending  log id → log, in the order the chain has them
 * @param recorded how many logs were read in all
 */
public record MicroPoolFollowing(Map<String, String> pools, Map<String, MicroPoolLog> pending, long recorded) implements JsonSerializable {

  public MicroPoolFollowing {
    pools = Collections.unmodifiableMap(new LinkedHashMap<>(pools == null ? Map.of() : pools));
    pending = Collections.unmodifiableMap(new LinkedHashMap<>(pending == null ? Map.of() : pending));
  }

  public static MicroPoolFollowing empty() {
    return new MicroPoolFollowing(Map.of(), Map.of(), 0);
  }

  public boolean follows(String contract) {
    return pools.containsKey(contract);
  }

  MicroPoolFollowing follow(String contract, String poolId) {
    if (follows(contract)) return this;
    Map<String, String> next = new LinkedHashMap<>(pools);
    next.put(contract, poolId);
    return new MicroPoolFollowing(next, pending, recorded);
  }

  MicroPoolFollowing read(List<MicroPoolLog> logs) {
    Map<String, MicroPoolLog> next = new LinkedHashMap<>(pending);
    for (MicroPoolLog l : logs) next.put(l.fact().id(), l);
    return new MicroPoolFollowing(pools, next, recorded + logs.size());
  }

  MicroPoolFollowing delivered(String logId) {
    Map<String, MicroPoolLog> next = new LinkedHashMap<>(pending);
    next.remove(logId);
    return new MicroPoolFollowing(pools, next, recorded);
  }

  /** The first pending log of each pool, skipping pools that have one on its way already. */
  List<MicroPoolLog> nextPerPool(Set<String> poolsBusy) {
    Set<String> seen = new HashSet<>(poolsBusy);
    List<MicroPoolLog> next = new ArrayList<>();
    for (MicroPoolLog l : pending.values()) if (seen.add(l.poolId())) next.add(l);
    return next;
  }
}
