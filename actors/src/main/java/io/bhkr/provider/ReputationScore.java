package io.bhkr.provider;

import io.bhkr.money.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The reputation score (economics 8) of a provider with no audited period and no bid history yet:
 * U = 1, Rt = 0, Pr = 1, so only the staked share St varies. Audits, running time, bids and
 * penalties enter with the sidecar issue. BigDecimal at scale 6, HALF_EVEN, so every replay gives
 * the same integer.
 */
public final class ReputationScore {

  private static final BigDecimal W_UPTIME = new BigDecimal("0.4");
  private static final BigDecimal W_STAKE = new BigDecimal("0.2");
  private static final BigDecimal W_PRICE = new BigDecimal("0.2");
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private ReputationScore() {}

  public static long beforeAudits(Amount collateral, Amount pMax) {
    BigDecimal staked = pMax == null || pMax.isZero()
        ? BigDecimal.ZERO
        : new BigDecimal(collateral.amount()).divide(new BigDecimal(pMax.amount()), 6, RoundingMode.HALF_EVEN).min(BigDecimal.ONE);
    BigDecimal weighted = W_UPTIME.add(W_STAKE.multiply(staked)).add(W_PRICE).setScale(6, RoundingMode.HALF_EVEN);
    long score = weighted.multiply(THOUSAND).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    return Math.max(0, Math.min(1000, score));
  }
}
