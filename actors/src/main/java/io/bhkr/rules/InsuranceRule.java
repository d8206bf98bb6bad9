package io.bhkr.rules;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spec 7 (slashing) and 5 (Insurance Pool): who bears a slashing loss, how the Insurance Pool
 * pays what it owes when it may be short, and what of its balance lies above the cap. Amounts
 * are base units of one asset (a validator's loss and its refunds are ETH).
 */
public final class InsuranceRule {

  /** A slashing loss split between the provider's share k and the requesters. */
  public record SlashingLoss(BigInteger provider, BigInteger requesters) {
    public SlashingLoss {
      requireNonNegative("provider loss", provider);
      requireNonNegative("requesters' loss", requesters);
    }
  }

  /**
   * One payment round: {@code paid} now and {@code stillOwed} after it, by victim; victims with
   * 0 are left out of each map. A non-empty {@code stillOwed} is the InsuranceShortfall claim.
   */
  public record Payout(SortedMap<String, BigInteger> paid, SortedMap<String, BigInteger> stillOwed) {
    public Payout {
      paid = positiveCopy("paid", paid);
      stillOwed = positiveCopy("stillOwed", stillOwed);
    }

    public BigInteger totalPaid() {
      return sum(paid);
    }

    public BigInteger totalStillOwed() {
      return sum(stillOwed);
    }

    /** Whether the pool fell short of what it owed. */
    public boolean isShort() {
      return !stillOwed.isEmpty();
    }
  }

  private InsuranceRule() {}

  /** The provider's share absorbs {@code min(loss, k)}, the requesters {@code max(0, loss − k)}. */
  public static SlashingLoss slashing(BigInteger loss, BigInteger providerShare) {
    requireNonNegative("loss", loss);
    requireNonNegative("providerShare", providerShare);
    BigInteger provider = loss.min(providerShare);
    return new SlashingLoss(provider, loss.subtract(provider));
  }

  /**
   * What the Insurance Pool owes each requester for their loss: the loss pro rata to their stakes
   * in the validator (largest remainder). Requesters with stake 0 are owed nothing and left out.
   */
  public static SortedMap<String, BigInteger> owedByStake(BigInteger requestersLoss, SortedMap<String, BigInteger> stakes) {
    requireNonNegative("requesters' loss", requestersLoss);
    if (stakes == null) throw new IllegalArgumentException("stakes are missing");
    if (requestersLoss.signum() == 0) return Collections.emptySortedMap();
    return positiveCopy("owed", LargestRemainder.split(requestersLoss, stakes));
  }

  /**
   * Pays {@code min(available, total owed)} pro rata to what each is owed (largest remainder), so
   * nobody is paid more than owed and a full balance pays everyone in full. What stays owed is
   * paid first from later inflows: call again with the new balance and {@code stillOwed}.
   */
  public static Payout pay(BigInteger available, SortedMap<String, BigInteger> owed) {
    requireNonNegative("available", available);
    SortedMap<String, BigInteger> claims = positiveCopy("owed", owed);
    BigInteger total = sum(claims);
    BigInteger payable = available.min(total);
    if (payable.signum() == 0) return new Payout(Collections.emptySortedMap(), claims);
    // Each part is at most the ceiling of payable × owed / total ≤ owed, so nobody is overpaid.
    SortedMap<String, BigInteger> paid = LargestRemainder.split(payable, claims);
    SortedMap<String, BigInteger> left = new TreeMap<>();
    claims.forEach((victim, due) -> left.put(victim, due.subtract(paid.get(victim))));
    return new Payout(paid, left);
  }

  /** {@code max(0, balance − cap)}: what governance may vote to move to the Reward Pool or burn. */
  public static BigInteger excessAbove(BigInteger balance, BigInteger cap) {
    requireNonNegative("balance", balance);
    requireNonNegative("insuranceCap", cap);
    return balance.subtract(cap).max(BigInteger.ZERO);
  }

  private static void requireNonNegative(String what, BigInteger value) {
    if (value == null || value.signum() < 0) throw new IllegalArgumentException(what + " must be a non-negative number: " + value);
  }

  private static BigInteger sum(Map<String, BigInteger> amounts) {
    return amounts.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** A natural-order, unmodifiable copy without the zero entries; refuses null ids and negatives. */
  private static SortedMap<String, BigInteger> positiveCopy(String what, Map<String, BigInteger> amounts) {
    if (amounts == null) throw new IllegalArgumentException(what + " is missing");
    SortedMap<String, BigInteger> copy = new TreeMap<>();
    for (Map.Entry<String, BigInteger> e : amounts.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank()) throw new IllegalArgumentException("a victim id in " + what + " is missing");
      requireNonNegative(what + " of " + e.getKey(), e.getValue());
      if (e.getValue().signum() > 0) copy.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
