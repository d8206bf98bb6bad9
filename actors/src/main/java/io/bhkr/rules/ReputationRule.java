package io.bhkr.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Spec 8, the reputation score:
 * {@code clamp(round(1000 × (wU·U + wR·Rt + wS·St + wP·Pr)) − penalties, 0, 1000)}. Every term is a
 * BigDecimal at scale 6, HALF_EVEN, and so is their weighted sum; the final rounding is HALF_EVEN
 * too. Weights arrive in basis points so that no double enters. Time is only what the caller says
 * "now" is: a replay with the same history and the same now gives the same integer.
 */
public final class ReputationRule {

  public static final long SECONDS_PER_DAY = 86_400;
  private static final int SCALE = 6;
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

  private ReputationRule() {}

  /** The weights and windows of spec 8; {@code disputeLimit} dispute marks in the window count as one failure. */
  public record Weights(int uptimeBps, int runningBps, int stakeBps, int priceBps, int targetRunDays, int scoreWindowDays,
      int penaltyWindowDays, int failurePenalty, int slashingPenalty, int disputeLimit) {
    public Weights {
      if (uptimeBps + runningBps + stakeBps + priceBps != 10_000) throw new IllegalArgumentException("weights must sum to 10000 bp");
      if (targetRunDays < 1 || scoreWindowDays < 1 || penaltyWindowDays < 1 || disputeLimit < 1)
        throw new IllegalArgumentException("days and the dispute limit must be at least 1");
    }
  }

  /** A node's uptime for one audited period, known at {@code at} (the period's end). */
  public record AuditedPeriod(long period, long at, int uptimeBps) {}

  /** One recent bid and the project's maxBid (both BHKR base units). */
  public record BidRatio(BigInteger bid, BigInteger maxBid) {
    public BidRatio {
      if (bid.signum() < 0 || maxBid.signum() <= 0) throw new IllegalArgumentException("a bid needs a positive maxBid");
    }
  }

  /**
   * Everything a provider's score depends on.
   *
   * @param averageRunSeconds the average running time of the provider's nodes
   * @param staked BHKR collateral (base units); pMax the governance maximum
   * @param bids recent bids, newest last
   * @param failures, slashings, disputeMarks the times they were recorded
   */
  public record History(List<AuditedPeriod> periods, long averageRunSeconds, BigInteger staked, BigInteger pMax,
      List<BidRatio> bids, List<Long> failures, List<Long> slashings, List<Long> disputeMarks) {
    public History {
      periods = List.copyOf(periods);
      bids = List.copyOf(bids);
      failures = List.copyOf(failures);
      slashings = List.copyOf(slashings);
      disputeMarks = List.copyOf(disputeMarks);
    }
  }

  /** The score and each input as it entered the formula: what the API shows as provenance. */
  public record Score(long score, BigDecimal uptime, BigDecimal running, BigDecimal staked, BigDecimal price, long penalties,
      List<Long> periodsCounted, int failuresCounted, int slashingsCounted, int disputeMarksCounted) {}

  public static Score score(History h, long now, Weights w) {
    long scoreFrom = now - w.scoreWindowDays() * SECONDS_PER_DAY;
    List<AuditedPeriod> recent = h.periods().stream().filter(p -> p.at() > scoreFrom && p.at() <= now).toList();
    // No audited period in the window: no evidence of downtime, U = 1 (spec: a new provider counts U = 1).
    BigDecimal u = recent.isEmpty() ? BigDecimal.ONE.setScale(SCALE)
        : BigDecimal.valueOf(recent.stream().mapToLong(AuditedPeriod::uptimeBps).sum())
            .divide(BPS.multiply(BigDecimal.valueOf(recent.size())), SCALE, RoundingMode.HALF_EVEN);
    // No audited period ever: Rt = 0 (spec), whatever the nodes claim to have run.
    BigDecimal rt = h.periods().isEmpty() ? BigDecimal.ZERO.setScale(SCALE)
        : ratio(BigInteger.valueOf(Math.max(0, h.averageRunSeconds())), BigInteger.valueOf(w.targetRunDays() * SECONDS_PER_DAY));
    BigDecimal st = h.pMax() == null || h.pMax().signum() <= 0 ? BigDecimal.ZERO.setScale(SCALE) : ratio(h.staked(), h.pMax());
    BigDecimal pr = BigDecimal.ONE.setScale(SCALE);
    if (!h.bids().isEmpty()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (BidRatio b : h.bids()) sum = sum.add(ratio(b.bid(), b.maxBid()));
      pr = BigDecimal.ONE.subtract(sum.divide(BigDecimal.valueOf(h.bids().size()), SCALE, RoundingMode.HALF_EVEN));
    }
    BigDecimal weighted = weight(w.uptimeBps()).multiply(u).add(weight(w.runningBps()).multiply(rt))
        .add(weight(w.stakeBps()).multiply(st)).add(weight(w.priceBps()).multiply(pr)).setScale(SCALE, RoundingMode.HALF_EVEN);
    long base = weighted.multiply(THOUSAND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();

    long penaltyFrom = now - w.penaltyWindowDays() * SECONDS_PER_DAY;
    int failures = within(h.failures(), penaltyFrom, now);
    int slashings = within(h.slashings(), penaltyFrom, now);
    int disputes = within(h.disputeMarks(), penaltyFrom, now);
    long penalties = (long) failures * w.failurePenalty() + (long) slashings * w.slashingPenalty()
        + (long) (disputes / w.disputeLimit()) * w.failurePenalty();
    long score = Math.max(0, Math.min(1000, base - penalties));
    return new Score(score, u, rt, st, pr, penalties, recent.stream().map(AuditedPeriod::period).toList(), failures, slashings,
        disputes);
  }

  /** min(1, a / b) at scale 6; b positive. */
  private static BigDecimal ratio(BigInteger a, BigInteger b) {
    return new BigDecimal(a.max(BigInteger.ZERO)).divide(new BigDecimal(b), SCALE, RoundingMode.HALF_EVEN).min(BigDecimal.ONE.setScale(SCALE));
  }

  private static BigDecimal weight(int bps) {
    return BigDecimal.valueOf(bps).divide(BPS, 4, RoundingMode.UNNECESSARY);
  }

  private static int within(List<Long> times, long from, long to) {
    return (int) times.stream().filter(t -> t > from && t <= to).count();
  }
}
