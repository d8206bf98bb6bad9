package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.rules.InsuranceRule.Payout;
import io.bhkr.rules.InsuranceRule.SlashingLoss;
import java.math.BigInteger;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Balances and claims range from a few base units (rounding) to thousands of ETH. */
class InsuranceRuleProperties {

  @Provide
  Arbitrary<BigInteger> units() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(BigInteger.ZERO)),
        Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(40))),
        Tuple.of(3, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(22))));
  }

  @Provide
  Arbitrary<SortedMap<String, BigInteger>> owed() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcdxyz").ofMinLength(1).ofMaxLength(3);
    return Arbitraries.maps(ids, units()).ofMaxSize(8).map(TreeMap::new);
  }

  private static BigInteger sum(Map<String, BigInteger> m) {
    return m.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  @Property
  void paidPlusStillOwedIsWhatWasOwedAndNobodyIsOverpaid(@ForAll("units") BigInteger available,
      @ForAll("owed") SortedMap<String, BigInteger> owed) {
    Payout payout = InsuranceRule.pay(available, owed);
    for (Map.Entry<String, BigInteger> claim : owed.entrySet()) {
      BigInteger paid = payout.paid().getOrDefault(claim.getKey(), BigInteger.ZERO);
      BigInteger left = payout.stillOwed().getOrDefault(claim.getKey(), BigInteger.ZERO);
      assertEquals(claim.getValue(), paid.add(left), claim.getKey());
      assertTrue(paid.compareTo(claim.getValue()) <= 0, claim.getKey() + " paid " + paid + " of " + claim.getValue());
    }
    assertTrue(owed.keySet().containsAll(payout.paid().keySet()), "paid someone not owed");
    assertTrue(owed.keySet().containsAll(payout.stillOwed().keySet()), "owes someone not owed");
    payout.paid().values().forEach(v -> assertTrue(v.signum() > 0, "zero or negative entry in paid"));
    payout.stillOwed().values().forEach(v -> assertTrue(v.signum() > 0, "zero or negative entry in stillOwed"));
  }

  @Property
  void paysExactlyWhatItHoldsOrWhatIsOwedWhicheverIsLess(@ForAll("units") BigInteger available,
      @ForAll("owed") SortedMap<String, BigInteger> owed) {
    Payout payout = InsuranceRule.pay(available, owed);
    assertEquals(available.min(sum(owed)), sum(payout.paid()));
    assertEquals(sum(owed).subtract(sum(payout.paid())), sum(payout.stillOwed()));
  }

  /** A shortfall then a later inflow pays as much as one payment of both would have. */
  @Property
  void aShortfallIsPaidFromLaterInflows(@ForAll("units") BigInteger first, @ForAll("units") BigInteger later,
      @ForAll("owed") SortedMap<String, BigInteger> owed) {
    Payout one = InsuranceRule.pay(first, owed);
    Payout two = InsuranceRule.pay(later, one.stillOwed());
    assertEquals(first.add(later).min(sum(owed)), sum(one.paid()).add(sum(two.paid())));
    for (String victim : owed.keySet()) {
      BigInteger paid = one.paid().getOrDefault(victim, BigInteger.ZERO).add(two.paid().getOrDefault(victim, BigInteger.ZERO));
      assertEquals(owed.get(victim), paid.add(two.stillOwed().getOrDefault(victim, BigInteger.ZERO)), victim);
    }
  }

  /** Each victim gets its pro-rata share of the payment to within one base unit. */
  @Property
  void paymentIsProRataToWhatIsOwed(@ForAll("units") BigInteger available, @ForAll("owed") SortedMap<String, BigInteger> owed) {
    BigInteger total = sum(owed);
    Payout payout = InsuranceRule.pay(available, owed);
    BigInteger payable = available.min(total);
    for (Map.Entry<String, BigInteger> claim : owed.entrySet()) {
      BigInteger paid = payout.paid().getOrDefault(claim.getKey(), BigInteger.ZERO);
      BigInteger gap = paid.multiply(total).subtract(payable.multiply(claim.getValue())).abs();
      assertTrue(total.signum() == 0 || gap.compareTo(total) < 0, claim.getKey() + " paid " + paid);
    }
  }

  @Property
  void slashingLossIsSplitExactly(@ForAll("units") BigInteger loss, @ForAll("units") BigInteger k) {
    SlashingLoss split = InsuranceRule.slashing(loss, k);
    assertEquals(loss, split.provider().add(split.requesters()));
    assertTrue(split.provider().compareTo(k) <= 0, "provider loses more than its share");
    assertEquals(loss.min(k), split.provider());
  }

  @Property
  void excessPlusWhatStaysIsTheBalance(@ForAll("units") BigInteger balance, @ForAll("units") BigInteger cap) {
    BigInteger excess = InsuranceRule.excessAbove(balance, cap);
    assertTrue(excess.signum() >= 0);
    assertEquals(balance.min(cap.max(BigInteger.ZERO)), balance.subtract(excess));
  }
}
