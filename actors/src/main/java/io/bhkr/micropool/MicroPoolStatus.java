package io.bhkr.micropool;

/**
 * NONE until the provider's opening arrives; then OPEN, ACTIVE at 32 ETH, COMPLETED, MIGRATED by
 * governance, or CLOSED by its provider when it was still OPEN at its end time.
 */
public enum MicroPoolStatus { NONE, OPEN, ACTIVE, COMPLETED, MIGRATED, CLOSED }
