package io.bhkr.transfer;

import io.bhkr.micropool.MicroPoolTerms;
import io.bhkr.money.Amount;
import java.util.Optional;

/**
 * A provider's own ETH share k moving into a new micro-pool, together with the order that opens
 * it. One fact, so a pool is never opened without the provider's stake, nor funded unopened.
 */
public record MicroPoolOpening(String id, Party from, Party to, String providerId, Amount stake, MicroPoolTerms terms,
    long openedAt) implements Dispatch {

  @Override
  public Optional<Amount> value() {
    return Optional.of(stake);
  }
}
