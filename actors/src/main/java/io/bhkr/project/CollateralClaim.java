package io.bhkr.project;

import io.bhkr.money.Amount;
import io.bhkr.project.CollateralClaim;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * A failed project's claim on its provider's collateral (economics 7): the provider pays
 * {@code amount} BHKR, or all it holds if less, to the requester {@code beneficiary}.
 */
public record CollateralClaim(String id, Party from, Party to, String projectId, String beneficiary, Amount amount, long at)
    implements Dispatch {}
