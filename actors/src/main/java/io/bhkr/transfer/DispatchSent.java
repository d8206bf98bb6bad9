package io.bhkr.transfer;

import io.bhkr.serialization.DomainEvent;

/** The sender put a dispatch in its outbox (and, for value, debited itself). */
public record DispatchSent(Dispatch dispatch) implements DomainEvent {}
