package io.bhkr.nodes;

import io.bhkr.rules.Resources;

/** A provider registered a blockchain node and the address of the sidecar that runs beside it. */
public record NodeRegistered(String nodeId, String providerId, String endpoint, String sidecarAddress, Resources capacity,
    long registeredAt) implements NodeEvents {}
