package io.bhkr.transfer;

/** The provider runs a won project on this node from {@code at}. */
public record ProjectPlaced(String id, Party from, Party to, String projectId, long at) implements Dispatch {}
