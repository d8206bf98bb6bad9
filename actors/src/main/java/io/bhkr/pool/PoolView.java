package io.bhkr.pool;

import io.bhkr.money.Balances;
import io.bhkr.serialization.JsonSerializable;
import java.util.List;

/** What the API shows of a pool. */
public record PoolView(String pool, Balances balances, long epoch, long lastEpochEnd, List<Shortfall> shortfalls)
    implements JsonSerializable {

  public static final String REWARD = "reward";
  public static final String INSURANCE = "insurance";
}
