package io.bhkr.governance;

import io.bhkr.governance.MicroPoolMigrationOrdered;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;

/** Governance decided that a micro-pool moves all its stakers to another pool (economics 4: its provider stopped). */
public record MicroPoolMigrationOrdered(String id, Party from, Party to, String proposalId, String toPoolId, long at)
    implements Dispatch {}
