package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.SettlementRule.Leg;
import io.bhkr.rules.SettlementRule.Recipient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape and refusals; the spec's S1–S4 are checked from the vector file in {@link EconomicsVectorsTest}. */
class SettlementRuleTest {

  @Test
  void profitInFpsAssetStillGetsItsOwnLegs() {
    List<Leg> legs = SettlementRule.settle(Amount.of(Asset.BHKR, 1000), Amount.of(Asset.BHKR, 700),
        Amount.of(Asset.BHKR, 55), 1000, 500);
    assertEquals(List.of(
        new Leg(Recipient.PROVIDER, Amount.of(Asset.BHKR, 700), "auction price"),
        new Leg(Recipient.REWARD_POOL, Amount.of(Asset.BHKR, 100), "reward pool share of FP"),
        new Leg(Recipient.INSURANCE_POOL, Amount.of(Asset.BHKR, 50), "insurance pool share of FP"),
        new Leg(Recipient.REQUESTER, Amount.of(Asset.BHKR, 150), "requester remainder of FP"),
        new Leg(Recipient.REWARD_POOL, Amount.of(Asset.BHKR, 5), "reward pool share of profit"),
        new Leg(Recipient.INSURANCE_POOL, Amount.of(Asset.BHKR, 2), "insurance pool share of profit"),
        new Leg(Recipient.REQUESTER, Amount.of(Asset.BHKR, 48), "requester remainder of profit")), legs);
  }

  @Test
  void priceMayTakeExactlyWhatThePoolsLeave() {
    List<Leg> legs = SettlementRule.settle(Amount.of(Asset.BHKR, 101), Amount.of(Asset.BHKR, 81), Amount.of(Asset.AETH, 0), 1000, 1000);
    assertEquals(Amount.of(Asset.BHKR, 0), legs.get(3).amount());
  }

  @Test
  void refusesAPriceThatWouldLeaveTheRequesterNegative() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SettlementRule.settle(Amount.of(Asset.BHKR, 101), Amount.of(Asset.BHKR, 82), Amount.of(Asset.ETH, 7), 1000, 1000));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void refusesAPriceInAnotherAsset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SettlementRule.settle(Amount.of(Asset.BHKR, 100), Amount.of(Asset.ETH, 60), Amount.of(Asset.ETH, 7), 1000, 1000));
    assertTrue(e.getMessage().contains("ETH"), e.getMessage());
  }

  @Test
  void refusesBadRatesAndMissingAmounts() {
    Amount fp = Amount.of(Asset.BHKR, 100);
    Amount x = Amount.of(Asset.ETH, 7);
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(fp, Amount.of(Asset.BHKR, 0), x, 6000, 4001));
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(fp, Amount.of(Asset.BHKR, 0), x, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(null, Amount.of(Asset.BHKR, 0), x, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(fp, null, x, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> SettlementRule.settle(fp, Amount.of(Asset.BHKR, 0), null, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Leg(Recipient.PROVIDER, fp, " "));
  }
}
