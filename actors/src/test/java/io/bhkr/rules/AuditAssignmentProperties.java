package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AuditAssignmentProperties {

  @Provide
  Arbitrary<List<String>> nodes() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8).set().ofMinSize(2).ofMaxSize(40)
        .map(ArrayList::new);
  }

  @Provide
  Arbitrary<byte[]> beacons() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Property
  void everyNodeHasExactlyKAuditorsAndEverySidecarKTargets(@ForAll("nodes") List<String> nodes, @ForAll("beacons") byte[] beacon,
      @ForAll @LongRange(max = 1_000_000) long period, @ForAll @IntRange(min = 1, max = 8) int k) {
    Map<String, List<String>> targets = AuditAssignment.assign(AuditAssignment.seed(period, beacon), nodes, k);
    int expected = Math.min(k, nodes.size() - 1);
    assertEquals(new HashSet<>(nodes), targets.keySet());
    targets.forEach((auditor, mine) -> {
      assertEquals(expected, mine.size(), auditor + " audits " + mine);
      assertEquals(expected, new HashSet<>(mine).size(), "no target twice");
      assertFalse(mine.contains(auditor), "nobody audits itself");
    });
    Map<String, List<String>> auditors = AuditAssignment.auditors(targets);
    for (String node : nodes) assertEquals(expected, auditors.get(node).size(), node + " audited by " + auditors.get(node));
  }

  @Property
  void theSameInputsInAnyOrderGiveTheSameAssignment(@ForAll("nodes") List<String> nodes, @ForAll("beacons") byte[] beacon,
      @ForAll @LongRange(max = 1_000_000) long period) {
    byte[] seed = AuditAssignment.seed(period, beacon);
    List<String> shuffled = new ArrayList<>(nodes);
    Collections.reverse(shuffled);
    assertEquals(AuditAssignment.assign(seed, nodes, 3), AuditAssignment.assign(AuditAssignment.seed(period, beacon.clone()), shuffled, 3));
  }

  @Property
  void thePermutationIsOfTheNodes(@ForAll("nodes") List<String> nodes, @ForAll("beacons") byte[] beacon) {
    List<String> pi = AuditAssignment.permutation(AuditAssignment.seed(7, beacon), nodes);
    List<String> a = new ArrayList<>(pi);
    List<String> b = new ArrayList<>(nodes);
    Collections.sort(a);
    Collections.sort(b);
    assertEquals(b, a);
  }
}
