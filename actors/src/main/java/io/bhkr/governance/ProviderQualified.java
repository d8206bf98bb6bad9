package io.bhkr.governance;

import io.bhkr.governance.ProviderQualified;
import io.bhkr.money.Amount;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** Governance's decision that a provider is qualified, with the collateral bounds then in force. */
public record ProviderQualified(String id, Party from, Party to, String proposalId, Amount pMin, Amount pMax)
    implements Dispatch {}
