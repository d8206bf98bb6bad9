package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.serialization.JsonSerializable;

/** One leg of a settlement: who gets how much of which asset, and why. {@code to} is an address or "pool:…". */
public record SettlementLeg(String to, Amount amount, String reason) implements JsonSerializable {}
