package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Placement by capacity and nodes out of the round (economics 7): pure functions of their inputs. */
class ProjectPlacementProperties {

  private static Resources cpu(int ghz) {
    return new Resources(ghz, ghz, ghz, ghz);
  }

  @Property
  void placingProjectsOneByOneNeverOverbooksANodeAndPicksTheFirstWithRoom(
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 64) Integer> capacities,
      @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 32) Integer> projects) {
    SortedMap<String, Resources> capacity = new TreeMap<>();
    for (int i = 0; i < capacities.size(); i++) capacity.put("n-" + i, cpu(capacities.get(i)));
    SortedMap<String, List<Resources>> placed = new TreeMap<>();
    capacity.keySet().forEach(n -> placed.put(n, new ArrayList<>()));
    for (int need : projects) {
      SortedMap<String, Resources> free = new TreeMap<>();
      capacity.forEach((n, c) -> free.put(n, ProjectPlacement.free(c, placed.get(n))));
      Optional<String> node = ProjectPlacement.node(free, cpu(need));
      Optional<String> expected = free.entrySet().stream().filter(e -> e.getValue().cpuGhz() >= need).map(e -> e.getKey()).findFirst();
      assertEquals(expected, node);
      node.ifPresent(n -> placed.get(n).add(cpu(need)));
    }
    placed.forEach((n, list) -> assertTrue(capacity.get(n).covers(list.stream().reduce(Resources.NONE, Resources::plus))));
  }

  @Property
  void nodesOutOfTheRoundAreExactlyTheRunningOnesTheNoticeLacks(
      @ForAll @Size(max = 8) Set<@IntRange(min = 0, max = 9) Integer> running,
      @ForAll @Size(max = 8) Set<@IntRange(min = 0, max = 9) Integer> inPeriod) {
    List<String> r = running.stream().map(i -> "n-" + i).toList();
    Set<String> in = new java.util.HashSet<>(inPeriod.stream().map(i -> "n-" + i).toList());
    var out = ServiceLevel.outOfRound(r, in);
    for (String n : r) assertEquals(!in.contains(n), out.contains(n));
    assertTrue(r.containsAll(out));
  }

  @Test
  void moreThanItsCapacityAlreadyPlacedLeavesNoRoom() {
    assertEquals(Resources.NONE, ProjectPlacement.free(cpu(4), List.of(cpu(3), cpu(3))));
    assertEquals(Optional.empty(), ProjectPlacement.node(new TreeMap<>(), cpu(1)));
  }
}
