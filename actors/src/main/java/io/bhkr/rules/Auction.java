package io.bhkr.rules;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec 2: which bids are admissible, and at close who wins and what the winner is paid. Every
 * step is a function of its inputs (bids, terms, project id and a public beacon), so anyone
 * holding the AuctionClosed event can recompute the pick.
 */
public final class Auction {

  private static final BigInteger BASIS = BigInteger.valueOf(10_000);
  private static final int UINT256_BYTES = 32;
  private static final int BEACON_BYTES = 32;
  /** String.compareTo order: the same as byte order for ASCII ids, and the same on every replay. */
  private static final Comparator<Candidate> BY_PROVIDER_ID = Comparator.comparing(Candidate::providerId);

  public enum PricingRule { FIRST_PRICE, SECOND_PRICE }

  /** A provider as it stood when it bid; FP, collateral and prices are in BHKR. */
  public record ProviderStanding(String providerId, boolean qualified, boolean disqualified, Amount collateral,
      Resources freeCapacity, Amount maxPrice, long score) {
    public ProviderStanding {
      requireId("providerId", providerId);
      requireBhkr("collateral", collateral);
      if (freeCapacity == null) throw new IllegalArgumentException("freeCapacity is missing");
      requireBhkr("maxPrice", maxPrice);
      if (score < 0) throw new IllegalArgumentException("score must not be negative: " + score);
    }
  }

  /** A sealed bid. Its price asset is checked at admission (WRONG_ASSET), not here. */
  public record Bid(String providerId, Amount price, ProviderStanding standing) {
    public Bid {
      requireId("providerId", providerId);
      if (price == null) throw new IllegalArgumentException("price is missing");
      if (standing == null) throw new IllegalArgumentException("standing is missing");
      if (!standing.providerId().equals(providerId))
        throw new IllegalArgumentException("bid of " + providerId + " carries the standing of " + standing.providerId());
    }
  }

  public record AuctionTerms(Amount maxBid, Amount pMin, Resources resources, int priceBandBps, PricingRule pricingRule) {
    public AuctionTerms {
      requireBhkr("maxBid", maxBid);
      requireBhkr("pMin", pMin);
      if (resources == null) throw new IllegalArgumentException("resources are missing");
      if (priceBandBps < 0 || priceBandBps > 10_000)
        throw new IllegalArgumentException("priceBandBps out of 0..10000: " + priceBandBps);
      if (pricingRule == null) throw new IllegalArgumentException("pricingRule is missing");
    }
  }

  /** Why a bid is not admissible (spec 2.2). */
  public enum Refusal {
    NOT_QUALIFIED("the provider is not qualified by governance"),
    DISQUALIFIED("the provider is disqualified"),
    NO_FREE_CAPACITY("the provider has no free capacity for the project's resources"),
    COLLATERAL_BELOW_MINIMUM("the provider's BHKR collateral is below pMin"),
    ABOVE_OWN_MAX_PRICE("the bid is above the provider's own declared max price"),
    ABOVE_MAX_BID("the bid is above maxBid, which would leave the requester a negative return"),
    WRONG_ASSET("the bid must be priced in BHKR, the asset of FP");

    private final String message;

    Refusal(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** An admissible bid as the close sees it: who, at what price, with which score. */
  public record Candidate(String providerId, Amount price, long score) {
    public Candidate {
      requireId("providerId", providerId);
      if (price == null) throw new IllegalArgumentException("price is missing");
      if (score < 0) throw new IllegalArgumentException("score must not be negative: " + score);
    }
  }

  /**
   * Everything needed to recompute the close. {@code admissible} is sorted by provider id with
   * the scores as bid; {@code candidates} is the lowest-price set sorted by provider id with the
   * scores the pick used. {@code seed} is copied in and out, and compared by content.
   */
  public record AuctionResult(List<Candidate> admissible, List<Candidate> candidates, byte[] seed, BigInteger totalScore,
      BigInteger r, Optional<String> winner, Optional<Amount> pricePaid) {
    public AuctionResult {
      admissible = List.copyOf(Objects.requireNonNull(admissible, "admissible"));
      candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
      seed = Objects.requireNonNull(seed, "seed").clone();
      Objects.requireNonNull(totalScore, "totalScore");
      Objects.requireNonNull(r, "r");
      Objects.requireNonNull(winner, "winner");
      Objects.requireNonNull(pricePaid, "pricePaid");
    }

    @Override
    public byte[] seed() {
      return seed.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AuctionResult other && admissible.equals(other.admissible) && candidates.equals(other.candidates)
          && Arrays.equals(seed, other.seed) && totalScore.equals(other.totalScore) && r.equals(other.r)
          && winner.equals(other.winner) && pricePaid.equals(other.pricePaid);
    }

    @Override
    public int hashCode() {
      return Objects.hash(admissible, candidates, Arrays.hashCode(seed), totalScore, r, winner, pricePaid);
    }

    @Override
    public String toString() {
      return "AuctionResult[admissible=" + admissible + ", candidates=" + candidates + ", seed=" + Keccak256.hex(seed)
          + ", totalScore=" + totalScore + ", r=" + r + ", winner=" + winner + ", pricePaid=" + pricePaid + "]";
    }
  }

  private Auction() {}

  /**
   * Empty when the bid is admissible, else the first failing check in this order: the provider's
   * standing (qualified, not disqualified, capacity, collateral), then the price's asset, which
   * must be known before prices can be compared, then its own max price and maxBid.
   */
  public static Optional<Refusal> refusal(Bid bid, AuctionTerms terms) {
    if (bid == null) throw new IllegalArgumentException("bid is missing");
    if (terms == null) throw new IllegalArgumentException("terms are missing");
    ProviderStanding standing = bid.standing();
    if (!standing.qualified()) return Optional.of(Refusal.NOT_QUALIFIED);
    if (standing.disqualified()) return Optional.of(Refusal.DISQUALIFIED);
    if (!standing.freeCapacity().covers(terms.resources())) return Optional.of(Refusal.NO_FREE_CAPACITY);
    if (standing.collateral().isLessThan(terms.pMin())) return Optional.of(Refusal.COLLATERAL_BELOW_MINIMUM);
    if (bid.price().asset() != terms.maxBid().asset()) return Optional.of(Refusal.WRONG_ASSET);
    if (bid.price().isGreaterThan(standing.maxPrice())) return Optional.of(Refusal.ABOVE_OWN_MAX_PRICE);
    if (bid.price().isGreaterThan(terms.maxBid())) return Optional.of(Refusal.ABOVE_MAX_BID);
    return Optional.empty();
  }

  /**
   * Spec 2.4: {@code keccak256(utf8(projectId) || beacon || keccak256(c_1 || … || c_m))} with
   * {@code c_i = keccak256(utf8(providerId) || uint256(price))} sorted as unsigned bytes, so the
   * order the bids arrived in cannot steer the pick. No admissible bid hashes the empty list.
   */
  public static byte[] seed(String projectId, byte[] beacon, List<Candidate> admissible) {
    requireId("projectId", projectId);
    if (beacon == null || beacon.length != BEACON_BYTES)
      throw new IllegalArgumentException("beacon must be " + BEACON_BYTES + " bytes, got " + (beacon == null ? "none" : beacon.length));
    if (admissible == null) throw new IllegalArgumentException("admissible bids are missing");
    List<byte[]> commitments = new ArrayList<>();
    for (Candidate c : admissible) {
      if (c == null) throw new IllegalArgumentException("an admissible bid is null");
      commitments.add(Keccak256.hash(c.providerId().getBytes(StandardCharsets.UTF_8), uint256(c.price().amount())));
    }
    commitments.sort(Arrays::compareUnsigned);
    byte[] bidsHash = Keccak256.hash(commitments.toArray(new byte[0][]));
    return Keccak256.hash(projectId.getBytes(StandardCharsets.UTF_8), beacon, bidsHash);
  }

  /**
   * The candidate whose range holds {@code r}, ranges of width score laid end to end in provider
   * id order from 0. Scores all 0 count as 1 each, as in {@link #close}.
   */
  public static String pick(List<Candidate> candidatesById, BigInteger r) {
    if (candidatesById == null || candidatesById.isEmpty()) throw new IllegalArgumentException("no candidate to pick from");
    if (r == null) throw new IllegalArgumentException("r is missing");
    for (int i = 1; i < candidatesById.size(); i++) {
      if (candidatesById.get(i - 1).providerId().compareTo(candidatesById.get(i).providerId()) >= 0)
        throw new IllegalArgumentException("candidates must be sorted by distinct provider id: " + candidatesById);
    }
    List<Candidate> scored = effectiveScores(candidatesById);
    BigInteger total = totalScore(scored);
    if (r.signum() < 0 || r.compareTo(total) >= 0) throw new IllegalArgumentException("r must be in [0, " + total + "): " + r);
    BigInteger rangeEnd = BigInteger.ZERO;
    for (Candidate c : scored) {
      rangeEnd = rangeEnd.add(BigInteger.valueOf(c.score()));
      if (r.compareTo(rangeEnd) < 0) return c.providerId();
    }
    throw new IllegalStateException("r " + r + " fell outside every range"); // unreachable: r < total
  }

  /**
   * Closes the auction (spec 2.3–2.6). One bid per provider: when a provider bid several times
   * its LAST bid in {@code bids} counts, replacing the earlier ones even if it is refused. With
   * no admissible bid the result has no winner and no price, and its seed is that of the empty
   * list (totalScore and r are 0).
   */
  public static AuctionResult close(String projectId, byte[] beacon, List<Bid> bids, AuctionTerms terms) {
    if (bids == null) throw new IllegalArgumentException("bids are missing");
    if (terms == null) throw new IllegalArgumentException("terms are missing");
    Map<String, Bid> lastBidOf = new LinkedHashMap<>();
    for (Bid bid : bids) {
      if (bid == null) throw new IllegalArgumentException("a bid is null");
      lastBidOf.put(bid.providerId(), bid);
    }
    List<Candidate> admissible = lastBidOf.values().stream()
        .filter(bid -> refusal(bid, terms).isEmpty())
        .map(bid -> new Candidate(bid.providerId(), bid.price(), bid.standing().score()))
        .sorted(BY_PROVIDER_ID)
        .toList();
    byte[] seed = seed(projectId, beacon, admissible);
    if (admissible.isEmpty())
      return new AuctionResult(admissible, List.of(), seed, BigInteger.ZERO, BigInteger.ZERO, Optional.empty(), Optional.empty());

    BigInteger lowest = admissible.stream().map(c -> c.price().amount()).min(Comparator.naturalOrder()).orElseThrow();
    BigInteger ceiling = lowest.add(lowest.multiply(BigInteger.valueOf(terms.priceBandBps())).divide(BASIS));
    List<Candidate> candidates = effectiveScores(admissible.stream().filter(c -> c.price().amount().compareTo(ceiling) <= 0).toList());
    BigInteger totalScore = totalScore(candidates);
    BigInteger r = new BigInteger(1, seed).mod(totalScore);
    String winner = pick(candidates, r);
    Amount winningBid = candidates.stream().filter(c -> c.providerId().equals(winner)).findFirst().orElseThrow().price();
    Amount pricePaid = switch (terms.pricingRule()) {
      case FIRST_PRICE -> winningBid;
      case SECOND_PRICE -> admissible.stream().map(Candidate::price).filter(p -> p.isGreaterThan(winningBid))
          .min(Comparator.comparing(Amount::amount)).orElse(terms.maxBid());
    };
    return new AuctionResult(admissible, candidates, seed, totalScore, r, Optional.of(winner), Optional.of(pricePaid));
  }

  /** Spec 2.4: if every candidate scores 0, each counts as 1, so the pick is uniform, not impossible. */
  private static List<Candidate> effectiveScores(List<Candidate> candidates) {
    if (candidates.stream().anyMatch(c -> c.score() != 0)) return candidates;
    return candidates.stream().map(c -> new Candidate(c.providerId(), c.price(), 1)).toList();
  }

  private static BigInteger totalScore(List<Candidate> candidates) {
    return candidates.stream().map(c -> BigInteger.valueOf(c.score())).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The 32-byte big-endian encoding Solidity's abi.encodePacked gives a uint256. */
  private static byte[] uint256(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 8 * UINT256_BYTES)
      throw new IllegalArgumentException("does not fit a uint256: " + value);
    byte[] minimal = value.toByteArray(); // may carry a leading sign byte 0x00
    byte[] out = new byte[UINT256_BYTES];
    int length = Math.min(minimal.length, UINT256_BYTES);
    System.arraycopy(minimal, minimal.length - length, out, UINT256_BYTES - length, length);
    return out;
  }

  private static void requireId(String name, String id) {
    if (id == null || id.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
  }

  private static void requireBhkr(String name, Amount amount) {
    if (amount == null) throw new IllegalArgumentException(name + " is missing");
    if (amount.asset() != Asset.BHKR) throw new IllegalArgumentException(name + " must be in BHKR, not " + amount.asset());
  }
}
