package io.bhkr.nodes;

import io.bhkr.provider.ProjectPlaced;
import io.bhkr.provider.ProjectUnplaced;
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

/**
 * A node's registration, the BHKR staked on its sidecar lot by lot per staker, and the projects
 * its provider ran on it, in the order they started.
 */
public record NodeState(NodeRegistered registration, Map<String, List<StakeLot>> stakes, List<ProjectRun> projects, Outbox outbox,
    Seen seen) implements JsonSerializable {

  public NodeState {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>();
    stakes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    stakes = Collections.unmodifiableMap(copy);
    projects = List.copyOf(projects);
  }

  /** The project running on the node, if any. */
  public ProjectRun running() {
    return projects.stream().filter(p -> p.finishedAt() == 0).findFirst().orElse(null);
  }

  NodeState placed(ProjectPlaced p) {
    List<ProjectRun> copy = new ArrayList<>(projects);
    if (copy.stream().noneMatch(r -> r.projectId().equals(p.projectId()))) copy.add(new ProjectRun(p.projectId(), p.at(), 0));
    return new NodeState(registration, stakes, copy, outbox, seen.with(p.id()));
  }

  /** An unplacing that arrives before its placing (delivery is not ordered) still records the finish. */
  NodeState unplaced(ProjectUnplaced u) {
    List<ProjectRun> copy = new ArrayList<>(projects);
    copy.removeIf(r -> r.projectId().equals(u.projectId()));
    long started = projects.stream().filter(r -> r.projectId().equals(u.projectId())).mapToLong(ProjectRun::startedAt).findFirst()
        .orElse(u.at());
    copy.add(new ProjectRun(u.projectId(), started, Math.max(u.at(), 1)));
    return new NodeState(registration, stakes, copy, outbox, seen.with(u.id()));
  }

  public static NodeState empty() {
    return new NodeState(null, Map.of(), List.of(), Outbox.empty(), Seen.none());
  }

  public BigInteger staked(String staker) {
    return stakes.getOrDefault(staker, List.of()).stream().map(StakeLot::amount).reduce(BigInteger.ZERO, BigInteger::add);
  }

  public BigInteger totalStaked() {
    return stakes.keySet().stream().map(this::staked).reduce(BigInteger.ZERO, BigInteger::add);
  }

  NodeState registered(NodeRegistered e) {
    return new NodeState(e, stakes, projects, outbox, seen);
  }

  /** A stake arrived: a new lot from the time it was paid. */
  NodeState staked(Transfer t) {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>(stakes);
    List<StakeLot> lots = new ArrayList<>(copy.getOrDefault(t.from().id(), List.of()));
    lots.add(new StakeLot(t.amount().amount(), t.at()));
    copy.put(t.from().id(), lots);
    return new NodeState(registration, copy, projects, outbox, seen.with(t.id()));
  }

  /** The rest of the staker's BHKR becomes one lot counting from the withdrawal: unpaid stake-time is forfeited. */
  NodeState withdrawn(StakeWithdrawn e) {
    TreeMap<String, List<StakeLot>> copy = new TreeMap<>(stakes);
    BigInteger rest = staked(e.staker()).subtract(e.amount());
    if (rest.signum() == 0) copy.remove(e.staker());
    else copy.put(e.staker(), List.of(new StakeLot(rest, e.at())));
    return new NodeState(registration, copy, projects, outbox, seen);
  }

  NodeState received(Dispatch d) {
    return new NodeState(registration, stakes, projects, outbox, seen.with(d.id()));
  }

  NodeState sent(Dispatch d) {
    return new NodeState(registration, stakes, projects, outbox.add(d), seen.with(d.id()));
  }

  NodeState confirmed(String id) {
    return new NodeState(registration, stakes, projects, outbox.confirm(id), seen);
  }
}
