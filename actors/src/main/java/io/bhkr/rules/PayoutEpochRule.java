package io.bhkr.rules;

import io.bhkr.money.Asset;

/**
 * Payout epochs (chain mode): a payout asked for at time {@code at} belongs to the period
 * {@code floor(at / epochSeconds)}. The settlement anchor keeps one total per epoch id, so each
 * period has one epoch id per asset: {@code 2 * period} pays ETH and {@code 2 * period + 1} pays
 * BHKR, and the custody vault funds an epoch in the asset its parity names. Pure.
 */
public final class PayoutEpochRule {

  private PayoutEpochRule() {}

  /** The epoch id open at {@code at} (unix seconds) for payouts of {@code asset} (ETH or BHKR). */
  public static long epochOf(long at, long epochSeconds, Asset asset) {
    if (epochSeconds < 1) throw new IllegalArgumentException("a payout epoch lasts at least one second");
    if (at < 0) throw new IllegalArgumentException("time before 1970: " + at);
    return 2 * (at / epochSeconds) + parity(asset);
  }

  /** The asset an epoch id pays. */
  public static Asset assetOf(long epoch) {
    return epoch % 2 == 0 ? Asset.ETH : Asset.BHKR;
  }

  /** When the epoch's period ends (unix seconds): from then on no payout can be asked into it. */
  public static long endOf(long epoch, long epochSeconds) {
    return (epoch / 2 + 1) * epochSeconds;
  }

  public static boolean ended(long epoch, long epochSeconds, long now) {
    return now >= endOf(epoch, epochSeconds);
  }

  private static long parity(Asset asset) {
    return switch (asset) {
      case ETH -> 0;
      case BHKR -> 1;
      case AETH -> throw new IllegalArgumentException("aETH is not paid out through the anchor");
    };
  }
}
