package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TrustTierTest {

  private static BigInteger eth(long n) {
    return TrustTier.ETH.multiply(BigInteger.valueOf(n));
  }

  @Test
  void theSpecsTiersWithTheDefaults() {
    assertEquals(TrustTier.TRUSTED, TrustTier.of(800, 800, 400));
    assertEquals(BigInteger.ZERO, TrustTier.k(1000, 800, 400));
    assertEquals(BigInteger.ZERO, TrustTier.k(800, 800, 400));
    assertEquals(eth(1), TrustTier.k(799, 800, 400)); // 16 × 1/400 = 0.04 ETH, rounded up
    assertEquals(eth(8), TrustTier.k(600, 800, 400));
    assertEquals(eth(15), TrustTier.k(440, 800, 400)); // 14.4 → 15
    assertEquals(eth(16), TrustTier.k(400, 800, 400));
    assertEquals(TrustTier.STANDARD, TrustTier.of(400, 800, 400));
    assertEquals(TrustTier.UNTRUSTED, TrustTier.of(399, 800, 400));
    assertEquals(eth(16), TrustTier.k(0, 800, 400));
  }
}
