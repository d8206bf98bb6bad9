package io.bhkr.transfer;

import io.bhkr.serialization.DomainEvent;

/** The receiver confirmed a dispatch, so the sender stops sending it. */
public record DispatchConfirmed(String dispatchId) implements DomainEvent {}
