package io.bhkr.serialization;

/**
 * Marker for every command, reply, event and state that crosses a process boundary or is
 * persisted. Bound to Akka's Jackson JSON serializer in {@code reference.conf}, so the journal
 * holds readable JSON a researcher can replay without our classes.
 */
public interface JsonSerializable {}
