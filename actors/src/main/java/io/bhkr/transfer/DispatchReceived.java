package io.bhkr.transfer;

import java.util.List;

/** The receiver applied a dispatch (for value: credited itself). Recorded once per dispatch id. */
public record DispatchReceived(Dispatch dispatch) implements ValueEvent {

  @Override
  public List<ValueChange> changes() {
    return dispatch.value().map(v -> List.of(new ValueChange(ValueChange.Kind.RECEIVED, dispatch.id(), v))).orElse(List.of());
  }
}
