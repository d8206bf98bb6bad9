package io.bhkr.project;

import io.bhkr.serialization.DomainEvent;

/**
 * The facts a project journals, each a record of its own (a replay reads them by these class names,
 * so they stay where they are). Besides them the journal holds the outbox's facts
 * ({@code DispatchSent}, {@code DispatchReceived}, {@code DispatchConfirmed}, in
 * {@code io.bhkr.transfer}). docs/events.md describes each.
 */
public sealed interface ProjectEvents extends DomainEvent
    permits AuctionClosed,
        BidPlaced,
        ProjectFailed,
        ProjectSettled {}
