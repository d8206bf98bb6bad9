package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.AuctionResult;
import io.bhkr.rules.Auction.AuctionTerms;
import io.bhkr.rules.Auction.Bid;
import io.bhkr.rules.Auction.Candidate;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Auction.ProviderStanding;
import io.bhkr.rules.Auction.Refusal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Admission, the close's edge cases and the seed; the spec's A1/A2 are in {@link EconomicsVectorsTest}. */
class AuctionTest {

  static final Resources PROJECT = new Resources(4, 16, 128, 0);
  static final Amount P_MIN = Amount.tokens(Asset.BHKR, 10_000);
  static final byte[] BEACON = Keccak256.hash("beacon".getBytes(StandardCharsets.UTF_8));

  static Amount bhkr(long tokens) {
    return Amount.tokens(Asset.BHKR, tokens);
  }

  static ProviderStanding good(String id, long score) {
    return new ProviderStanding(id, true, false, P_MIN, PROJECT, bhkr(100), score);
  }

  static Bid bid(String id, long price, long score) {
    return new Bid(id, bhkr(price), good(id, score));
  }

  static AuctionTerms terms(int bandBps, PricingRule rule) {
    return new AuctionTerms(bhkr(80), P_MIN, PROJECT, bandBps, rule);
  }

  static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::providerId).toList();
  }

  @Test
  void eachRefusalHasItsCause() {
    AuctionTerms terms = terms(0, PricingRule.FIRST_PRICE);
    assertEquals(Optional.empty(), Auction.refusal(bid("P", 80, 1), terms));
    assertEquals(Optional.of(Refusal.NOT_QUALIFIED),
        Auction.refusal(new Bid("P", bhkr(60), new ProviderStanding("P", false, false, P_MIN, PROJECT, bhkr(100), 1)), terms));
    assertEquals(Optional.of(Refusal.DISQUALIFIED),
        Auction.refusal(new Bid("P", bhkr(60), new ProviderStanding("P", true, true, P_MIN, PROJECT, bhkr(100), 1)), terms));
    assertEquals(Optional.of(Refusal.NO_FREE_CAPACITY),
        Auction.refusal(new Bid("P", bhkr(60), new ProviderStanding("P", true, false, P_MIN, new Resources(4, 15, 999, 9), bhkr(100), 1)), terms));
    assertEquals(Optional.of(Refusal.COLLATERAL_BELOW_MINIMUM), Auction.refusal(new Bid("P", bhkr(60),
        new ProviderStanding("P", true, false, P_MIN.minus(Amount.of(Asset.BHKR, 1)), PROJECT, bhkr(100), 1)), terms));
    assertEquals(Optional.of(Refusal.ABOVE_OWN_MAX_PRICE),
        Auction.refusal(new Bid("P", bhkr(60), new ProviderStanding("P", true, false, P_MIN, PROJECT, bhkr(59), 1)), terms));
    assertEquals(Optional.of(Refusal.ABOVE_MAX_BID),
        Auction.refusal(new Bid("P", bhkr(80).plus(Amount.of(Asset.BHKR, 1)), good("P", 1)), terms));
    assertEquals(Optional.of(Refusal.WRONG_ASSET), Auction.refusal(new Bid("P", Amount.tokens(Asset.ETH, 1), good("P", 1)), terms));
  }

  @Test
  void standingIsCheckedBeforeThePrice() {
    Bid both = new Bid("P", Amount.tokens(Asset.ETH, 1), new ProviderStanding("P", false, true, P_MIN, PROJECT, bhkr(100), 1));
    assertEquals(Optional.of(Refusal.NOT_QUALIFIED), Auction.refusal(both, terms(0, PricingRule.FIRST_PRICE)));
    for (Refusal refusal : Refusal.values()) assertTrue(refusal.message().length() > 10, refusal.name());
  }

  @Test
  void malformedInputsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Bid("P1", bhkr(1), good("P2", 1)));
    assertThrows(IllegalArgumentException.class, () -> new ProviderStanding(" ", true, false, P_MIN, PROJECT, bhkr(1), 1));
    assertThrows(IllegalArgumentException.class, () -> new ProviderStanding("P", true, false, P_MIN, PROJECT, bhkr(1), -1));
    assertThrows(IllegalArgumentException.class, () -> new ProviderStanding("P", true, false, Amount.tokens(Asset.ETH, 1), PROJECT, bhkr(1), 1));
    assertThrows(IllegalArgumentException.class, () -> new AuctionTerms(Amount.tokens(Asset.ETH, 80), P_MIN, PROJECT, 0, PricingRule.FIRST_PRICE));
    assertThrows(IllegalArgumentException.class, () -> new AuctionTerms(bhkr(80), P_MIN, PROJECT, -1, PricingRule.FIRST_PRICE));
    assertThrows(IllegalArgumentException.class, () -> new AuctionTerms(bhkr(80), P_MIN, PROJECT, 0, null));
    assertThrows(IllegalArgumentException.class, () -> new Candidate("P", bhkr(1), -1));
    List<Bid> bids = List.of(bid("P", 60, 1));
    AuctionTerms terms = terms(0, PricingRule.FIRST_PRICE);
    assertThrows(IllegalArgumentException.class, () -> Auction.close("p", new byte[31], bids, terms));
    assertThrows(IllegalArgumentException.class, () -> Auction.close("p", null, bids, terms));
    assertThrows(IllegalArgumentException.class, () -> Auction.close("", BEACON, bids, terms));
    assertThrows(IllegalArgumentException.class, () -> Auction.close("p", BEACON, null, terms));
    assertThrows(IllegalArgumentException.class, () -> Auction.close("p", BEACON, bids, null));
  }

  @Test
  void pickRefusesUnsortedListsAndROutOfRange() {
    List<Candidate> sorted = List.of(new Candidate("A", bhkr(1), 2), new Candidate("B", bhkr(1), 3));
    assertEquals("A", Auction.pick(sorted, BigInteger.ONE));
    assertEquals("B", Auction.pick(sorted, BigInteger.TWO));
    assertThrows(IllegalArgumentException.class, () -> Auction.pick(List.of(sorted.get(1), sorted.get(0)), BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> Auction.pick(List.of(sorted.get(0), sorted.get(0)), BigInteger.ONE));
    assertThrows(IllegalArgumentException.class, () -> Auction.pick(sorted, BigInteger.valueOf(5)));
    assertThrows(IllegalArgumentException.class, () -> Auction.pick(sorted, BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class, () -> Auction.pick(List.of(), BigInteger.ZERO));
  }

  @Test
  void aZeroScoreIsNeverPickedUnlessAllAreZero() {
    List<Candidate> someZero = List.of(new Candidate("A", bhkr(1), 0), new Candidate("B", bhkr(1), 5));
    assertEquals("B", Auction.pick(someZero, BigInteger.ZERO));
    List<Candidate> allZero = List.of(new Candidate("A", bhkr(1), 0), new Candidate("B", bhkr(1), 0));
    assertEquals("A", Auction.pick(allZero, BigInteger.ZERO));
    assertEquals("B", Auction.pick(allZero, BigInteger.ONE));
  }

  @Test
  void allZeroScoresCountAsOneEachAtClose() {
    AuctionResult result = Auction.close("p", BEACON, List.of(bid("A", 60, 0), bid("B", 60, 0), bid("C", 70, 0)),
        terms(0, PricingRule.FIRST_PRICE));
    assertEquals(List.of(0L, 0L, 0L), result.admissible().stream().map(Candidate::score).toList());
    assertEquals(List.of(new Candidate("A", bhkr(60), 1), new Candidate("B", bhkr(60), 1)), result.candidates());
    assertEquals(BigInteger.TWO, result.totalScore());
    assertEquals(new BigInteger(1, result.seed()).mod(BigInteger.TWO), result.r());
    assertEquals(Optional.of(result.r().signum() == 0 ? "A" : "B"), result.winner());
  }

  @Test
  void theLastBidOfAProviderCounts() {
    AuctionTerms terms = terms(0, PricingRule.FIRST_PRICE);
    AuctionResult lowered = Auction.close("p", BEACON, List.of(bid("A", 70, 1), bid("B", 65, 1), bid("A", 60, 1)), terms);
    assertEquals(List.of(new Candidate("A", bhkr(60), 1), new Candidate("B", bhkr(65), 1)), lowered.admissible());
    assertEquals(Optional.of("A"), lowered.winner());
    // A refused last bid withdraws the earlier admissible one.
    AuctionResult spoiled = Auction.close("p", BEACON, List.of(bid("A", 60, 1), bid("B", 65, 1), bid("A", 90, 1)), terms);
    assertEquals(List.of("B"), ids(spoiled.admissible()));
    assertEquals(Optional.of("B"), spoiled.winner());
  }

  @Test
  void secondPricePaysMaxBidWhenNobodyBidHigher() {
    AuctionResult result = Auction.close("p", BEACON, List.of(bid("A", 60, 1), bid("B", 60, 1), bid("C", 90, 1)),
        terms(0, PricingRule.SECOND_PRICE));
    assertEquals(List.of("A", "B"), ids(result.admissible()));
    assertEquals(Optional.of(bhkr(80)), result.pricePaid());
  }

  @Test
  void priceBandAdmitsNearTiesAndSecondPriceLooksAboveTheWinner() {
    // Band 1000 bp of 60 is 6: 66 joins the lowest set, 67 does not.
    List<Bid> bids = List.of(bid("A", 60, 0), bid("B", 66, 10), bid("C", 67, 1));
    AuctionResult first = Auction.close("p", BEACON, bids, terms(1000, PricingRule.FIRST_PRICE));
    assertEquals(List.of("A", "B"), ids(first.candidates()));
    assertEquals(Optional.of("B"), first.winner(), "A scores 0 beside a non-zero score, so it cannot be picked");
    assertEquals(Optional.of(bhkr(66)), first.pricePaid());
    AuctionResult second = Auction.close("p", BEACON, bids, terms(1000, PricingRule.SECOND_PRICE));
    assertEquals(Optional.of(bhkr(67)), second.pricePaid());
    AuctionResult exact = Auction.close("p", BEACON, bids, terms(0, PricingRule.FIRST_PRICE));
    assertEquals(List.of("A"), ids(exact.candidates()));
    assertEquals(List.of(new Candidate("A", bhkr(60), 1)), exact.candidates(), "a lone zero score counts as 1");
  }

  @Test
  void noAdmissibleBidMeansNoWinnerButAKnownSeed() {
    AuctionResult result = Auction.close("project-empty", Keccak256.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"),
        List.of(bid("A", 81, 1)), terms(0, PricingRule.FIRST_PRICE));
    assertEquals(List.of(), result.admissible());
    assertEquals(List.of(), result.candidates());
    assertEquals(Optional.empty(), result.winner());
    assertEquals(Optional.empty(), result.pricePaid());
    assertEquals(BigInteger.ZERO, result.totalScore());
    // Same value as the independently computed "no admissible bid" vector.
    assertEquals("eae482ce0dba74f6f8f7fe8e529f969429b8514021ade7e717e5e3dfbe25a331", Keccak256.hex(result.seed()));
  }

  @Test
  void seedDependsOnEveryInputButNotOnBidOrder() {
    List<Candidate> bids = List.of(new Candidate("A", bhkr(60), 1), new Candidate("B", bhkr(61), 1));
    byte[] seed = Auction.seed("p", BEACON, bids);
    assertArrayEquals(seed, Auction.seed("p", BEACON, List.of(bids.get(1), bids.get(0))));
    assertArrayEquals(seed, Auction.seed("p", BEACON, List.of(new Candidate("B", bhkr(61), 9), new Candidate("A", bhkr(60), 5))),
        "scores are not part of the seed");
    assertNotEquals(Keccak256.hex(seed), Keccak256.hex(Auction.seed("q", BEACON, bids)));
    assertNotEquals(Keccak256.hex(seed), Keccak256.hex(Auction.seed("p", Keccak256.hash(BEACON), bids)));
    assertNotEquals(Keccak256.hex(seed),
        Keccak256.hex(Auction.seed("p", BEACON, List.of(bids.get(0), new Candidate("B", bhkr(61).plus(Amount.of(Asset.BHKR, 1)), 1)))));
  }

  @Test
  void seedEncodesThePriceAsA32ByteUint256() {
    Candidate big = new Candidate("A", new Amount(Asset.BHKR, BigInteger.TWO.pow(255)), 1);
    byte[] price = new byte[32];
    price[0] = (byte) 0x80;
    byte[] c = Keccak256.hash("A".getBytes(StandardCharsets.UTF_8), price);
    assertArrayEquals(Keccak256.hash("p".getBytes(StandardCharsets.UTF_8), BEACON, Keccak256.hash(c)), Auction.seed("p", BEACON, List.of(big)));
    Candidate tooBig = new Candidate("A", new Amount(Asset.BHKR, BigInteger.TWO.pow(256)), 1);
    assertThrows(IllegalArgumentException.class, () -> Auction.seed("p", BEACON, List.of(tooBig)));
  }

  @Test
  void resultCopiesAndComparesTheSeedByContent() {
    byte[] seed = new byte[32];
    AuctionResult result = new AuctionResult(List.of(), List.of(), seed, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.empty());
    seed[0] = 1;
    result.seed()[1] = 1;
    assertArrayEquals(new byte[32], result.seed());
    assertEquals(result, new AuctionResult(List.of(), List.of(), new byte[32], BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.empty()));
    assertEquals(result.hashCode(), new AuctionResult(List.of(), List.of(), new byte[32], BigInteger.ZERO, BigInteger.ZERO,
        Optional.empty(), Optional.empty()).hashCode());
    assertNotEquals(result, new AuctionResult(List.of(), List.of(), seed, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.empty()));
    assertTrue(result.toString().contains("0".repeat(64)), result.toString());
  }
}
