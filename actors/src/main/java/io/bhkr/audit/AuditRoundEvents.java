package io.bhkr.audit;

import io.bhkr.serialization.DomainEvent;

/**
 * The facts the audit round journals, each a record of its own (a replay reads them by these class names,
 * so they stay where they are). Besides them the journal holds the outbox's facts
 * ({@code DispatchSent}, {@code DispatchReceived}, {@code DispatchConfirmed}, in
 * {@code io.bhkr.transfer}). docs/events.md describes each.
 */
public sealed interface AuditRoundEvents extends DomainEvent
    permits AuditPeriodClosed,
        AuditPeriodOpened,
        AuditReported,
        NodeSeen {}
