package io.bhkr.quote;

import io.bhkr.money.Amount;
import io.bhkr.rules.Auction.PricingRule;
import io.bhkr.rules.Resources;
import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/**
 * A fixed-price quote with the governance parameters it was made under. A project carries this
 * snapshot so its auction and settlement can be replayed without looking anything up.
 */
public record QuoteTerms(
    String quoteId,
    ProjectKind kind,
    Resources resources,
    long durationDays,
    BigInteger fpMicroUsd,
    Amount fp,
    Amount maxBid,
    Amount expectedProfit,
    int rpBps,
    int ipBps,
    int priceBandBps,
    PricingRule pricingRule,
    Amount pMin,
    long bidWindowSeconds,
    long issuedAt)
    implements JsonSerializable {}
