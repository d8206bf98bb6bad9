package io.bhkr.money;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A non-negative quantity of one asset in base units (1e-18). Never a double: every split of an
 * amount is exact, so arithmetic stays in {@link BigInteger}.
 */
public record Amount(
    Asset asset,
    // written as a string so journal readers in any language keep every digit
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger amount) {

  /** An amount in the API may have at most this many digits (1e60 base units is absurd). */
  public static final int MAX_DIGITS = 60;

  private static final BigInteger BASIS = BigInteger.valueOf(10_000);
  private static final BigInteger ONE_TOKEN = BigInteger.TEN.pow(Asset.DECIMALS);

  public Amount {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) throw new IllegalArgumentException("amount must not be negative: " + amount);
  }

  public static Amount zero(Asset asset) {
    return new Amount(asset, BigInteger.ZERO);
  }

  public static Amount of(Asset asset, long baseUnits) {
    return new Amount(asset, BigInteger.valueOf(baseUnits));
  }

  /** Whole tokens (1 BHKR = 10^18 base units). */
  public static Amount tokens(Asset asset, long wholeTokens) {
    return new Amount(asset, BigInteger.valueOf(wholeTokens).multiply(ONE_TOKEN));
  }

  /**
   * Parses base units written as a plain decimal string, as the API carries them. A negative,
   * fractional, non-numeric or absurdly long string is refused with a message saying why.
   */
  public static Amount parse(Asset asset, String baseUnits) {
    if (baseUnits == null || baseUnits.isEmpty()) throw new IllegalArgumentException("amount is missing");
    if (baseUnits.length() > MAX_DIGITS) throw new IllegalArgumentException("amount has more than " + MAX_DIGITS + " digits");
    if (baseUnits.startsWith("-")) throw new IllegalArgumentException("amount must not be negative");
    if (!baseUnits.chars().allMatch(c -> c >= '0' && c <= '9'))
      throw new IllegalArgumentException("amount must be an integer of base units written in decimal digits");
    return new Amount(asset, new BigInteger(baseUnits));
  }

  @JsonIgnore
  public boolean isZero() {
    return amount.signum() == 0;
  }

  public Amount plus(Amount other) {
    requireSameAsset(other);
    return new Amount(asset, amount.add(other.amount));
  }

  /** Refuses to go below zero: value is never created by subtraction. */
  public Amount minus(Amount other) {
    requireSameAsset(other);
    return new Amount(asset, amount.subtract(other.amount));
  }

  public boolean isLessThan(Amount other) {
    requireSameAsset(other);
    return amount.compareTo(other.amount) < 0;
  }

  public boolean isGreaterThan(Amount other) {
    requireSameAsset(other);
    return amount.compareTo(other.amount) > 0;
  }

  /** {@code floor(amount * bps / 10_000)}, the spec's way to apply a rate. */
  public Amount bps(int basisPoints) {
    if (basisPoints < 0 || basisPoints > 10_000) throw new IllegalArgumentException("basis points out of 0..10000: " + basisPoints);
    return new Amount(asset, amount.multiply(BigInteger.valueOf(basisPoints)).divide(BASIS));
  }

  private void requireSameAsset(Amount other) {
    if (other.asset != asset) throw new IllegalArgumentException("cannot mix " + asset + " and " + other.asset);
  }

  @Override
  public String toString() {
    return amount + " " + asset;
  }
}
