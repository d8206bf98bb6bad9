package io.bhkr.http;

/**
 * What chain mode gives the API: the platform's signer of vault withdrawals, payouts through the
 * settlement anchor, the check of micro-pool contracts, and the bridge's status. A chain-less node
 * has none ({@link ApiSettings#chain()} is null), and its chain endpoints answer 409 {@code chain-less}.
 */
public record ChainServices(VaultSigner vault, PayoutDesk payouts, MicroPoolContracts microPools, ChainStatus status) {}
