package io.bhkr.transfer;

import io.bhkr.serialization.DomainEvent;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Several receivers confirmed dispatches, so the sender stops sending them: the receipts that
 * arrived while the sender was persisting, written as one fact instead of one
 * {@link DispatchConfirmed} each ({@link Courier}). Since 2026-12-04.
 */
public record DispatchesConfirmed(List<String> dispatchIds) implements DomainEvent {

  public DispatchesConfirmed {
    dispatchIds = List.copyOf(dispatchIds);
  }

  /** {@code state} with each dispatch confirmed in turn by the state's own rule for one. */
  public <S> S confirmEach(S state, BiFunction<S, String, S> confirmOne) {
    S next = state;
    for (String id : dispatchIds) next = confirmOne.apply(next, id);
    return next;
  }
}
