package io.bhkr.nodes;

import java.math.BigInteger;

/**
 * A staker took BHKR back from a sidecar at {@code at}. Its stake-time not yet paid is forfeited:
 * what stays staked counts again from {@code at}.
 */
public record StakeWithdrawn(String staker, BigInteger amount, long at) implements NodeEvents {}
