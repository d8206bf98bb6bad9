package io.bhkr.transfer;

import io.bhkr.money.Amount;

/** Governance's decision that a provider is qualified, with the collateral bounds then in force. */
public record ProviderQualified(String id, Party from, Party to, String proposalId, Amount pMin, Amount pMax)
    implements Dispatch {}
