package io.bhkr.nodes;

import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A node's registration and the BHKR staked on its sidecar, lot by lot per staker. */
public record NodeState(NodeRegistered registration, Map<String, List<StakeLot>> stakes, Outbox outbox, Seen seen)
    implements JsonSerializable {

  public NodeState {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>();
    stakes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    stakes = Collections.unmodifiableMap(copy);
  }

  public static NodeState empty() {
    return new NodeState(null, Map.of(), Outbox.empty(), Seen.none());
  }

  public BigInteger staked(String staker) {
    return stakes.getOrDefault(staker, List.of()).stream().map(StakeLot::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  public BigInteger totalStaked() {
    return stakes.keySet().stream().map(this::staked).reduce(BigInteger.ZERO, BigInteger::add);
  }

  NodeState registered(NodeRegistered e) {
    return new NodeState(e, stakes, outbox, seen);
  }

  /** A stake arrived: a new lot from the time it was paid. */
  NodeState staked(Transfer t) {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>(stakes);
    List<StakeLot> lots = new ArrayList<>(copy.getOrDefault(t.from().id(), List.of()));
    lots.add(new StakeLot(t.amount().amount(), t.at()));
    copy.put(t.from().id(), lots);
    return new NodeState(registration, copy, outbox, seen.with(t.id()));
  }

  /** The rest of the staker's BHKR becomes one lot counting from the withdrawal: unpaid stake-time is forfeited. */
  NodeState withdrawn(StakeWithdrawn e) {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>(stakes);
    BigInteger rest = staked(e.staker()).subtract(e.amount());
    if (rest.signum() == 0) copy.remove(e.staker());
    else copy.put(e.staker(), List.of(new StakeLot(rest, e.at())));
    return new NodeState(registration, copy, outbox, seen);
  }

  NodeState received(Dispatch d) {
    return new NodeState(registration, stakes, outbox, seen.with(d.id()));
  }

  NodeState sent(Dispatch d) {
    return new NodeState(registration, stakes, outbox.add(d), seen.with(d.id()));
  }

  NodeState confirmed(String id) {
    return new NodeState(registration, stakes, outbox.confirm(id), seen);
  }
}
