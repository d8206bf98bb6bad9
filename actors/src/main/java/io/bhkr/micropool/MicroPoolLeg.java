package io.bhkr.micropool;

import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;

/** One payment of a completion: {@code to} is an address, "pool:reward" or "pool:insurance". */
public record MicroPoolLeg(String to, Amount amount, String reason) implements JsonSerializable {}
