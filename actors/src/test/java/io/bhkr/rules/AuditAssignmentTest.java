package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditAssignmentTest {

  private static final byte[] ZERO = new byte[32];

  @Test
  void theSeedIsKeccakOfThePeriodWordAndTheBeacon() {
    byte[] word = new byte[32];
    word[31] = 5;
    assertEquals(Keccak256.hex(Keccak256.hash(word, ZERO)), Keccak256.hex(AuditAssignment.seed(5, ZERO)));
    assertNotEquals(Keccak256.hex(AuditAssignment.seed(5, ZERO)), Keccak256.hex(AuditAssignment.seed(6, ZERO)));
  }

  @Test
  void positionIAuditsTheNextKInPiOrder() {
    byte[] seed = AuditAssignment.seed(1, ZERO);
    List<String> nodes = List.of("a", "b", "c", "d", "e");
    List<String> pi = AuditAssignment.permutation(seed, nodes);
    Map<String, List<String>> targets = AuditAssignment.assign(seed, nodes, 3);
    for (int i = 0; i < 5; i++)
      assertEquals(List.of(pi.get((i + 1) % 5), pi.get((i + 2) % 5), pi.get((i + 3) % 5)), targets.get(pi.get(i)));
  }

  @Test
  void fewerNodesThanKMeansEveryoneAuditsEveryoneElse() {
    Map<String, List<String>> targets = AuditAssignment.assign(AuditAssignment.seed(1, ZERO), List.of("a", "b"), 3);
    assertEquals(List.of("b"), targets.get("a"));
    assertEquals(List.of("a"), targets.get("b"));
    assertTrue(AuditAssignment.assign(AuditAssignment.seed(1, ZERO), List.of("a"), 3).get("a").isEmpty());
  }

  @Test
  void aBeaconOfAnotherLengthIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> AuditAssignment.seed(1, new byte[31]));
  }
}
