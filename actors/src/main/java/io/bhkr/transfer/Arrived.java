package io.bhkr.transfer;

import io.bhkr.serialization.JsonSerializable;

/**
 * The receiver's answer to someone waiting for a dispatch: it has been taken in (its arrival is
 * journaled). What it changed is read from the receiver's view; the wait only ends the polling.
 */
public record Arrived(String dispatchId) implements JsonSerializable {}
