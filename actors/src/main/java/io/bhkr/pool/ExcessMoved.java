package io.bhkr.pool;

import io.bhkr.money.Amount;

/** Governance decided what to do with the Insurance Pool's excess above its cap, and this much was moved. */
public record ExcessMoved(String proposalId, String action, Amount decided, Amount moved) implements PoolEvents {}
