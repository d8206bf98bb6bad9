package io.bhkr.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.RewardSplit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterChangeTest {

  private static final Parameters P = Parameters.defaults();

  @Test
  void everyParameterCanBeSetByItsPathAndSettingItsOwnValueChangesNothing() {
    ObjectNode tree = JsonMapper.builder().build().valueToTree(P);
    List<String> names = new ArrayList<>();
    tree.fields().forEachRemaining(e -> {
      if (e.getValue().isObject() && !(e.getValue().has("asset") && e.getValue().size() == 2))
        e.getValue().fieldNames().forEachRemaining(n -> names.add(e.getKey() + "." + n));
      else names.add(e.getKey());
    });
    assertTrue(names.size() > 40, "every spec parameter: " + names);
    for (String name : names) {
      JsonNode node = tree.at("/" + name.replace('.', '/'));
      String value = node.isObject() ? "\"" + node.get("amount").asText() + "\"" : node.toString();
      assertEquals(P, ParameterChange.apply(P, name, value), name);
    }
  }

  @Test
  void shortNamesGroupsAndAmounts() {
    assertEquals(1500, ParameterChange.apply(P, "rpBps", "1500").rpBps());
    assertEquals(750, ParameterChange.apply(P, "trustedScore", "750").reputation().trustedScore());
    assertEquals(600, ParameterChange.apply(P, "bidWindow", "600").bidWindowSeconds());
    assertEquals(Amount.tokens(Asset.BHKR, 500), ParameterChange.apply(P, "governorMinStake", "\"500000000000000000000\"")
        .elections().governorMinStake());
    assertEquals(new RewardSplit(2500, 4500, 2000, 1000),
        ParameterChange.apply(P, "rewardSplit", "{\"governors\":2500,\"providersRequesters\":4500}").rewardSplit());
    assertEquals(BigInteger.valueOf(2_000_000), ParameterChange.apply(P, "bhkrPriceMicroUsd", "\"2000000\"").bhkrPriceMicroUsd());
  }

  @Test
  void aRateOver10000OrASplitNotSummingTo10000IsRefused() {
    for (Map.Entry<String, String> bad : Map.of(
        "rpBps", "10001", "governorMissSlashBps", "20000", "microFeeRewardBps", "-1", "slaUptimeBps", "10001",
        "rewardSplit", "{\"governors\":3001}", "weightUptimeBps", "3000", "nosuch", "1", "pMin", "\"-5\"",
        "auctionPricing", "\"CHEAPEST\"", "epochSeconds", "\"soon\"").entrySet())
      assertThrows(IllegalArgumentException.class, () -> ParameterChange.apply(P, bad.getKey(), bad.getValue()), bad.getKey());
  }
}
