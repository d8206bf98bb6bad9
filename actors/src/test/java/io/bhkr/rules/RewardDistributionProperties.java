package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardDistribution.Leg;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

/**
 * Pools mix tiny balances (so rounding and zero legs come up) with token-sized ones; groups are
 * often empty or hold participants with stake-time 0, and ids overlap across groups and with the
 * development fund.
 */
class RewardDistributionProperties {

  private static final String DEV = "dev";
  private static final BigInteger BASIS = BigInteger.valueOf(10_000);
  private static final List<Group> STAKE_TIME_GROUPS = List.of(Group.GOVERNORS, Group.PROVIDERS_REQUESTERS, Group.STAKERS);

  @Provide
  Arbitrary<Balances> pools() {
    Arbitrary<BigInteger> units = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(BigInteger.ZERO)),
        Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(50))),
        Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(27))));
    return Combinators.combine(units, units, units).as((b, e, a) -> {
      Map<Asset, BigInteger> m = new EnumMap<>(Asset.class);
      m.put(Asset.BHKR, b);
      m.put(Asset.ETH, e);
      m.put(Asset.AETH, a);
      return new Balances(m);
    });
  }

  /** Three cut points in 0..10_000 make four non-negative parts of the whole. */
  @Provide
  Arbitrary<RewardSplit> splits() {
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 10_000);
    Arbitrary<RewardSplit> random = Combinators.combine(cut, cut, cut).as((x, y, z) -> {
      List<Integer> cuts = new ArrayList<>(List.of(x, y, z));
      Collections.sort(cuts);
      return new RewardSplit(cuts.get(0), cuts.get(1) - cuts.get(0), cuts.get(2) - cuts.get(1), 10_000 - cuts.get(2));
    });
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(RewardSplit.DEFAULT)), Tuple.of(3, random));
  }

  @Provide
  Arbitrary<Map<Group, SortedMap<String, BigInteger>>> stakeTimes() {
    Arbitrary<SortedMap<String, BigInteger>> group = group();
    return Combinators.combine(group, group, group).as((g, p, s) -> {
      Map<Group, SortedMap<String, BigInteger>> m = new EnumMap<>(Group.class);
      m.put(Group.GOVERNORS, g);
      m.put(Group.PROVIDERS_REQUESTERS, p);
      m.put(Group.STAKERS, s);
      return m;
    });
  }

  private static Arbitrary<SortedMap<String, BigInteger>> group() {
    // a small id set, so ids recur across groups; "dev" is also the development fund's address
    Arbitrary<String> ids = Arbitraries.oneOf(Arbitraries.of("a", "b", "c", "x", "y", DEV),
        Arbitraries.strings().withChars("abcxyz").ofMinLength(1).ofMaxLength(3));
    Arbitrary<BigInteger> time = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(BigInteger.ZERO)),
        Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(20))),
        Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.TEN.pow(30))));
    return Arbitraries.maps(ids, time).ofMaxSize(6).map(TreeMap::new);
  }

  private static BigInteger share(BigInteger balance, int bps) {
    return balance.multiply(BigInteger.valueOf(bps)).divide(BASIS);
  }

  private static boolean hasMember(SortedMap<String, BigInteger> group) {
    return group != null && group.values().stream().anyMatch(t -> t.signum() > 0);
  }

  private static BigInteger paid(List<Leg> legs, Asset asset, Group group) {
    return legs.stream().filter(l -> l.amount().asset() == asset && l.group() == group)
        .map(l -> l.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  @Property
  void legsPlusKeptAddUpToThePoolAndOnlyEmptyGroupsAreKept(@ForAll("pools") Balances pool, @ForAll("splits") RewardSplit split,
      @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    List<Leg> legs = RewardDistribution.distribute(pool, split, stakeTimes, DEV);
    Balances kept = RewardDistribution.kept(pool, legs);
    for (Asset asset : Asset.values()) {
      BigInteger balance = pool.of(asset).amount();
      BigInteger expectedKept = BigInteger.ZERO;
      for (Group group : STAKE_TIME_GROUPS) {
        BigInteger share = share(balance, split.bps(group));
        if (hasMember(stakeTimes.get(group))) assertEquals(share, paid(legs, asset, group), asset + " " + group);
        else {
          assertEquals(BigInteger.ZERO, paid(legs, asset, group), asset + " " + group + " has no member");
          expectedKept = expectedKept.add(share);
        }
      }
      assertEquals(expectedKept, kept.of(asset).amount(), asset + " kept");
      BigInteger allLegs = legs.stream().filter(l -> l.amount().asset() == asset).map(l -> l.amount().amount())
          .reduce(BigInteger.ZERO, BigInteger::add);
      assertEquals(balance, allLegs.add(kept.of(asset).amount()), asset + ": nothing created or lost");
    }
  }

  @Property
  void everyLegIsPositiveAndGoesToAnEligibleRecipient(@ForAll("pools") Balances pool, @ForAll("splits") RewardSplit split,
      @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    for (Leg leg : RewardDistribution.distribute(pool, split, stakeTimes, DEV)) {
      assertTrue(leg.amount().amount().signum() > 0, "leg " + leg);
      if (leg.group() == Group.DEVELOPMENT) assertEquals(DEV, leg.to());
      else {
        BigInteger time = stakeTimes.get(leg.group()).get(leg.to());
        assertTrue(time != null && time.signum() > 0, leg + " to someone without stake-time in " + leg.group());
      }
    }
  }

  @Property
  void legsAreOrderedByAssetThenGroupThenAddressWithoutDuplicates(@ForAll("pools") Balances pool,
      @ForAll("splits") RewardSplit split, @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    List<Leg> legs = RewardDistribution.distribute(pool, split, stakeTimes, DEV);
    Comparator<Leg> order = Comparator.<Leg, Asset>comparing(l -> l.amount().asset()).thenComparing(Leg::group).thenComparing(Leg::to);
    for (int i = 1; i < legs.size(); i++)
      assertTrue(order.compare(legs.get(i - 1), legs.get(i)) < 0, legs.get(i - 1) + " then " + legs.get(i));
  }

  @Property
  void developmentGetsTheRemainderOfEachAsset(@ForAll("pools") Balances pool, @ForAll("splits") RewardSplit split,
      @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    List<Leg> legs = RewardDistribution.distribute(pool, split, stakeTimes, DEV);
    for (Asset asset : Asset.values()) {
      BigInteger balance = pool.of(asset).amount();
      BigInteger remainder = balance.subtract(share(balance, split.governorsBps()))
          .subtract(share(balance, split.providersRequestersBps())).subtract(share(balance, split.stakersBps()));
      List<Leg> development = legs.stream().filter(l -> l.amount().asset() == asset && l.group() == Group.DEVELOPMENT).toList();
      if (remainder.signum() == 0) assertEquals(List.of(), development);
      else assertEquals(List.of(new Leg(DEV, new Amount(asset, remainder), Group.DEVELOPMENT)), development);
      // the remainder is development's exact share plus the other three's dust, each under one
      // unit: so it is its floor share plus at most 3 units
      BigInteger floor = share(balance, split.developmentBps());
      assertTrue(remainder.compareTo(floor) >= 0 && remainder.compareTo(floor.add(BigInteger.valueOf(3))) <= 0,
          asset + " " + remainder + " vs floor " + floor);
    }
  }

  /** A participant who staked the same amount earlier never gets less, in any asset. */
  @Property
  void aStakerPresentLongerNeverGetsLess(@ForAll("pools") Balances pool, @ForAll("splits") RewardSplit split,
      @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes, @ForAll("groups") Group group,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000_000L) long stake,
      @ForAll @LongRange(min = 0, max = 86_400) long since, @ForAll @LongRange(min = 0, max = 86_400) long earlier) {
    BigInteger amount = BigInteger.valueOf(stake);
    long epochStart = 0;
    long epochEnd = 86_400;
    Map<Group, SortedMap<String, BigInteger>> later = withParticipant(stakeTimes, group, StakeTime.of(amount, since, epochStart, epochEnd));
    Map<Group, SortedMap<String, BigInteger>> longer =
        withParticipant(stakeTimes, group, StakeTime.of(amount, since - earlier, epochStart, epochEnd));
    List<Leg> before = RewardDistribution.distribute(pool, split, later, DEV);
    List<Leg> after = RewardDistribution.distribute(pool, split, longer, DEV);
    for (Asset asset : Asset.values())
      assertTrue(received(after, asset, group).compareTo(received(before, asset, group)) >= 0,
          asset + ": " + received(before, asset, group) + " then " + received(after, asset, group));
  }

  @Provide
  Arbitrary<Group> groups() {
    return Arbitraries.of(STAKE_TIME_GROUPS);
  }

  private static final String ME = "me";

  private static Map<Group, SortedMap<String, BigInteger>> withParticipant(Map<Group, SortedMap<String, BigInteger>> stakeTimes,
      Group group, BigInteger time) {
    Map<Group, SortedMap<String, BigInteger>> copy = new EnumMap<>(Group.class);
    stakeTimes.forEach((g, m) -> copy.put(g, new TreeMap<>(m)));
    copy.get(group).put(ME, time);
    return copy;
  }

  private static BigInteger received(List<Leg> legs, Asset asset, Group group) {
    return legs.stream().filter(l -> l.to().equals(ME) && l.group() == group && l.amount().asset() == asset)
        .map(l -> l.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The same participants given through other map types and iteration orders yield the same legs. */
  @Property
  void deterministicWhateverTheMapsOrder(@ForAll("pools") Balances pool, @ForAll("splits") RewardSplit split,
      @ForAll("stakeTimes") Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    Map<Group, SortedMap<String, BigInteger>> shuffled = new LinkedHashMap<>();
    List<Group> groups = new ArrayList<>(stakeTimes.keySet());
    Collections.reverse(groups);
    for (Group g : groups) {
      SortedMap<String, BigInteger> reversed = new TreeMap<>(Comparator.reverseOrder());
      reversed.putAll(stakeTimes.get(g));
      shuffled.put(g, reversed);
    }
    List<Leg> legs = RewardDistribution.distribute(pool, split, stakeTimes, DEV);
    assertEquals(legs, RewardDistribution.distribute(pool, split, stakeTimes, DEV));
    assertEquals(legs, RewardDistribution.distribute(pool, split, shuffled, DEV));
  }
}
