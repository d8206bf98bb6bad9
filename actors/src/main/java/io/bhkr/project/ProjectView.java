package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.money.Balances;
import io.bhkr.serialization.JsonSerializable;
import java.util.List;

/**
 * What anyone may see of a project. Sealed bids are absent: before the close only their count's
 * absence is visible; after it, the auction lists the admissible bids and the pick.
 */
public record ProjectView(
    String projectId,
    ProjectStatus status,
    String requester,
    String quoteId,
    Amount fp,
    Amount maxBid,
    String commitment,
    long openedAt,
    long closesAt,
    String winner,
    Amount price,
    AuctionClosed auction,
    List<SettlementLeg> settlement,
    long settledAt,
    ProjectFailed failure,
    Balances escrow)
    implements JsonSerializable {}
