package io.bhkr.pool;

import io.bhkr.money.Asset;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** What the Insurance Pool still owes the victims of one claim; paid first from later inflows. */
public record Shortfall(String claimId, Asset asset, SortedMap<String, BigInteger> owed) implements JsonSerializable {

  public Shortfall {
    owed = Collections.unmodifiableSortedMap(new TreeMap<>(owed));
  }

  public BigInteger total() {
    return owed.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }
}
