package io.bhkr.rules;

import java.math.BigInteger;

/** Governance prices in micro-USD per unit per month (spec 1), one per resource dimension. */
public record Pricing(BigInteger cpuMicroUsd, BigInteger ramMicroUsd, BigInteger storageMicroUsd,
    BigInteger bandwidthMicroUsd) {

  /** The spec's defaults: 5 USD per GHz, 1.25 USD per GB RAM, 0.078125 USD per GB storage, free bandwidth. */
  public static final Pricing DEFAULT = new Pricing(BigInteger.valueOf(5_000_000), BigInteger.valueOf(1_250_000),
      BigInteger.valueOf(78_125), BigInteger.ZERO);

  public Pricing {
    requirePrice("cpuMicroUsd", cpuMicroUsd);
    requirePrice("ramMicroUsd", ramMicroUsd);
    requirePrice("storageMicroUsd", storageMicroUsd);
    requirePrice("bandwidthMicroUsd", bandwidthMicroUsd);
  }

  private static void requirePrice(String name, BigInteger value) {
    if (value == null) throw new IllegalArgumentException(name + " is missing");
    if (value.signum() < 0) throw new IllegalArgumentException(name + " must not be negative: " + value);
  }
}
