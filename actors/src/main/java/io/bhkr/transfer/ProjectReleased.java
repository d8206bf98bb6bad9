package io.bhkr.transfer;

/** Tells a provider that a project no longer occupies its capacity, from {@code at} (its settlement or failure). */
public record ProjectReleased(String id, Party from, Party to, String projectId, long at) implements Dispatch {}
