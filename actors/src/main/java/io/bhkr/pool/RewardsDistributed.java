package io.bhkr.pool;

import io.bhkr.money.Balances;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardDistribution.Leg;
import io.bhkr.rules.RewardSplit;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One Reward Pool epoch (economics 5), with every input of its split: the window, the balance
 * distributed, the split, each group's stake-times and the development fund. Anyone can
 * recompute the legs from this event alone.
 */
public record RewardsDistributed(
    long epoch,
    long windowStart,
    long windowEnd,
    Balances balance,
    RewardSplit split,
    Map<Group, SortedMap<String, BigInteger>> stakeTimes,
    String developmentFund,
    List<Leg> legs)
    implements PoolEvents {}
