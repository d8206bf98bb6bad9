package io.bhkr.governance;

import io.bhkr.governance.ProviderDisqualification;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * Governance's decision (a passed DISQUALIFY_PROVIDER proposal) that a provider is disqualified
 * from {@code at} until {@code until} (at + disqualifyDays then in force, economics 7).
 */
public record ProviderDisqualification(String id, Party from, Party to, String proposalId, long at, long until)
    implements Dispatch {}
