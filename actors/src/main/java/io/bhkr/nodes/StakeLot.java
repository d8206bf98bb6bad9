package io.bhkr.nodes;

import io.bhkr.serialization.JsonSerializable;
import java.math.BigInteger;

/** BHKR a staker has held on a sidecar since a moment: stake-time accrues on it from {@code since}. */
public record StakeLot(BigInteger amount, long since) implements JsonSerializable {}
