package io.bhkr.rules;

import static io.bhkr.rules.EconomicsVectors.amount;
import static io.bhkr.rules.EconomicsVectors.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.money.Amount;
import io.bhkr.money.Balances;
import io.bhkr.rules.InsuranceRule.Payout;
import io.bhkr.rules.InsuranceRule.SlashingLoss;
import io.bhkr.rules.RewardDistribution.Group;
import io.bhkr.rules.RewardDistribution.Leg;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec's R1 (as a whole epoch distribution), P1 and P2, read from the test resources copy and
 * reproduced to the base unit. The expected values in the file were computed independently of
 * this code.
 */
class PoolsAndPenaltiesVectorsTest {

  private static JsonNode vectors;

  @BeforeAll
  static void load() {
    vectors = EconomicsVectors.load();
  }

  private static SortedMap<String, BigInteger> integers(JsonNode object) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), integer(e.getValue())));
    return map;
  }

  private static Balances balances(JsonNode amounts) {
    Balances b = Balances.empty();
    for (JsonNode a : amounts) b = b.credit(amount(a));
    return b;
  }

  @Test
  void r1DistributionsPayEveryGroupByStakeTime() {
    int checked = 0;
    for (JsonNode d : vectors.at("/pools/R1/distributions")) {
      String name = d.get("name").asText();
      long start = d.get("epochStart").asLong();
      long end = d.get("epochEnd").asLong();
      JsonNode s = d.get("split");
      RewardSplit split = new RewardSplit(s.get("governorsBps").asInt(), s.get("providersRequestersBps").asInt(),
          s.get("stakersBps").asInt(), s.get("developmentBps").asInt());
      assertEquals(RewardSplit.DEFAULT, split, name);

      Map<Group, SortedMap<String, BigInteger>> stakeTimes = new EnumMap<>(Group.class);
      d.get("participants").fields().forEachRemaining(group -> {
        SortedMap<String, BigInteger> times = new TreeMap<>();
        for (JsonNode p : group.getValue())
          times.put(p.get("id").asText(), StakeTime.of(integer(p.get("stake")), p.get("since").asLong(), start, end));
        stakeTimes.put(Group.valueOf(group.getKey()), times);
      });
      d.get("expectedStakeTimes").fields().forEachRemaining(group ->
          assertEquals(integers(group.getValue()), stakeTimes.get(Group.valueOf(group.getKey())), name + " " + group.getKey()));

      List<Leg> expected = new ArrayList<>();
      for (JsonNode leg : d.get("expectedLegs"))
        expected.add(new Leg(leg.get("to").asText(), amount(leg), Group.valueOf(leg.get("group").asText())));
      Balances pool = balances(d.get("pool"));
      List<Leg> legs = RewardDistribution.distribute(pool, split, stakeTimes, d.get("developmentFund").asText());
      assertEquals(expected, legs, name);
      assertEquals(balances(d.get("expectedKept")), RewardDistribution.kept(pool, legs), name);
      checked++;
    }
    assertEquals(4, checked);
  }

  @Test
  void r1GroupSharesMatchTheSpecsGroups() {
    JsonNode r1 = vectors.at("/pools/R1");
    Map<Group, Amount> shares = RewardDistribution.shares(amount(r1.get("balance")), RewardSplit.DEFAULT);
    JsonNode groups = r1.get("expectedGroups");
    assertEquals(amount(groups.get("governors")), shares.get(Group.GOVERNORS));
    assertEquals(amount(groups.get("providersRequesters")), shares.get(Group.PROVIDERS_REQUESTERS));
    assertEquals(amount(groups.get("stakers")), shares.get(Group.STAKERS));
    assertEquals(amount(groups.get("development")), shares.get(Group.DEVELOPMENT));
  }

  @Test
  void p1SlashingLossAndInsurancePayouts() {
    JsonNode p1 = vectors.at("/penalties/P1");
    Amount k = amount(p1.get("providerShare"));
    Amount loss = amount(p1.get("loss"));
    SlashingLoss split = InsuranceRule.slashing(loss.amount(), k.amount());
    assertEquals(amount(p1.get("expectedProviderLoss")).amount(), split.provider());
    assertEquals(amount(p1.get("expectedRequestersLoss")).amount(), split.requesters());

    SortedMap<String, BigInteger> owed = InsuranceRule.owedByStake(split.requesters(), integers(p1.get("requesterStakes")));
    assertEquals(integers(p1.get("expectedOwed")), owed);

    int steps = 0;
    for (JsonNode c : p1.get("cases")) {
      String name = c.get("name").asText();
      SortedMap<String, BigInteger> due = owed;
      for (JsonNode step : c.get("steps")) {
        Payout payout = InsuranceRule.pay(integer(step.get("available")), due);
        assertEquals(integers(step.get("expectedPaid")), payout.paid(), name);
        assertEquals(integers(step.get("expectedStillOwed")), payout.stillOwed(), name);
        due = payout.stillOwed();
        steps++;
      }
      assertTrue(due.isEmpty(), name + ": every case ends with nothing owed");
    }
    assertEquals(4, steps);
  }

  @Test
  void p2CompensationForTheUnservedDays() {
    JsonNode p2 = vectors.at("/penalties/P2");
    long served = ServiceFailureRule.servedDays(p2.get("runningSince").asLong(), p2.get("failedAt").asLong());
    assertEquals(p2.get("expectedServedDays").asLong(), served);
    long total = p2.get("totalDays").asLong();
    assertEquals(p2.get("expectedUnservedDays").asLong(), ServiceFailureRule.unservedDays(total, served));
    Amount compensation = ServiceFailureRule.compensation(integer(p2.get("expectedProfitMicroUsd")), total, served,
        integer(p2.get("bhkrPriceMicroUsd")));
    assertEquals(amount(p2.get("expectedCompensation")), compensation);
  }
}
