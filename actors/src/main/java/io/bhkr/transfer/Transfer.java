package io.bhkr.transfer;

import io.bhkr.money.Amount;
import java.util.Optional;

/**
 * Value moving from one party to another, debited once at the sender and credited once at the
 * receiver.
 *
 * @param at unix seconds when it was paid: the time of the command that caused it (a request's,
 *     or the input an entity reacted to), never a clock read inside an entity. Stake-time is
 *     counted from it.
 */
public record Transfer(String id, Party from, Party to, Amount amount, String reason, long at) implements Dispatch {

  public Transfer {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("transfer id is missing");
    if (from == null || to == null) throw new IllegalArgumentException("transfer needs both parties");
    if (from.equals(to)) throw new IllegalArgumentException("transfer to itself: " + from);
    if (amount == null) throw new IllegalArgumentException("transfer without an amount");
  }

  @Override
  public Optional<Amount> value() {
    return Optional.of(amount);
  }
}
