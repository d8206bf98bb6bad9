package io.bhkr.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.Auction.AuctionResult;
import io.bhkr.rules.Auction.AuctionTerms;
import io.bhkr.rules.Auction.Bid;
import io.bhkr.rules.Auction.Candidate;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Auction.ProviderStanding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Prices are small base-unit numbers around maxBid so that ties, refusals and every branch of
 * admission come up often.
 */
class AuctionProperties {

  private static final Resources PROJECT = new Resources(4, 16, 128, 0);
  private static final long P_MIN = 10;

  @Provide
  Arbitrary<List<Bid>> bids() {
    Arbitrary<String> id = Arbitraries.strings().withChars("ABCPQXYZ19").ofMinLength(1).ofMaxLength(3);
    Arbitrary<Amount> price = Arbitraries.frequencyOf(
        Tuple.of(19, Arbitraries.longs().between(40, 100).map(u -> Amount.of(Asset.BHKR, u))),
        Tuple.of(1, Arbitraries.longs().between(40, 100).map(u -> Amount.of(Asset.ETH, u))));
    Arbitrary<Boolean> qualified = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    Arbitrary<Boolean> disqualified = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(9, false));
    Arbitrary<Long> collateral = Arbitraries.longs().between(P_MIN - 2, P_MIN + 20);
    Arbitrary<Long> ramGb = Arbitraries.longs().between(14, 64);
    Arbitrary<Long> maxPrice = Arbitraries.longs().between(45, 120);
    Arbitrary<Long> score = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0L)),
        Tuple.of(3, Arbitraries.longs().between(0, 1000)));
    Arbitrary<Bid> bid = Combinators.combine(id, price, qualified, disqualified, collateral, ramGb, maxPrice, score)
        .as((i, p, q, d, c, ram, max, s) -> new Bid(i, p, new ProviderStanding(i, q, d, Amount.of(Asset.BHKR, c),
            new Resources(4, ram, 128, 0), Amount.of(Asset.BHKR, max), s)));
    return bid.list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<AuctionTerms> terms() {
    Arbitrary<Long> maxBid = Arbitraries.longs().between(40, 100);
    Arbitrary<Integer> band = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
        Tuple.of(1, Arbitraries.integers().between(0, 3000)));
    Arbitrary<PricingRule> rule = Arbitraries.of(PricingRule.class);
    return Combinators.combine(maxBid, band, rule)
        .as((m, b, r) -> new AuctionTerms(Amount.of(Asset.BHKR, m), Amount.of(Asset.BHKR, P_MIN), PROJECT, b, r));
  }

  @Provide
  Arbitrary<String> projectIds() {
    return Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(12);
  }

  /** The last bid of each provider, as close() counts them. */
  private static List<Bid> lastBids(List<Bid> bids) {
    List<Bid> last = new ArrayList<>();
    for (int i = 0; i < bids.size(); i++) {
      String id = bids.get(i).providerId();
      if (bids.subList(i + 1, bids.size()).stream().noneMatch(b -> b.providerId().equals(id))) last.add(bids.get(i));
    }
    return last;
  }

  @Property
  void noAdmissibleBidExceedsMaxBid(@ForAll("projectIds") String projectId, @ForAll @Size(32) byte[] beacon,
      @ForAll("bids") List<Bid> bids, @ForAll("terms") AuctionTerms terms) {
    AuctionResult result = Auction.close(projectId, beacon, bids, terms);
    for (Candidate c : result.admissible()) {
      assertEquals(Asset.BHKR, c.price().asset());
      assertFalse(c.price().isGreaterThan(terms.maxBid()), c + " above maxBid " + terms.maxBid());
    }
    // Exactly the last bids that refusal() lets through are admissible.
    Set<String> expected = lastBids(bids).stream().filter(b -> Auction.refusal(b, terms).isEmpty())
        .map(Bid::providerId).collect(Collectors.toSet());
    assertEquals(expected, result.admissible().stream().map(Candidate::providerId).collect(Collectors.toSet()));
    for (Bid b : bids) {
      if (b.price().asset() == Asset.BHKR && b.price().isGreaterThan(terms.maxBid()))
        assertTrue(Auction.refusal(b, terms).isPresent(), b + " is above maxBid yet admissible");
    }
  }

  @Property
  void closeIsAFunctionOfItsInputsWhateverTheBidOrder(@ForAll("projectIds") String projectId, @ForAll @Size(32) byte[] beacon,
      @ForAll("bids") List<Bid> bids, @ForAll("terms") AuctionTerms terms, @ForAll long shuffleSeed) {
    AuctionResult result = Auction.close(projectId, beacon, bids, terms);
    assertEquals(result, Auction.close(projectId, beacon.clone(), new ArrayList<>(bids), terms));

    // Only the last bid of each provider counts, so permute those (their relative order is what matters).
    List<Bid> shuffled = new ArrayList<>(lastBids(bids));
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    assertEquals(result, Auction.close(projectId, beacon, shuffled, terms));
  }

  @Property
  void winnerIsALowestPriceCandidateAndIsPaidWithinBounds(@ForAll("projectIds") String projectId,
      @ForAll @Size(32) byte[] beacon, @ForAll("bids") List<Bid> bids, @ForAll("terms") AuctionTerms terms) {
    AuctionResult result = Auction.close(projectId, beacon, bids, terms);
    if (result.admissible().isEmpty()) {
      assertTrue(result.winner().isEmpty() && result.pricePaid().isEmpty() && result.candidates().isEmpty());
      return;
    }
    BigInteger lowest = result.admissible().stream().map(c -> c.price().amount()).min(BigInteger::compareTo).orElseThrow();
    BigInteger ceiling = lowest.add(lowest.multiply(BigInteger.valueOf(terms.priceBandBps())).divide(BigInteger.valueOf(10_000)));
    List<String> lowestSet = result.admissible().stream().filter(c -> c.price().amount().compareTo(ceiling) <= 0)
        .map(Candidate::providerId).toList();
    assertEquals(lowestSet, result.candidates().stream().map(Candidate::providerId).toList());

    String winner = result.winner().orElseThrow();
    Candidate won = result.candidates().stream().filter(c -> c.providerId().equals(winner)).findFirst().orElseThrow();
    assertTrue(won.score() > 0, "a zero-width range was picked");
    assertEquals(winner, Auction.pick(result.candidates(), result.r()));
    assertEquals(new BigInteger(1, result.seed()).mod(result.totalScore()), result.r());
    if (terms.priceBandBps() == 0) assertEquals(lowest, won.price().amount());

    Amount paid = result.pricePaid().orElseThrow();
    assertFalse(paid.isLessThan(won.price()));
    assertFalse(paid.isGreaterThan(terms.maxBid()));
    if (terms.pricingRule() == PricingRule.FIRST_PRICE) assertEquals(won.price(), paid);
  }

  @Property
  void pickFindsTheRangeHoldingR(@ForAll @Size(min = 1, max = 8) List<@LongRange(max = 20) Long> scores,
      @ForAll long rSeed) {
    List<Candidate> candidates = new ArrayList<>();
    List<String> ticketOwners = new ArrayList<>();
    boolean allZero = scores.stream().allMatch(s -> s == 0);
    for (int i = 0; i < scores.size(); i++) {
      String id = "P" + (char) ('a' + i);
      candidates.add(new Candidate(id, Amount.of(Asset.BHKR, 60), scores.get(i)));
      for (long t = 0; t < (allZero ? 1 : scores.get(i)); t++) ticketOwners.add(id);
    }
    BigInteger r = BigInteger.valueOf(Math.floorMod(rSeed, ticketOwners.size()));
    assertEquals(ticketOwners.get(r.intValueExact()), Auction.pick(candidates, r));
  }
}
