package io.bhkr.transfer;

/** Tells a provider that a project no longer occupies its capacity. */
public record ProjectReleased(String id, Party from, Party to, String projectId) implements Dispatch {}
