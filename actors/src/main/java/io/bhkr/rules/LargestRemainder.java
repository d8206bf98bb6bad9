package io.bhkr.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The spec's pro-rata split ("Units and arithmetic"): floor every share, then hand the leftover
 * units one each to the largest fractional remainders, ties by id ascending. The parts always
 * add up to the total, and every part is within one unit of its exact share.
 */
public final class LargestRemainder {

  private LargestRemainder() {}

  /** Splits {@code total} base units pro rata to {@code weights}; the result has the same ids. */
  public static SortedMap<String, BigInteger> split(BigInteger total, SortedMap<String, BigInteger> weights) {
    if (total == null || total.signum() < 0) throw new IllegalArgumentException("total must be a non-negative number: " + total);
    if (weights == null) throw new IllegalArgumentException("weights are missing");
    BigInteger sumOfWeights = BigInteger.ZERO;
    for (Map.Entry<String, BigInteger> e : weights.entrySet()) {
      if (e.getKey() == null) throw new IllegalArgumentException("a participant id is null");
      if (e.getValue() == null || e.getValue().signum() < 0)
        throw new IllegalArgumentException("weight of " + e.getKey() + " must be a non-negative number: " + e.getValue());
      sumOfWeights = sumOfWeights.add(e.getValue());
    }
    if (sumOfWeights.signum() == 0) throw new IllegalArgumentException("total weight is zero: nobody to split " + total + " among");

    // Remainders are compared as numerators over the common denominator sumOfWeights: exact.
    SortedMap<String, BigInteger> parts = new TreeMap<>();
    List<Map.Entry<String, BigInteger>> remainders = new ArrayList<>();
    BigInteger handedOut = BigInteger.ZERO;
    for (Map.Entry<String, BigInteger> e : weights.entrySet()) {
      BigInteger[] qr = total.multiply(e.getValue()).divideAndRemainder(sumOfWeights);
      parts.put(e.getKey(), qr[0]);
      remainders.add(Map.entry(e.getKey(), qr[1]));
      handedOut = handedOut.add(qr[0]);
    }
    remainders.sort(Map.Entry.<String, BigInteger>comparingByValue(Comparator.reverseOrder())
        .thenComparing(Map.Entry.comparingByKey()));
    // Fewer leftover units than participants: each floor loses less than one unit.
    int leftover = total.subtract(handedOut).intValueExact();
    for (int i = 0; i < leftover; i++) parts.merge(remainders.get(i).getKey(), BigInteger.ONE, BigInteger::add);
    return parts;
  }
}
