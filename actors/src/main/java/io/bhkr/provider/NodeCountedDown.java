package io.bhkr.provider;


/**
 * A node that runs one of the provider's projects was out of the audit round in the period that
 * closed at {@code at} (its sidecar stopped heartbeating): the period counts as 0 uptime for it,
 * in its service level and its score (economics 7, 8).
 */
public record NodeCountedDown(String nodeId, long period, long at) implements ProviderEvents {}
