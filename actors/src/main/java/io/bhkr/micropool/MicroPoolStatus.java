package io.bhkr.micropool;

/** NONE until the provider's opening arrives; api.md shows OPEN, ACTIVE, COMPLETED (MIGRATED comes with governance). */
public enum MicroPoolStatus { NONE, OPEN, ACTIVE, COMPLETED, MIGRATED }
