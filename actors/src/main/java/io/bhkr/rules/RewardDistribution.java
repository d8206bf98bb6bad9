package io.bhkr.rules;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spec 5: the Reward Pool's distribution at the end of an epoch. Each asset is split on its own:
 * governors, providers+requesters and stakers get {@code floor(B × bps / 10_000)} each, shared
 * inside the group pro rata by stake-time (largest remainder); development gets the remainder of
 * B, paid to the development fund. A group with nobody of positive stake-time gets no legs: its
 * share stays in the pool for the next epoch.
 */
public final class RewardDistribution {

  private static final BigInteger BASIS = BigInteger.valueOf(10_000);

  /** The pool's four groups, in the order their legs are listed. */
  public enum Group { GOVERNORS, PROVIDERS_REQUESTERS, STAKERS, DEVELOPMENT }

  /** One payment out of the Reward Pool to {@code to}, an account address. */
  public record Leg(String to, Amount amount, Group group) {
    public Leg {
      if (to == null || to.isBlank()) throw new IllegalArgumentException("recipient is missing");
      if (amount == null) throw new IllegalArgumentException("amount is missing");
      if (group == null) throw new IllegalArgumentException("group is missing");
    }
  }

  private RewardDistribution() {}

  /**
   * The group shares of one asset's balance: the three stake-time groups by their rate, then
   * development as whatever they leave. The four always add up to {@code balance}.
   */
  public static Map<Group, Amount> shares(Amount balance, RewardSplit split) {
    if (balance == null) throw new IllegalArgumentException("balance is missing");
    if (split == null) throw new IllegalArgumentException("reward split is missing");
    Map<Group, Amount> shares = new EnumMap<>(Group.class);
    Amount rest = balance;
    for (Group group : Group.values()) {
      if (group == Group.DEVELOPMENT) continue;
      Amount share = new Amount(balance.asset(), balance.amount().multiply(BigInteger.valueOf(split.bps(group))).divide(BASIS));
      shares.put(group, share);
      rest = rest.minus(share);
    }
    shares.put(Group.DEVELOPMENT, rest);
    return Collections.unmodifiableMap(shares);
  }

  /**
   * The epoch's legs, ordered by asset, then group, then address; zero legs are left out.
   *
   * @param stakeTimes for GOVERNORS, PROVIDERS_REQUESTERS and STAKERS, each participant's
   *     stake-time in the epoch (see {@link StakeTime}); a missing group counts as empty and
   *     participants with stake-time 0 are left out. DEVELOPMENT has no participants: it is paid
   *     wholly to {@code developmentFund}.
   */
  public static List<Leg> distribute(Balances pool, RewardSplit split, Map<Group, SortedMap<String, BigInteger>> stakeTimes,
      String developmentFund) {
    if (pool == null) throw new IllegalArgumentException("pool balances are missing");
    if (split == null) throw new IllegalArgumentException("reward split is missing");
    if (stakeTimes == null) throw new IllegalArgumentException("stake-times are missing");
    if (developmentFund == null || developmentFund.isBlank()) throw new IllegalArgumentException("development fund address is missing");
    Map<Group, SortedMap<String, BigInteger>> eligible = new EnumMap<>(Group.class);
    for (Group group : Group.values()) eligible.put(group, eligible(group, stakeTimes));

    List<Leg> legs = new ArrayList<>();
    for (Asset asset : Asset.values()) {
      Amount balance = pool.of(asset);
      if (balance.isZero()) continue;
      Map<Group, Amount> shares = shares(balance, split);
      for (Group group : Group.values()) {
        Amount share = shares.get(group);
        if (share.isZero()) continue;
        if (group == Group.DEVELOPMENT) {
          legs.add(new Leg(developmentFund, share, group));
          continue;
        }
        SortedMap<String, BigInteger> members = eligible.get(group);
        if (members.isEmpty()) continue; // kept in the pool for the next epoch
        LargestRemainder.split(share.amount(), members).forEach((to, part) -> {
          if (part.signum() > 0) legs.add(new Leg(to, new Amount(asset, part), group));
        });
      }
    }
    return List.copyOf(legs);
  }

  /** What stays in the pool after paying {@code legs}: the pool minus their sum, per asset. */
  public static Balances kept(Balances pool, List<Leg> legs) {
    if (pool == null) throw new IllegalArgumentException("pool balances are missing");
    if (legs == null) throw new IllegalArgumentException("legs are missing");
    Map<Asset, BigInteger> left = new EnumMap<>(pool.byAsset());
    for (Leg leg : legs) {
      if (leg == null) throw new IllegalArgumentException("a leg is null");
      left.merge(leg.amount().asset(), leg.amount().amount().negate(), BigInteger::add);
    }
    left.forEach((asset, rest) -> {
      if (rest.signum() < 0)
        throw new IllegalArgumentException("legs pay " + pool.of(asset).amount().subtract(rest) + " " + asset + " but the pool holds "
            + pool.of(asset).amount());
    });
    return new Balances(left);
  }

  /** The group's participants with positive stake-time, in address order; refuses bad entries. */
  private static SortedMap<String, BigInteger> eligible(Group group, Map<Group, SortedMap<String, BigInteger>> stakeTimes) {
    SortedMap<String, BigInteger> given = stakeTimes.get(group);
    SortedMap<String, BigInteger> members = new TreeMap<>();
    if (given == null) return members;
    if (group == Group.DEVELOPMENT && !given.isEmpty())
      throw new IllegalArgumentException("DEVELOPMENT has no stake-time participants: it is paid wholly to the development fund");
    for (Map.Entry<String, BigInteger> e : given.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) throw new IllegalArgumentException("a " + group + " address is missing");
      if (e.getValue() == null || e.getValue().signum() < 0)
        throw new IllegalArgumentException("stake-time of " + e.getKey() + " in " + group + " must be a non-negative number: " + e.getValue());
      if (e.getValue().signum() > 0) members.put(e.getKey(), e.getValue());
    }
    return members;
  }
}
