package io.bhkr.rules;

import static io.bhkr.rules.EconomicsVectors.amount;
import static io.bhkr.rules.EconomicsVectors.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.AuctionResult;
import io.bhkr.rules.Auction.AuctionTerms;
import io.bhkr.rules.Auction.Bid;
import io.bhkr.rules.Auction.Candidate;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.SettlementRule.Leg;
import io.bhkr.rules.SettlementRule.Recipient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spec's worked examples, read from the test resources copy, reproduced to the base unit. */
class EconomicsVectorsTest {

  private static JsonNode vectors;

  @BeforeAll
  static void load() {
    vectors = EconomicsVectors.load();
  }

  private static Resources resources(JsonNode node) {
    return new Resources(node.get("cpuGhz").asLong(), node.get("ramGb").asLong(), node.get("storageGb").asLong(),
        node.get("bandwidthMbps").asLong());
  }

  private static SortedMap<String, BigInteger> integers(JsonNode object) {
    SortedMap<String, BigInteger> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), integer(e.getValue())));
    return map;
  }

  @Test
  void q1QuotesTheWhitepaperExample() {
    JsonNode q1 = vectors.at("/quote/Q1");
    JsonNode prices = q1.get("pricingMicroUsd");
    Pricing pricing = new Pricing(integer(prices.get("cpu")), integer(prices.get("ram")), integer(prices.get("storage")),
        integer(prices.get("bandwidth")));
    assertEquals(Pricing.DEFAULT, pricing);
    Resources need = resources(q1.get("resources"));
    long days = q1.get("durationDays").asLong();

    assertEquals(q1.get("expectedMonths").asInt(), QuoteRule.months(days));
    BigInteger fpUsd = QuoteRule.fixedPriceMicroUsd(need, days, Pricing.DEFAULT);
    assertEquals(integer(q1.get("expectedFixedPriceMicroUsd")), fpUsd);
    Amount fp = QuoteRule.usdToBhkr(fpUsd, integer(q1.get("bhkrPriceMicroUsd")));
    assertEquals(amount(q1.get("expectedFp")), fp);
    assertEquals(amount(q1.get("expectedMaxBid")), QuoteRule.maxBid(fp, q1.get("rpBps").asInt(), q1.get("ipBps").asInt()));
  }

  @Test
  void a1LowestBidWinsAndPricingRuleSetsThePrice() {
    JsonNode a1 = vectors.at("/auction/A1");
    Amount maxBid = QuoteRule.maxBid(amount(a1.get("fp")), a1.get("rpBps").asInt(), a1.get("ipBps").asInt());
    JsonNode t = a1.get("terms");
    assertEquals(amount(t.get("maxBid")), maxBid);
    List<Bid> bids = new ArrayList<>();
    for (JsonNode b : a1.get("bids")) {
      JsonNode s = b.get("standing");
      String id = b.get("providerId").asText();
      bids.add(new Bid(id, amount(b.get("price")), new ProviderStanding(id, s.get("qualified").asBoolean(),
          s.get("disqualified").asBoolean(), amount(s.get("collateral")), resources(s.get("freeCapacity")),
          amount(s.get("maxPrice")), s.get("score").asLong())));
    }
    byte[] beacon = Keccak256.fromHex(a1.get("beacon").asText());
    for (PricingRule rule : PricingRule.values()) {
      AuctionTerms terms = new AuctionTerms(maxBid, amount(t.get("pMin")), resources(t.get("resources")),
          t.get("priceBandBps").asInt(), rule);
      for (Bid bid : bids) assertEquals(Optional.empty(), Auction.refusal(bid, terms), bid.providerId() + " should be admissible");
      AuctionResult result = Auction.close(a1.get("projectId").asText(), beacon, bids, terms);
      assertEquals(3, result.admissible().size());
      assertEquals(List.of("P1"), result.candidates().stream().map(Candidate::providerId).toList());
      assertEquals(Optional.of(a1.get("expectedWinner").asText()), result.winner(), rule.name());
      assertEquals(Optional.of(amount(a1.at("/expectedPricePaid/" + rule.name()))), result.pricePaid(), rule.name());
    }
  }

  @Test
  void a2WeightedPickFindsTheRangeHoldingR() {
    JsonNode a2 = vectors.at("/auction/A2");
    List<Candidate> candidates = new ArrayList<>();
    for (JsonNode c : a2.get("candidates"))
      candidates.add(new Candidate(c.get("providerId").asText(), amount(c.get("price")), c.get("score").asLong()));
    assertEquals(integer(a2.get("expectedTotalScore")),
        candidates.stream().map(c -> BigInteger.valueOf(c.score())).reduce(BigInteger.ZERO, BigInteger::add));
    assertEquals(a2.get("expectedWinner").asText(), Auction.pick(candidates, integer(a2.get("r"))));
    // Every range [from, to) picks its own provider at both ends.
    a2.get("expectedRanges").fields().forEachRemaining(range -> {
      BigInteger from = integer(range.getValue().get(0));
      BigInteger to = integer(range.getValue().get(1));
      assertEquals(range.getKey(), Auction.pick(candidates, from));
      assertEquals(range.getKey(), Auction.pick(candidates, to.subtract(BigInteger.ONE)));
    });
  }

  @Test
  void settlementVectorsS1ToS4() {
    int checked = 0;
    for (JsonNode s : vectors.get("settlement")) {
      List<Leg> expected = new ArrayList<>();
      for (JsonNode leg : s.get("expectedLegs"))
        expected.add(new Leg(Recipient.valueOf(leg.get("to").asText()), amount(leg), leg.get("reason").asText()));
      List<Leg> legs = SettlementRule.settle(amount(s.get("fp")), amount(s.get("price")), amount(s.get("profit")),
          s.get("rpBps").asInt(), s.get("ipBps").asInt());
      assertEquals(expected, legs, s.get("name").asText());
      checked++;
    }
    assertEquals(4, checked);
  }

  @Test
  void r1RewardPoolEpochSplitsGovernorsByStakeTime() {
    JsonNode r1 = vectors.at("/pools/R1");
    Amount balance = amount(r1.get("balance"));
    JsonNode bps = r1.get("groupBps");
    Amount governors = balance.bps(bps.get("governors").asInt());
    Amount providersRequesters = balance.bps(bps.get("providersRequesters").asInt());
    Amount stakers = balance.bps(bps.get("stakers").asInt());
    Amount development = balance.minus(governors).minus(providersRequesters).minus(stakers);
    JsonNode groups = r1.get("expectedGroups");
    assertEquals(amount(groups.get("governors")), governors);
    assertEquals(amount(groups.get("providersRequesters")), providersRequesters);
    assertEquals(amount(groups.get("stakers")), stakers);
    assertEquals(amount(groups.get("development")), development);

    SortedMap<String, BigInteger> stakeTime = new TreeMap<>();
    for (JsonNode g : r1.get("governors"))
      stakeTime.put(g.get("id").asText(), integer(g.get("stake")).multiply(BigInteger.valueOf(g.get("secondsHeld").asLong())));
    assertEquals(integers(r1.get("expectedGovernorShares")), LargestRemainder.split(governors.amount(), stakeTime));
  }

  @Test
  void m1MicroPoolFeesAndRewards() {
    JsonNode m1 = vectors.at("/pools/M1");
    SortedMap<String, BigInteger> stakes = integers(m1.get("stakes"));

    // Fees: floor(FP * s / 32 ETH) per investor, 10 % of the fees to the Reward Pool.
    Amount fp = amount(m1.get("fpPer32Eth"));
    BigInteger validator = Amount.tokens(Asset.ETH, 32).amount();
    Amount fees = Amount.zero(Asset.BHKR);
    for (JsonNode investor : m1.get("investors")) {
      String id = investor.asText();
      Amount fee = new Amount(Asset.BHKR, fp.amount().multiply(stakes.get(id)).divide(validator));
      assertEquals(integer(m1.at("/expectedFees/" + id)), fee.amount(), id);
      fees = fees.plus(fee);
    }
    Amount feeReward = fees.bps(m1.get("microFeeRewardBps").asInt());
    assertEquals(amount(m1.get("expectedFeeRewardPool")), feeReward);
    assertEquals(amount(m1.get("expectedFeeProvider")), fees.minus(feeReward));

    // Rewards: both pools first, then the rest by ETH staked, the provider's k included.
    Amount rewards = amount(m1.get("rewards"));
    Amount insurance = rewards.bps(m1.get("ipBps").asInt());
    Amount reward = rewards.bps(m1.get("rpBps").asInt());
    Amount toStakers = rewards.minus(insurance).minus(reward);
    assertEquals(amount(m1.get("expectedInsurance")), insurance);
    assertEquals(amount(m1.get("expectedReward")), reward);
    assertEquals(amount(m1.get("expectedStakersTotal")), toStakers);
    assertEquals(integers(m1.get("expectedStakerShares")), LargestRemainder.split(toStakers.amount(), stakes));
  }

  @Test
  void derivedSeedsMatchAnIndependentKeccak() {
    int checked = 0;
    for (JsonNode v : vectors.at("/derived/seeds")) {
      List<Candidate> admissible = new ArrayList<>();
      for (JsonNode c : v.get("admissible"))
        admissible.add(new Candidate(c.get("providerId").asText(), new Amount(Asset.BHKR, integer(c.get("price"))), 0));
      byte[] seed = Auction.seed(v.get("projectId").asText(), Keccak256.fromHex(v.get("beacon").asText()), admissible);
      assertEquals(v.get("expectedSeed").asText(), Keccak256.hex(seed), v.get("name").asText());
      if (v.has("expectedR"))
        assertEquals(integer(v.get("expectedR")), new BigInteger(1, seed).mod(integer(v.get("totalScore"))), v.get("name").asText());
      checked++;
    }
    assertEquals(3, checked);
  }

  @Test
  void derivedA2CloseRecordsTheSeedAndPicksP4() {
    JsonNode v = vectors.at("/derived/seeds/1");
    List<Bid> bids = new ArrayList<>();
    Map<String, Long> scores = Map.of("P1", 600L, "P4", 300L, "P5", 100L, "P2", 500L);
    for (JsonNode c : v.get("admissible")) {
      String id = c.get("providerId").asText();
      ProviderStanding standing = new ProviderStanding(id, true, false, Amount.tokens(Asset.BHKR, 10_000),
          new Resources(4, 16, 128, 0), Amount.tokens(Asset.BHKR, 80), scores.get(id));
      bids.add(new Bid(id, new Amount(Asset.BHKR, integer(c.get("price"))), standing));
    }
    AuctionTerms terms = new AuctionTerms(Amount.tokens(Asset.BHKR, 80), Amount.tokens(Asset.BHKR, 10_000),
        new Resources(4, 16, 128, 0), 0, PricingRule.SECOND_PRICE);
    AuctionResult result = Auction.close(v.get("projectId").asText(), Keccak256.fromHex(v.get("beacon").asText()), bids, terms);
    assertEquals(v.get("expectedSeed").asText(), Keccak256.hex(result.seed()));
    assertEquals(List.of("P1", "P4", "P5"), result.candidates().stream().map(Candidate::providerId).toList());
    assertEquals(integer(v.get("totalScore")), result.totalScore());
    assertEquals(integer(v.get("expectedR")), result.r());
    assertEquals(Optional.of("P4"), result.winner());
    assertEquals(Optional.of(Amount.tokens(Asset.BHKR, 70)), result.pricePaid());
    assertFalse(result.admissible().isEmpty());
  }
}
