package io.bhkr.project;

import io.bhkr.money.Amount;
import java.math.BigInteger;

/**
 * The provider stopped serving (economics 7): FP goes back in full and the provider owes
 * {@code compensation} BHKR from its collateral, expectedProfit × unservedDays / totalDays valued
 * at the prices in force, which are recorded here so a replay needs nothing else.
 */
public record ProjectFailed(long failedAt, String reason, long servedDays, BigInteger expectedProfitMicroUsd,
    BigInteger bhkrPriceMicroUsd, BigInteger ethPriceMicroUsd, Amount compensation) implements ProjectEvents {}
