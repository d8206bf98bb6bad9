package io.bhkr.transfer;

import io.bhkr.rules.Resources;

/** Tells the winning provider that a project now occupies some of its capacity, from {@code at} (the auction's close). */
public record ProjectAwarded(String id, Party from, Party to, String projectId, Resources resources, long at) implements Dispatch {}
