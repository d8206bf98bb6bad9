package io.bhkr.transfer;

import io.bhkr.money.Amount;
import java.util.Optional;

/**
 * Value moving from one party to another, debited once at the sender and credited once at the
 * receiver.
 *
 * @param purpose what the value is for: the only thing a receiver acts on besides the parties and
 *     the amount (journals written before it existed read it from their reason, through the
 *     Jackson migration {@code TransferPurposeAdded})
 * @param reason text for people; no entity reads it
 * @param at unix seconds when it was paid: the time of the command that caused it (a request's,
 *     or the input an entity reacted to), never a clock read inside an entity. Stake-time is
 *     counted from it.
 */
public record Transfer(String id, Party from, Party to, Amount amount, Purpose purpose, String reason, long at) implements Dispatch {

  public Transfer {
    if (id == null || id.isBlank()) throw new IllegalArgumentException("transfer id is missing");
    if (from == null || to == null) throw new IllegalArgumentException("transfer needs both parties");
    if (from.equals(to)) throw new IllegalArgumentException("transfer to itself: " + from);
    if (amount == null) throw new IllegalArgumentException("transfer without an amount");
    if (purpose == null) throw new IllegalArgumentException("transfer " + id + " without a purpose");
  }

  /** A transfer whose reason is its purpose's label. */
  public static Transfer of(String id, Party from, Party to, Amount amount, Purpose purpose, long at) {
    return new Transfer(id, from, to, amount, purpose, purpose.label(), at);
  }

  @Override
  public Optional<Amount> value() {
    return Optional.of(amount);
  }
}
