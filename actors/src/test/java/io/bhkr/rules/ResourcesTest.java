package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourcesTest {

  private final Resources node = new Resources(16, 64, 1024, 1000);
  private final Resources project = new Resources(4, 16, 128, 0);

  @Test
  void addsAndSubtractsPerDimension() {
    assertEquals(new Resources(20, 80, 1152, 1000), node.plus(project));
    assertEquals(new Resources(12, 48, 896, 1000), node.minus(project));
    assertEquals(node, node.plus(Resources.NONE));
    assertEquals(Resources.NONE, project.minus(project));
  }

  @Test
  void coversOnlyWhenEveryDimensionSuffices() {
    assertTrue(node.covers(project));
    assertTrue(project.covers(project));
    assertTrue(project.covers(Resources.NONE));
    assertFalse(project.covers(node));
    assertFalse(node.covers(new Resources(4, 16, 128, 1001)));
    assertFalse(node.covers(new Resources(17, 0, 0, 0)));
  }

  @Test
  void refusesNegatives() {
    assertThrows(IllegalArgumentException.class, () -> new Resources(-1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Resources(0, -1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Resources(0, 0, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Resources(0, 0, 0, -1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> project.minus(new Resources(0, 0, 0, 1)));
    assertTrue(e.getMessage().contains("cannot take"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> node.plus(new Resources(Long.MAX_VALUE, 0, 0, 0)));
    assertThrows(IllegalArgumentException.class, () -> node.plus(null));
  }
}
