package io.bhkr.chain;

import io.bhkr.serialization.JsonSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the chain bridge holds: where it reads, the deposits it has not yet credited, the
 * micro-pools it follows and their logs not yet recorded, why inbound stopped (null while it
 * runs), its outbox of transactions, and the vault withdrawals it watches.
 */
public record BridgeState(BlockHeader cursor, Map<String, ChainDeposit> pendingCredits, long depositsConfirmed, MicroPoolFollowing pools,
    String halted, TransactionOutbox outbox, WithdrawalWatch withdrawals) implements JsonSerializable {
  public BridgeState {
    pendingCredits = Collections.unmodifiableMap(new LinkedHashMap<>(pendingCredits));
    if (withdrawals == null) withdrawals = WithdrawalWatch.empty(); // snapshots from before withdrawals existed
    if (pools == null) pools = MicroPoolFollowing.empty();          // and from before micro-pools were followed
  }

  BridgeState with(BlockHeader cursor, Map<String, ChainDeposit> pendingCredits, long depositsConfirmed, String halted,
      TransactionOutbox outbox) {
    return new BridgeState(cursor, pendingCredits, depositsConfirmed, pools, halted, outbox, withdrawals);
  }

  BridgeState with(WithdrawalWatch withdrawals) {
    return new BridgeState(cursor, pendingCredits, depositsConfirmed, pools, halted, outbox, withdrawals);
  }

  BridgeState with(MicroPoolFollowing pools) {
    return new BridgeState(cursor, pendingCredits, depositsConfirmed, pools, halted, outbox, withdrawals);
  }
}
