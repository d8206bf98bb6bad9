package io.bhkr.governance;

/**
 * Where the government is (economics 10): the genesis governors alone, then candidates elected to
 * the open seats, then every {@code termDays} all 2n + 1 seats re-elected.
 */
public enum Phase { INITIALIZATION, TRANSITION, AUTOMATED }
