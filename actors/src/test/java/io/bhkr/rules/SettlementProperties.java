package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.SettlementRule.Leg;
import io.bhkr.rules.SettlementRule.Recipient;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SettlementProperties {

  private static final BigInteger BASIS = BigInteger.valueOf(10_000);

  @Provide
  Arbitrary<BigInteger> baseUnits() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30));
  }

  /** A price between 0 and maxBid inclusive: maxBid scaled by a fraction in basis points. */
  private static Amount priceUpToMaxBid(Amount fp, int rpBps, int ipBps, int fractionBps) {
    return QuoteRule.maxBid(fp, rpBps, ipBps).bps(fractionBps);
  }

  /** ipBps drawn as a share of what rpBps leaves, so every pair is valid. */
  private static int ipBps(int rpBps, int ipShareBps) {
    return (10_000 - rpBps) * ipShareBps / 10_000;
  }

  @Property
  void legsAddUpToTheWholeOfEachAsset(@ForAll("baseUnits") BigInteger fpUnits, @ForAll("baseUnits") BigInteger profitUnits,
      @ForAll Asset profitAsset, @ForAll @IntRange(max = 10_000) int rpBps, @ForAll @IntRange(max = 10_000) int ipShareBps,
      @ForAll @IntRange(max = 10_000) int priceFractionBps) {
    int ipBps = ipBps(rpBps, ipShareBps);
    Amount fp = new Amount(Asset.BHKR, fpUnits);
    Amount profit = new Amount(profitAsset, profitUnits);
    List<Leg> legs = SettlementRule.settle(fp, priceUpToMaxBid(fp, rpBps, ipBps, priceFractionBps), profit, rpBps, ipBps);

    Map<Asset, BigInteger> paid = new EnumMap<>(Asset.class);
    for (Leg leg : legs) paid.merge(leg.amount().asset(), leg.amount().amount(), BigInteger::add);
    Map<Asset, BigInteger> held = new EnumMap<>(Asset.class);
    held.merge(Asset.BHKR, fpUnits, BigInteger::add);
    held.merge(profitAsset, profitUnits, BigInteger::add);
    assertEquals(held, paid);
    // FP's four legs alone add up to FP, and the profit's three to the profit.
    assertEquals(fpUnits, legs.subList(0, 4).stream().map(l -> l.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add));
    assertEquals(profitUnits, legs.subList(4, 7).stream().map(l -> l.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add));
  }

  @Property
  void requesterShareIsNeverNegativeWhenPriceIsAtMostMaxBid(@ForAll("baseUnits") BigInteger fpUnits,
      @ForAll @IntRange(max = 10_000) int rpBps, @ForAll @IntRange(max = 10_000) int ipShareBps,
      @ForAll @IntRange(max = 10_000) int priceFractionBps) {
    int ipBps = ipBps(rpBps, ipShareBps);
    Amount fp = new Amount(Asset.BHKR, fpUnits);
    Amount price = priceUpToMaxBid(fp, rpBps, ipBps, priceFractionBps);
    Leg requester = SettlementRule.settle(fp, price, Amount.zero(Asset.ETH), rpBps, ipBps).get(3);
    assertEquals(Recipient.REQUESTER, requester.to());
    BigInteger expected = fpUnits.subtract(price.amount())
        .subtract(fpUnits.multiply(BigInteger.valueOf(rpBps)).divide(BASIS))
        .subtract(fpUnits.multiply(BigInteger.valueOf(ipBps)).divide(BASIS));
    assertEquals(expected, requester.amount().amount());
    assertEquals(true, expected.signum() >= 0, "requester share " + expected);
  }

  @Property
  void aPriceBeyondWhatThePoolsLeaveIsRefused(@ForAll("baseUnits") BigInteger fpUnits,
      @ForAll @IntRange(max = 10_000) int rpBps, @ForAll @IntRange(max = 10_000) int ipShareBps,
      @ForAll @IntRange(min = 1, max = 1_000_000) int excess) {
    int ipBps = ipBps(rpBps, ipShareBps);
    Amount fp = new Amount(Asset.BHKR, fpUnits);
    Amount afterPools = fp.minus(fp.bps(rpBps)).minus(fp.bps(ipBps));
    Amount price = afterPools.plus(Amount.of(Asset.BHKR, excess));
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(fp, price, Amount.zero(Asset.ETH), rpBps, ipBps));
  }
}
