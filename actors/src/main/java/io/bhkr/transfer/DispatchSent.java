package io.bhkr.transfer;

import java.util.List;

/** The sender put a dispatch in its outbox (and, for value, debited itself). */
public record DispatchSent(Dispatch dispatch) implements ValueEvent {

  @Override
  public List<ValueChange> changes() {
    return dispatch.value().map(v -> List.of(new ValueChange(ValueChange.Kind.SENT, dispatch.id(), v))).orElse(List.of());
  }
}
