package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.project.BidOutcome;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * A project's auction closed at {@code at}: it tells each bidder its sealed {@code bid} and the
 * project's {@code maxBid}, which its price term Pr (economics 8) averages over recent bids.
 */
public record BidOutcome(String id, Party from, Party to, String projectId, Amount bid, Amount maxBid, boolean won, long at)
    implements Dispatch {}
