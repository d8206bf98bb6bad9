package io.bhkr.rules;

import static io.bhkr.rules.EconomicsVectors.amount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vector M1 through {@link MicroPoolRule}, the rule the micro-pool entity applies. */
class MicroPoolRuleTest {

  private static JsonNode m1;

  @BeforeAll
  static void load() {
    m1 = EconomicsVectors.load().at("/pools/M1");
  }

  private static SortedMap<String, BigInteger> integers(JsonNode object) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), new BigInteger(e.getValue().asText())));
    return map;
  }

  @Test
  void vectorM1Fees() {
    SortedMap<String, BigInteger> stakes = integers(m1.get("stakes"));
    Amount fp = amount(m1.get("fpPer32Eth"));
    Amount toReward = Amount.zero(Asset.BHKR), toProvider = Amount.zero(Asset.BHKR);
    for (JsonNode investor : m1.get("investors")) {
      String id = investor.asText();
      Amount fee = MicroPoolRule.fee(fp, new Amount(Asset.ETH, stakes.get(id)), Amount.tokens(Asset.ETH, 32));
      assertEquals(new BigInteger(m1.at("/expectedFees/" + id).asText()), fee.amount(), id);
      MicroPoolRule.FeeSplit split = MicroPoolRule.splitFee(fee, m1.get("microFeeRewardBps").asInt());
      toReward = toReward.plus(split.toRewardPool());
      toProvider = toProvider.plus(split.toProvider());
    }
    assertEquals(amount(m1.get("expectedFeeRewardPool")), toReward);
    assertEquals(amount(m1.get("expectedFeeProvider")), toProvider);
  }

  @Test
  void vectorM1Rewards() {
    MicroPoolRule.Completion c = MicroPoolRule.splitRewards(amount(m1.get("rewards")), m1.get("ipBps").asInt(),
        m1.get("rpBps").asInt(), integers(m1.get("stakes")));
    assertEquals(amount(m1.get("expectedInsurance")), c.toInsurancePool());
    assertEquals(amount(m1.get("expectedReward")), c.toRewardPool());
    assertEquals(integers(m1.get("expectedStakerShares")), c.toStakers());
  }

  @Test
  void aFeeIsFlooredToTheBaseUnit() {
    // 1 wei of stake at FP 100 BHKR: 100e18 / 32e18 = 3.125 → 3
    assertEquals(BigInteger.valueOf(3),
        MicroPoolRule.fee(Amount.tokens(Asset.BHKR, 100), Amount.of(Asset.ETH, 1), Amount.tokens(Asset.ETH, 32)).amount());
  }
}
