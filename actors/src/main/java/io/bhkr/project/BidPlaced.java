package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.rules.Auction.ProviderStanding;

/** A sealed bid, with the provider's standing when it bid, so the close can be replayed. */
public record BidPlaced(String providerId, Amount price, ProviderStanding standing, long at) implements ProjectEvents {}
