package io.bhkr.audit;


/** A node's sidecar sent a heartbeat at {@code at}, its node at {@code blockNumber}; it counts as active for the next assignments. */
public record NodeSeen(String nodeId, String providerId, long blockNumber, long at) implements AuditRoundEvents {}
