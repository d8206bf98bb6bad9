package io.bhkr.pool;

import io.bhkr.money.Amount;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.util.List;

/** Value taken out of existence by a governance decision (insurance excess burned). */
public record ValueBurned(String id, Amount amount, String decision) implements PoolEvents, ValueEvent {

  @Override
  public List<ValueChange> changes() {
    return List.of(new ValueChange(ValueChange.Kind.BURNED, id, amount));
  }
}
