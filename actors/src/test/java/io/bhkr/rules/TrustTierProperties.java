package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TrustTierProperties {

  @Property
  void kIsWholeEthBetweenZeroAndSixteenAndNeverRisesWithTheScore(@ForAll @LongRange(max = 1000) long score) {
    BigInteger k = TrustTier.k(score, 800, 400);
    assertEquals(BigInteger.ZERO, k.mod(TrustTier.ETH));
    assertTrue(k.signum() >= 0 && k.compareTo(TrustTier.MAX_K) <= 0);
    if (score < 1000) assertTrue(TrustTier.k(score + 1, 800, 400).compareTo(k) <= 0);
  }
}
