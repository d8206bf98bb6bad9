package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LargestRemainderProperties {

  @Provide
  Arbitrary<BigInteger> totals() {
    return Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)));
  }

  @Provide
  Arbitrary<SortedMap<String, BigInteger>> weights() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcdefgXYZ019").ofMinLength(1).ofMaxLength(4);
    Arbitrary<BigInteger> weight = Arbitraries.oneOf(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(24)));
    return Arbitraries.maps(ids, weight).ofMinSize(1).ofMaxSize(12).map(TreeMap::new);
  }

  @Property
  void partsAddUpToTheTotalAndStayWithinOneUnitOfTheExactShare(@ForAll("totals") BigInteger total,
      @ForAll("weights") SortedMap<String, BigInteger> weights) {
    BigInteger sumOfWeights = weights.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    Assume.that(sumOfWeights.signum() > 0);

    SortedMap<String, BigInteger> parts = LargestRemainder.split(total, weights);

    assertEquals(weights.keySet(), parts.keySet());
    assertEquals(total, parts.values().stream().reduce(BigInteger.ZERO, BigInteger::add));
    for (Map.Entry<String, BigInteger> part : parts.entrySet()) {
      // |part - total*w/sumW| < 1, multiplied through by sumW to stay exact.
      BigInteger gap = part.getValue().multiply(sumOfWeights).subtract(total.multiply(weights.get(part.getKey()))).abs();
      assertTrue(gap.compareTo(sumOfWeights) < 0, part.getKey() + " got " + part.getValue() + ", gap " + gap + "/" + sumOfWeights);
    }
  }
}
