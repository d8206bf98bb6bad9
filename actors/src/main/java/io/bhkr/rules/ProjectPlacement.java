package io.bhkr.rules;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where a provider runs a won project (economics 7): on the first running node, by id, whose
 * declared capacity less what its placed projects use covers the project's resources. With no such
 * node the project waits.
 */
public final class ProjectPlacement {

  private ProjectPlacement() {}

  /** What is left of {@code capacity} once {@code placed} run on it; nothing if they already exceed it. */
  public static Resources free(Resources capacity, Collection<Resources> placed) {
    Resources used = placed.stream().reduce(Resources.NONE, Resources::plus);
    return capacity.covers(used) ? capacity.minus(used) : Resources.NONE;
  }

  /** The first node, by id, whose free capacity covers {@code need}. */
  public static Optional<String> node(SortedMap<String, Resources> freeByRunningNode, Resources need) {
    return freeByRunningNode.entrySet().stream().filter(e -> e.getValue().covers(need)).map(Map.Entry::getKey).findFirst();
  }
}
