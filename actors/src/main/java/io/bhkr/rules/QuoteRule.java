package io.bhkr.rules;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.math.BigInteger;

/** Spec 1 and the price ceiling of spec 2.2: what a project costs and what a provider may ask. */
public final class QuoteRule {

  private static final long DAYS_PER_MONTH = 30;
  private static final long DAYS_PER_YEAR = 365;
  private static final BigInteger BASIS = BigInteger.valueOf(10_000);
  private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(Asset.DECIMALS);

  private QuoteRule() {}

  /** {@code months * sum(units * unit price)} in micro-USD; a started month is billed whole. */
  public static BigInteger fixedPriceMicroUsd(Resources r, long durationDays, Pricing p) {
    if (r == null) throw new IllegalArgumentException("resources are missing");
    if (p == null) throw new IllegalArgumentException("pricing is missing");
    BigInteger perMonth = BigInteger.valueOf(r.cpuGhz()).multiply(p.cpuMicroUsd())
        .add(BigInteger.valueOf(r.ramGb()).multiply(p.ramMicroUsd()))
        .add(BigInteger.valueOf(r.storageGb()).multiply(p.storageMicroUsd()))
        .add(BigInteger.valueOf(r.bandwidthMbps()).multiply(p.bandwidthMicroUsd()));
    return perMonth.multiply(BigInteger.valueOf(months(durationDays)));
  }

  /** {@code ceil(durationDays / 30)}; a project lasts at least one day. */
  public static int months(long durationDays) {
    if (durationDays < 1) throw new IllegalArgumentException("durationDays must be at least 1: " + durationDays);
    long months = (durationDays - 1) / DAYS_PER_MONTH + 1;
    if (months > Integer.MAX_VALUE) throw new IllegalArgumentException("durationDays too large: " + durationDays);
    return (int) months;
  }

  /** BHKR base units for a USD amount at the governance price, rounded up because the payer rounds up. */
  public static Amount usdToBhkr(BigInteger microUsd, BigInteger bhkrPriceMicroUsd) {
    if (microUsd == null || microUsd.signum() < 0) throw new IllegalArgumentException("microUsd must be a non-negative number: " + microUsd);
    if (bhkrPriceMicroUsd == null || bhkrPriceMicroUsd.signum() <= 0)
      throw new IllegalArgumentException("bhkrPriceMicroUsd must be positive: " + bhkrPriceMicroUsd);
    BigInteger[] qr = microUsd.multiply(ONE_TOKEN).divideAndRemainder(bhkrPriceMicroUsd);
    BigInteger units = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    return new Amount(Asset.BHKR, units);
  }

  /**
   * The highest admissible bid, {@code floor(fp * (10_000 - rpBps - ipBps) / 10_000)}: what is
   * left of FP after both pools, so the requester's remainder can never go negative.
   */
  public static Amount maxBid(Amount fp, int rpBps, int ipBps) {
    if (fp == null) throw new IllegalArgumentException("fp is missing");
    requirePoolRates(rpBps, ipBps);
    return fp.bps(10_000 - rpBps - ipBps);
  }

  /** {@code floor(stake * aprBps * days / (10_000 * 365))}, in the stake's asset. */
  public static Amount expectedProfit(Amount stake, int aprBps, long durationDays) {
    if (stake == null) throw new IllegalArgumentException("stake is missing");
    if (aprBps < 0) throw new IllegalArgumentException("aprBps must not be negative: " + aprBps);
    if (durationDays < 0) throw new IllegalArgumentException("durationDays must not be negative: " + durationDays);
    BigInteger profit = stake.amount().multiply(BigInteger.valueOf(aprBps)).multiply(BigInteger.valueOf(durationDays))
        .divide(BASIS.multiply(BigInteger.valueOf(DAYS_PER_YEAR)));
    return new Amount(stake.asset(), profit);
  }

  /** Both pool rates are basis points and together take at most the whole. */
  static void requirePoolRates(int rpBps, int ipBps) {
    if (rpBps < 0) throw new IllegalArgumentException("rpBps must not be negative: " + rpBps);
    if (ipBps < 0) throw new IllegalArgumentException("ipBps must not be negative: " + ipBps);
    if ((long) rpBps + ipBps > 10_000) throw new IllegalArgumentException("rpBps + ipBps must be at most 10000: " + rpBps + " + " + ipBps);
  }
}
