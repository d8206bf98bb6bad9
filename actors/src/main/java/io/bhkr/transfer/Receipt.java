package io.bhkr.transfer;

import io.bhkr.serialization.JsonSerializable;

/** The receiver's word that it has applied (or had already applied) a dispatch. */
public record Receipt(String dispatchId) implements JsonSerializable {}
