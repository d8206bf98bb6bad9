package io.bhkr.simulation;

import java.math.BigInteger;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A 32 ETH validator and who staked in it: the provider's share k under {@code providerKey} and
 * the requester's (or micro-investors') stakes. {@code remaining} is each stake less the slashing
 * losses it bore (economics 7), what goes back at the end.
 */
final class Validator {

  final String holder;
  final String providerKey;
  final SortedMap<String, BigInteger> stakes = new TreeMap<>();
  final SortedMap<String, BigInteger> remaining = new TreeMap<>();
  long activeSince;

  Validator(String holder, String providerKey) {
    this.holder = holder;
    this.providerKey = providerKey;
  }

  void stake(String who, BigInteger eth) {
    stakes.merge(who, eth, BigInteger::add);
    remaining.merge(who, eth, BigInteger::add);
  }

  BigInteger providerShare() {
    return remaining.getOrDefault(providerKey, BigInteger.ZERO);
  }

  /** The stakes of everyone but the provider that are still there. */
  SortedMap<String, BigInteger> othersRemaining() {
    SortedMap<String, BigInteger> others = new TreeMap<>(remaining);
    others.remove(providerKey);
    return others;
  }

  BigInteger total() {
    return remaining.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }
}
