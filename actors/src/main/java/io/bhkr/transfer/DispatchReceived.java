package io.bhkr.transfer;

import io.bhkr.serialization.DomainEvent;

/** The receiver applied a dispatch (for value: credited itself). Recorded once per dispatch id. */
public record DispatchReceived(Dispatch dispatch) implements DomainEvent {}
