package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.rules.RewardDistribution.Group;
import org.junit.jupiter.api.Test;

class RewardSplitTest {

  @Test
  void defaultIsTheSpecsSplit() {
    assertEquals(new RewardSplit(3000, 4000, 2000, 1000), RewardSplit.DEFAULT);
    assertEquals(3000, RewardSplit.DEFAULT.bps(Group.GOVERNORS));
    assertEquals(4000, RewardSplit.DEFAULT.bps(Group.PROVIDERS_REQUESTERS));
    assertEquals(2000, RewardSplit.DEFAULT.bps(Group.STAKERS));
    assertEquals(1000, RewardSplit.DEFAULT.bps(Group.DEVELOPMENT));
  }

  @Test
  void acceptsAnySplitOfTheWhole() {
    new RewardSplit(10_000, 0, 0, 0);
    new RewardSplit(0, 0, 0, 10_000);
    new RewardSplit(2500, 2500, 2500, 2500);
  }

  @Test
  void refusesNegativesAndSumsOtherThanTheWhole() {
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(3000, 4000, 2000, 999));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(3000, 4000, 2000, 1001));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(-1000, 5000, 5000, 1000));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(5000, -1, 5000, 1));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(5000, 5000, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(5000, 5001, 0, -1));
    // int overflow must not sneak a sum of 10_000 through
    assertThrows(IllegalArgumentException.class, () -> new RewardSplit(Integer.MAX_VALUE, Integer.MAX_VALUE, 2, 10_000));
    assertThrows(IllegalArgumentException.class, () -> RewardSplit.DEFAULT.bps(null));
  }
}
