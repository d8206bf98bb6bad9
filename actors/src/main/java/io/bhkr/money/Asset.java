package io.bhkr.money;

/** The assets the market moves. All have 18 decimals; amounts are integers of base units. */
public enum Asset {
  BHKR,
  ETH,
  AETH;

  public static final int DECIMALS = 18;

  /** Parses an asset name as written in the API ("BHKR", "ETH", "AETH"). */
  public static Asset parse(String name) {
    if (name == null) throw new IllegalArgumentException("asset is missing");
    try {
      return Asset.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown asset '" + name + "' (expected BHKR, ETH or AETH)");
    }
  }
}
