package io.bhkr.rules;

import java.math.BigInteger;

/**
 * Spec 6, how far a provider is trusted and so the ETH share k it stakes on each 32 ETH validator:
 * at or above {@code trustedScore} none, below {@code untrustedScore} 16 ETH, between them linear,
 * {@code 16 ETH × (trusted − score) / (trusted − untrusted)} rounded up to a whole ETH (with the
 * defaults 800 and 400 exactly the spec's {@code 16 ETH × (800 − score) / 400}).
 */
public enum TrustTier {
  TRUSTED,
  STANDARD,
  UNTRUSTED;

  public static final BigInteger ETH = BigInteger.TEN.pow(18);
  public static final BigInteger MAX_K = ETH.multiply(BigInteger.valueOf(16));

  public static TrustTier of(long score, int trustedScore, int untrustedScore) {
    if (score >= trustedScore) return TRUSTED;
    if (score < untrustedScore) return UNTRUSTED;
    return STANDARD;
  }

  /** k in wei. */
  public static BigInteger k(long score, int trustedScore, int untrustedScore) {
    return switch (of(score, trustedScore, untrustedScore)) {
      case TRUSTED -> BigInteger.ZERO;
      case UNTRUSTED -> MAX_K;
      case STANDARD -> {
        // STANDARD implies untrusted ≤ score < trusted, so the span is positive.
        BigInteger[] ethAndRest = BigInteger.valueOf(16).multiply(BigInteger.valueOf(trustedScore - score))
            .divideAndRemainder(BigInteger.valueOf((long) trustedScore - untrustedScore));
        BigInteger wholeEth = ethAndRest[0].add(ethAndRest[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
        yield wholeEth.multiply(ETH);
      }
    };
  }
}
