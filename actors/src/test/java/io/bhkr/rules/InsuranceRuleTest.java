package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.rules.InsuranceRule.Payout;
import io.bhkr.rules.InsuranceRule.SlashingLoss;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** P1 itself is checked from the vector file in {@link PoolsAndPenaltiesVectorsTest}. */
class InsuranceRuleTest {

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static SortedMap<String, BigInteger> map(Object... idsAndValues) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    for (int i = 0; i < idsAndValues.length; i += 2)
      map.put((String) idsAndValues[i], BigInteger.valueOf(((Number) idsAndValues[i + 1]).longValue()));
    return map;
  }

  @Test
  void providerShareAbsorbsTheLossFirst() {
    assertEquals(new SlashingLoss(big(8), big(24)), InsuranceRule.slashing(big(32), big(8)));
    assertEquals(new SlashingLoss(big(1), big(0)), InsuranceRule.slashing(big(1), big(8)), "a small loss stays with the provider");
    assertEquals(new SlashingLoss(big(8), big(0)), InsuranceRule.slashing(big(8), big(8)));
    assertEquals(new SlashingLoss(big(0), big(5)), InsuranceRule.slashing(big(5), big(0)), "a trusted provider (k = 0) absorbs nothing");
    assertEquals(new SlashingLoss(big(0), big(0)), InsuranceRule.slashing(big(0), big(16)));
  }

  @Test
  void requestersAreOwedTheirLossByStake() {
    assertEquals(map("a", 6, "b", 18), InsuranceRule.owedByStake(big(24), map("a", 8, "b", 24)));
    assertEquals(map("a", 1, "b", 1), InsuranceRule.owedByStake(big(2), map("a", 1, "b", 1, "c", 0)), "stake 0 is owed nothing");
    assertEquals(map(), InsuranceRule.owedByStake(big(0), map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.owedByStake(big(5), map()), "a loss but no requester");
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.owedByStake(big(5), map("a", 0)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.owedByStake(big(-1), map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.owedByStake(big(1), null));
  }

  @Test
  void aPoolHoldingEnoughPaysEveryoneInFull() {
    Payout payout = InsuranceRule.pay(big(30), map("a", 4, "b", 10, "c", 10));
    assertEquals(map("a", 4, "b", 10, "c", 10), payout.paid());
    assertEquals(map(), payout.stillOwed());
    assertFalse(payout.isShort());
    assertEquals(big(24), payout.totalPaid());
  }

  @Test
  void aShortPoolPaysWhatItHoldsProRataAndTheRestStaysOwed() {
    Payout payout = InsuranceRule.pay(big(10), map("a", 4, "b", 10, "c", 10));
    // 10 × 4/24 = 1.67, × 10/24 = 4.17 twice: floors 1, 4, 4 and the leftover to a (.67).
    assertEquals(map("a", 2, "b", 4, "c", 4), payout.paid());
    assertEquals(map("a", 2, "b", 6, "c", 6), payout.stillOwed());
    assertTrue(payout.isShort());
    assertEquals(big(14), payout.totalStillOwed());
    // a later inflow pays the shortfall first
    Payout later = InsuranceRule.pay(big(20), payout.stillOwed());
    assertEquals(map("a", 2, "b", 6, "c", 6), later.paid());
    assertEquals(map(), later.stillOwed());
  }

  @Test
  void anEmptyPoolPaysNothingAndZeroClaimsAreDropped() {
    Payout payout = InsuranceRule.pay(big(0), map("a", 3, "z", 0));
    assertEquals(map(), payout.paid());
    assertEquals(map("a", 3), payout.stillOwed());
    Payout nothingOwed = InsuranceRule.pay(big(50), map());
    assertEquals(map(), nothingOwed.paid());
    assertEquals(map(), nothingOwed.stillOwed());
  }

  @Test
  void theOwedMapsOrderDoesNotMatter() {
    SortedMap<String, BigInteger> reversed = new TreeMap<>(Comparator.reverseOrder());
    reversed.putAll(map("a", 1, "b", 1, "c", 1));
    Payout payout = InsuranceRule.pay(big(2), reversed);
    assertEquals(InsuranceRule.pay(big(2), map("a", 1, "b", 1, "c", 1)), payout);
    assertEquals(map("a", 1, "b", 1), payout.paid(), "the leftover unit goes by id ascending");
    assertEquals("a", payout.paid().firstKey());
  }

  @Test
  void excessIsWhatLiesAboveTheCap() {
    assertEquals(big(5), InsuranceRule.excessAbove(big(105), big(100)));
    assertEquals(big(0), InsuranceRule.excessAbove(big(100), big(100)));
    assertEquals(big(0), InsuranceRule.excessAbove(big(40), big(100)));
    assertEquals(big(40), InsuranceRule.excessAbove(big(40), big(0)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.excessAbove(big(-1), big(0)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.excessAbove(big(1), big(-1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.excessAbove(null, big(1)));
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.slashing(big(-1), big(8)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.slashing(big(1), big(-8)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.slashing(null, big(8)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.pay(big(-1), map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.pay(null, map("a", 1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.pay(big(1), null));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.pay(big(1), map("a", -1)));
    assertThrows(IllegalArgumentException.class, () -> InsuranceRule.pay(big(1), map(" ", 1)));
    assertThrows(IllegalArgumentException.class, () -> new SlashingLoss(big(-1), big(0)));
    assertThrows(IllegalArgumentException.class, () -> new SlashingLoss(big(0), null));
    assertThrows(IllegalArgumentException.class, () -> new Payout(map("a", -1), map()));
    assertThrows(IllegalArgumentException.class, () -> new Payout(map(), null));
  }
}
