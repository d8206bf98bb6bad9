package io.bhkr.transfer;

import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;

/**
 * One movement of value, as the conservation audit counts it. Value enters the market by
 * DEPOSITED or MINTED, leaves by WITHDRAWN or BURNED, and moves between holders as SENT (held →
 * in flight) then RECEIVED (in flight → held), both naming the same transfer id.
 */
public record ValueChange(Kind kind, String id, Amount amount) implements JsonSerializable {

  public enum Kind { DEPOSITED, WITHDRAWN, MINTED, BURNED, SENT, RECEIVED }
}
