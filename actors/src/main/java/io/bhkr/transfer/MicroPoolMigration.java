package io.bhkr.transfer;

import io.bhkr.money.Amount;
import java.math.BigInteger;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A migrating pool's users' ETH moving to the pool that takes them over, together with their
 * stakes of record, the fees they paid, and the aETH the new pool now owes in the old one's
 * place. One fact, so stakes never arrive without their ETH or the other way round.
 */
public record MicroPoolMigration(String id, Party from, Party to, Amount eth, SortedMap<String, BigInteger> stakes,
    SortedMap<String, BigInteger> fees, BigInteger aeth, long at) implements Dispatch {

  public MicroPoolMigration {
    stakes = new TreeMap<>(stakes);
    fees = new TreeMap<>(fees);
  }

  @Override
  public Optional<Amount> value() {
    return Optional.of(eth);
  }
}
