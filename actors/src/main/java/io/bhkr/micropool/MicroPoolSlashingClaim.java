package io.bhkr.micropool;

import io.bhkr.micropool.MicroPoolSlashingClaim;
import io.bhkr.money.Amount;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/**
 * A micro-pool's claim on the Insurance Pool after its validator was slashed (economics 7): the
 * stakers' loss {@code owed} = max(0, L − k) ETH, to be paid into the pool that sends it (which
 * owes it to its aETH holders). {@code slashed} is the pool's provider; {@code claimId} is paid once.
 */
public record MicroPoolSlashingClaim(String id, Party from, Party to, String claimId, String slashed, Amount owed, long at)
    implements Dispatch {}
