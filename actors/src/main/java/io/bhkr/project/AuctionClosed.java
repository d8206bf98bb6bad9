package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.rules.Auction.Candidate;
import java.math.BigInteger;
import java.util.List;

/**
 * The auction's outcome with every input of the pick (economics 2.4): the revealed beacon, the
 * admissible bids, the lowest-price candidates with their scores, the seed and r. Anyone can
 * recompute the winner from this event alone. {@code winner} and {@code pricePaid} are null
 * when no bid was admissible.
 */
public record AuctionClosed(
    long closedAt,
    String beacon,
    List<Candidate> admissible,
    List<Candidate> candidates,
    String seed,
    BigInteger totalScore,
    BigInteger r,
    String winner,
    Amount pricePaid)
    implements ProjectEvents {}
