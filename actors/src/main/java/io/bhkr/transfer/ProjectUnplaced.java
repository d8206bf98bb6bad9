package io.bhkr.transfer;

/** The project this node ran is over (settled or failed) at {@code at}. */
public record ProjectUnplaced(String id, Party from, Party to, String projectId, long at) implements Dispatch {}
