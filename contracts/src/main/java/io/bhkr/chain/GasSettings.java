package io.bhkr.chain;

import java.math.BigInteger;

/**
 * How the bridge prices its transactions (EIP-1559). Pure.
 *
 * @param maxPriorityFeePerGas the tip, in wei per gas
 * @param maxFeePerGasCap      never pay more than this per gas, however high the base fee
 * @param gasLimitMarginPercent added to the node's gas estimate
 * @param repriceAfterRounds   an attempt not mined after this many rounds is signed again with higher fees
 * @param bumpPercent          how much higher (nodes require at least 10 % to replace)
 */
public record GasSettings(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGasCap, int gasLimitMarginPercent,
    int repriceAfterRounds, int bumpPercent) {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  public GasSettings {
    if (maxPriorityFeePerGas.signum() < 0 || maxFeePerGasCap.compareTo(maxPriorityFeePerGas) < 0)
      throw new IllegalArgumentException("need 0 <= priority fee <= fee cap");
    if (gasLimitMarginPercent < 0 || repriceAfterRounds < 1 || bumpPercent < 10)
      throw new IllegalArgumentException("margin >= 0, reprice after >= 1 round, bump >= 10 %");
  }

  /** 1 gwei tip, at most 500 gwei per gas, 20 % over the estimate, re-priced by 20 % after 20 rounds. */
  public static GasSettings defaults() {
    return new GasSettings(BigInteger.TEN.pow(9), BigInteger.valueOf(500).multiply(BigInteger.TEN.pow(9)), 20, 20, 20);
  }

  public BigInteger gasLimit(BigInteger estimate) {
    return estimate.multiply(HUNDRED.add(BigInteger.valueOf(gasLimitMarginPercent))).divide(HUNDRED);
  }

  /** Twice the base fee plus the tip (room for six full blocks of base-fee growth), capped. */
  public BigInteger maxFeePerGas(BigInteger baseFee) {
    return baseFee.shiftLeft(1).add(maxPriorityFeePerGas).min(maxFeePerGasCap);
  }

  /** Fees for a replacement: both raised by bumpPercent (rounded up), the max fee capped. */
  public BigInteger[] bumped(BigInteger maxFee, BigInteger priority) {
    BigInteger factor = HUNDRED.add(BigInteger.valueOf(bumpPercent));
    BigInteger p = ceil(priority.multiply(factor));
    BigInteger f = ceil(maxFee.multiply(factor)).min(maxFeePerGasCap);
    return new BigInteger[] {f, p.min(f)};
  }

  private static BigInteger ceil(BigInteger timesHundred) {
    BigInteger[] qr = timesHundred.divideAndRemainder(HUNDRED);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }
}
