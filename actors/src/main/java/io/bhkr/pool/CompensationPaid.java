package io.bhkr.pool;

import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.SortedMap;

/**
 * The Insurance Pool paid victims of a claim, pro rata, from what it held ({@code available}).
 * What it could not pay stays owed as the claim's shortfall (economics 7). Also recorded when a
 * later inflow pays a shortfall: {@code trigger} names that inflow, or is null for the claim itself.
 * {@code slashed} is the provider whose slashing caused the claim, when the claim names it (null
 * otherwise, and on the later payments of a shortfall); the chain bridge publishes it.
 */
public record CompensationPaid(String claimId, Asset asset, BigInteger available, SortedMap<String, BigInteger> paid,
    SortedMap<String, BigInteger> stillOwed, String trigger, long at, String slashed) implements PoolEvents {}
