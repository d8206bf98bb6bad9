package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardDistribution.Leg;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** R1 itself is checked from the vector file in {@link PoolsAndPenaltiesVectorsTest}. */
class RewardDistributionTest {

  private static final String DEV = "dev-fund";

  private static SortedMap<String, BigInteger> times(Object... idsAndValues) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2)
      map.put((String) idsAndValues[i], BigInteger.valueOf(((Number) idsAndValues[i + 1]).longValue()));
    return map;
  }

  private static Balances pool(Amount... amounts) {
    Balances b = Balances.empty();
    for (Amount a : amounts) b = b.credit(a);
    return b;
  }

  private static Leg leg(String to, Asset asset, long units, Group group) {
    return new Leg(to, Amount.of(asset, units), group);
  }

  @Test
  void sharesAreFlooredAndDevelopmentTakesTheRemainder() {
    Map<Group, Amount> shares = RewardDistribution.shares(Amount.of(Asset.ETH, 9), RewardSplit.DEFAULT);
    // 9 × 30 % = 2.7, × 40 % = 3.6, × 20 % = 1.8: floors 2, 3, 1, so development gets 3, not 0.9.
    assertEquals(Amount.of(Asset.ETH, 2), shares.get(Group.GOVERNORS));
    assertEquals(Amount.of(Asset.ETH, 3), shares.get(Group.PROVIDERS_REQUESTERS));
    assertEquals(Amount.of(Asset.ETH, 1), shares.get(Group.STAKERS));
    assertEquals(Amount.of(Asset.ETH, 3), shares.get(Group.DEVELOPMENT));
  }

  @Test
  void eachAssetIsSplitOnItsOwnInAssetThenGroupThenAddressOrder() {
    Map<Group, SortedMap<String, BigInteger>> stakeTimes = Map.of(
        Group.GOVERNORS, times("g2", 1, "g1", 1),
        Group.PROVIDERS_REQUESTERS, times("p", 5),
        Group.STAKERS, times("s", 2));
    List<Leg> legs = RewardDistribution.distribute(pool(Amount.of(Asset.ETH, 100), Amount.of(Asset.BHKR, 10)),
        RewardSplit.DEFAULT, stakeTimes, DEV);
    assertEquals(List.of(
        leg("g1", Asset.BHKR, 2, Group.GOVERNORS), leg("g2", Asset.BHKR, 1, Group.GOVERNORS),
        leg("p", Asset.BHKR, 4, Group.PROVIDERS_REQUESTERS), leg("s", Asset.BHKR, 2, Group.STAKERS),
        leg(DEV, Asset.BHKR, 1, Group.DEVELOPMENT),
        leg("g1", Asset.ETH, 15, Group.GOVERNORS), leg("g2", Asset.ETH, 15, Group.GOVERNORS),
        leg("p", Asset.ETH, 40, Group.PROVIDERS_REQUESTERS), leg("s", Asset.ETH, 20, Group.STAKERS),
        leg(DEV, Asset.ETH, 10, Group.DEVELOPMENT)), legs);
    assertEquals(Balances.empty(), RewardDistribution.kept(pool(Amount.of(Asset.ETH, 100), Amount.of(Asset.BHKR, 10)), legs));
  }

  @Test
  void aGroupWithoutPositiveStakeTimeKeepsItsShareInThePool() {
    Balances pool = pool(Amount.of(Asset.BHKR, 1000));
    Map<Group, SortedMap<String, BigInteger>> stakeTimes = new EnumMap<>(Group.class);
    stakeTimes.put(Group.GOVERNORS, times("g1", 0, "g2", 0));
    stakeTimes.put(Group.STAKERS, times());
    // PROVIDERS_REQUESTERS missing altogether
    List<Leg> legs = RewardDistribution.distribute(pool, RewardSplit.DEFAULT, stakeTimes, DEV);
    assertEquals(List.of(leg(DEV, Asset.BHKR, 100, Group.DEVELOPMENT)), legs);
    assertEquals(pool(Amount.of(Asset.BHKR, 900)), RewardDistribution.kept(pool, legs));
  }

  @Test
  void participantsWithZeroStakeTimeAreLeftOutAndZeroLegsOmitted() {
    Balances pool = pool(Amount.of(Asset.BHKR, 10));
    Map<Group, SortedMap<String, BigInteger>> stakeTimes = Map.of(Group.GOVERNORS, times("idle", 0, "big", 1_000_000, "tiny", 1));
    List<Leg> legs = RewardDistribution.distribute(pool, RewardSplit.DEFAULT, stakeTimes, DEV);
    // governors' 3 all go to "big": "tiny" has positive stake-time but a zero part, so no leg.
    assertEquals(List.of(leg("big", Asset.BHKR, 3, Group.GOVERNORS), leg(DEV, Asset.BHKR, 1, Group.DEVELOPMENT)), legs);
  }

  @Test
  void anEmptyPoolOrAZeroSplitPaysNothing() {
    Map<Group, SortedMap<String, BigInteger>> stakeTimes = Map.of(Group.GOVERNORS, times("g", 5));
    assertEquals(List.of(), RewardDistribution.distribute(Balances.empty(), RewardSplit.DEFAULT, stakeTimes, DEV));
    RewardSplit allToDevelopment = new RewardSplit(0, 0, 0, 10_000);
    assertEquals(List.of(leg(DEV, Asset.AETH, 7, Group.DEVELOPMENT)),
        RewardDistribution.distribute(pool(Amount.of(Asset.AETH, 7)), allToDevelopment, stakeTimes, DEV));
    RewardSplit allToGovernors = new RewardSplit(10_000, 0, 0, 0);
    assertEquals(List.of(leg("g", Asset.AETH, 7, Group.GOVERNORS)),
        RewardDistribution.distribute(pool(Amount.of(Asset.AETH, 7)), allToGovernors, stakeTimes, DEV));
  }

  @Test
  void theOrderOfTheGivenMapsDoesNotMatter() {
    Balances pool = pool(Amount.of(Asset.BHKR, 1001), Amount.of(Asset.ETH, 77));
    SortedMap<String, BigInteger> reversed = new TreeMap<>(Comparator.reverseOrder());
    reversed.putAll(times("a", 3, "b", 3, "c", 1));
    Map<Group, SortedMap<String, BigInteger>> hashed = new HashMap<>();
    hashed.put(Group.STAKERS, times("s2", 4, "s1", 4));
    hashed.put(Group.GOVERNORS, reversed);
    Map<Group, SortedMap<String, BigInteger>> natural = new EnumMap<>(Group.class);
    natural.put(Group.GOVERNORS, times("a", 3, "b", 3, "c", 1));
    natural.put(Group.STAKERS, times("s1", 4, "s2", 4));
    List<Leg> legs = RewardDistribution.distribute(pool, RewardSplit.DEFAULT, natural, DEV);
    assertEquals(legs, RewardDistribution.distribute(pool, RewardSplit.DEFAULT, hashed, DEV));
    // and the legs come out in address order whatever order the map iterates in
    assertEquals("a", legs.get(0).to());
  }

  @Test
  void keptRefusesLegsBeyondThePool() {
    Balances pool = pool(Amount.of(Asset.BHKR, 10));
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.kept(pool, List.of(leg("x", Asset.BHKR, 11, Group.GOVERNORS))));
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.kept(pool, List.of(leg("x", Asset.ETH, 1, Group.GOVERNORS))));
    assertEquals(pool(Amount.of(Asset.BHKR, 4)),
        RewardDistribution.kept(pool, List.of(leg("x", Asset.BHKR, 5, Group.GOVERNORS), leg("y", Asset.BHKR, 1, Group.STAKERS))));
  }

  @Test
  void refusesBadInput() {
    Balances pool = pool(Amount.of(Asset.BHKR, 10));
    Map<Group, SortedMap<String, BigInteger>> ok = Map.of(Group.GOVERNORS, times("g", 1));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.distribute(null, RewardSplit.DEFAULT, ok, DEV));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.distribute(pool, null, ok, DEV));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, null, DEV));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, ok, null));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, ok, " "));
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, Map.of(Group.STAKERS, times("s", -1)), DEV));
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, Map.of(Group.STAKERS, times(" ", 1)), DEV));
    SortedMap<String, BigInteger> nullTime = new TreeMap<>();
    nullTime.put("s", null);
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, Map.of(Group.STAKERS, nullTime), DEV));
    assertThrows(IllegalArgumentException.class,
        () -> RewardDistribution.distribute(pool, RewardSplit.DEFAULT, Map.of(Group.DEVELOPMENT, times("d", 1)), DEV));
    // an empty DEVELOPMENT entry is harmless
    assertTrue(RewardDistribution.distribute(pool, RewardSplit.DEFAULT, Map.of(Group.DEVELOPMENT, times()), DEV).size() == 1);
    assertThrows(IllegalArgumentException.class, () -> new Leg("", Amount.of(Asset.BHKR, 1), Group.GOVERNORS));
    assertThrows(IllegalArgumentException.class, () -> new Leg("x", null, Group.GOVERNORS));
    assertThrows(IllegalArgumentException.class, () -> new Leg("x", Amount.of(Asset.BHKR, 1), null));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.shares(null, RewardSplit.DEFAULT));
    assertThrows(IllegalArgumentException.class, () -> RewardDistribution.shares(Amount.of(Asset.BHKR, 1), null));
  }
}
