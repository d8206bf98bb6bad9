package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Asset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PayoutEpochRuleProperties {

  @Test
  void aDayOfEthAndOfBhkrAreTwoEpochs() {
    assertEquals(2 * 20_000, PayoutEpochRule.epochOf(20_000L * 86_400 + 5, 86_400, Asset.ETH));
    assertEquals(2 * 20_000 + 1, PayoutEpochRule.epochOf(20_000L * 86_400 + 5, 86_400, Asset.BHKR));
    assertEquals(20_001L * 86_400, PayoutEpochRule.endOf(2 * 20_000 + 1, 86_400));
  }

  @Property
  void anEpochHoldsItsAssetAndEndsAfterTheMomentItWasOpen(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long at,
      @ForAll @IntRange(min = 1, max = 864_000) int seconds, @ForAll boolean eth) {
    Asset asset = eth ? Asset.ETH : Asset.BHKR;
    long epoch = PayoutEpochRule.epochOf(at, seconds, asset);
    assertEquals(asset, PayoutEpochRule.assetOf(epoch));
    assertTrue(!PayoutEpochRule.ended(epoch, seconds, at), "open at the moment it was asked for");
    assertTrue(PayoutEpochRule.ended(epoch, seconds, at + seconds), "ended one epoch later");
    assertTrue(PayoutEpochRule.endOf(epoch, seconds) - at <= seconds);
  }
}
