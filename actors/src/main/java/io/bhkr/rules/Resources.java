package io.bhkr.rules;

/**
 * What a project needs, or what a provider has free: whole units of each dimension the quote
 * prices. Never negative, so a capacity can never be overbooked by arithmetic.
 */
public record Resources(long cpuGhz, long ramGb, long storageGb, long bandwidthMbps) {

  public static final Resources NONE = new Resources(0, 0, 0, 0);

  public Resources {
    requireNotNegative("cpuGhz", cpuGhz);
    requireNotNegative("ramGb", ramGb);
    requireNotNegative("storageGb", storageGb);
    requireNotNegative("bandwidthMbps", bandwidthMbps);
  }

  public Resources plus(Resources other) {
    requireNotNull(other);
    try {
      return new Resources(Math.addExact(cpuGhz, other.cpuGhz), Math.addExact(ramGb, other.ramGb),
          Math.addExact(storageGb, other.storageGb), Math.addExact(bandwidthMbps, other.bandwidthMbps));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("resources overflow: " + this + " + " + other);
    }
  }

  /** Refuses to go below zero in any dimension: capacity is released, never invented. */
  public Resources minus(Resources other) {
    requireNotNull(other);
    if (!covers(other)) throw new IllegalArgumentException("cannot take " + other + " from " + this);
    return new Resources(cpuGhz - other.cpuGhz, ramGb - other.ramGb, storageGb - other.storageGb,
        bandwidthMbps - other.bandwidthMbps);
  }

  /** True when every dimension is at least the need's. */
  public boolean covers(Resources need) {
    requireNotNull(need);
    return cpuGhz >= need.cpuGhz && ramGb >= need.ramGb && storageGb >= need.storageGb
        && bandwidthMbps >= need.bandwidthMbps;
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) throw new IllegalArgumentException(name + " must not be negative: " + value);
  }

  private static void requireNotNull(Resources other) {
    if (other == null) throw new IllegalArgumentException("resources must not be null");
  }
}
