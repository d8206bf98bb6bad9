package io.bhkr.micropool;

/** NONE until the provider's opening arrives; then OPEN, ACTIVE at 32 ETH, COMPLETED, or MIGRATED by governance. */
public enum MicroPoolStatus { NONE, OPEN, ACTIVE, COMPLETED, MIGRATED }
