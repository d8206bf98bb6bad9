package io.bhkr.micropool;

import io.bhkr.money.Amount;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.MicroPoolMigration;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Transfer;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.util.List;

/**
 * The facts of a micro-pool's journal, besides the outbox's (DispatchSent, DispatchReceived,
 * DispatchConfirmed). Those that move value name their changes, so the conservation audit counts
 * the ETH received, the aETH minted and burned, and the fees held.
 */
public sealed interface MicroPoolEvents extends DomainEvent {

  private static List<ValueChange> received(String id, Amount amount) {
    return List.of(new ValueChange(ValueChange.Kind.RECEIVED, id, amount));
  }

  /** The provider's k arrived with the order to open: the pool is OPEN. */
  public record MicroPoolOpened(MicroPoolOpening opening) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(opening.id(), opening.stake());
    }
  }

  /** A user's ETH stake was accepted; its staker of record is the transfer's sender. */
  public record Staked(Transfer stake) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(stake.id(), stake.amount());
    }
  }

  /** aETH created 1:1 for a stake, held by the pool until its transfer to the staker leaves. */
  public record AethMinted(String id, String holder, Amount amount) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.MINTED, id, amount));
    }
  }

  /** The pool reached the validator stake: from now on no one withdraws until completion. */
  public record Activated(long at, BigInteger total) implements MicroPoolEvents {}

  /** A staker's BHKR fee arrived; it is held until its stake is known to be accepted or returned. */
  public record FeeReceived(String stakeId, Transfer fee) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(fee.id(), fee.amount());
    }
  }

  /** A held fee counts as paid by its staker; the transfers splitting it follow in the same write. */
  public record FeeCharged(String stakeId, String staker, Amount fee) implements MicroPoolEvents {}

  /** A held fee goes back because its stake was returned; the returning transfer follows. */
  public record FeeReturned(String stakeId) implements MicroPoolEvents {}

  /** A stake arrived when the pool no longer took stakes; the returning transfer follows. */
  public record StakeRefused(String stakeId) implements MicroPoolEvents {}

  /**
   * aETH came back to the pool: before activation a staker's withdrawal (its stake of record
   * shrinks), after completion a holder's redemption. The aETH is burned and ETH paid 1:1.
   */
  public record AethReturned(Transfer aeth, boolean withdrawal) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(aeth.id(), aeth.amount());
    }
  }

  /** aETH returned to the pool was burned: the pool paid its holder the same amount of ETH. */
  public record AethBurned(String id, Amount amount) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.BURNED, id, amount));
    }
  }

  /**
   * Past its end time and never activated, the pool closed: no more stakes; its provider's k goes
   * back (the transfer follows) and its stakers withdraw their ETH as while it was open.
   */
  public record Closed(long at) implements MicroPoolEvents {}

  /** The provider paid the validator's rewards in: the pool is COMPLETED, split as {@code legs}. */
  public record Completed(Transfer rewards, List<MicroPoolLeg> legs) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(rewards.id(), rewards.amount());
    }
  }

  /**
   * Governance moved this pool's stakers to {@code toPoolId}: the pool is MIGRATED; the transfers
   * that carry the users' ETH (with their stakes and aETH) and return the provider's k follow.
   */
  public record MigratedOut(String orderId, String toPoolId, long at) implements MicroPoolEvents {}

  /**
   * Another pool's stakers arrived with their ETH: their stakes add to this pool's, and this pool
   * owes their aETH from now on. Nothing is minted: the holders keep the aETH they hold.
   */
  public record MigratedIn(MicroPoolMigration migration) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(migration.id(), migration.eth());
    }
  }

  /**
   * The validator was slashed by {@code loss} ETH (observed on the beacon chain, reported by the
   * operator at {@code at}), with every input of the split: the provider's share {@code k} then,
   * the validator's balance then, the stakers of record. The provider's k absorbed
   * {@code providerLoss} = min(L, k); the stakers lost {@code stakersLoss} = max(0, L − k), which
   * the Insurance Pool owes the pool. The lost ETH leaves the market: a BURNED change.
   */
  public record Slashed(String id, long at, Amount loss, BigInteger k, BigInteger validatorBalance,
      java.util.SortedMap<String, BigInteger> stakes, BigInteger providerLoss, BigInteger stakersLoss) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return List.of(new ValueChange(ValueChange.Kind.BURNED, id, loss));
    }
  }

  /** The Insurance Pool paid (part of) the stakers' slashing loss into the pool, for its aETH holders. */
  public record SlashingRefunded(Transfer refund) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      return received(refund.id(), refund.amount());
    }
  }

  /**
   * A confirmed log of the pool's contract on chain (its principal is held there): a stake adds to
   * the stakes of record and brings its BHKR fee into the market (the fee is in the custody vault:
   * a DEPOSITED change; its split follows in the same write), an unstake takes from them, an
   * activation makes the pool ACTIVE. No ETH or aETH moves in the market.
   */
  public record ChainFactRecorded(ChainPoolFact fact) implements MicroPoolEvents, ValueEvent {
    @Override
    public List<ValueChange> changes() {
      if (fact.kind() != ChainPoolFact.Kind.STAKED || fact.fee().signum() == 0) return List.of();
      return List.of(new ValueChange(ValueChange.Kind.DEPOSITED, fact.id() + MicroPoolDecisions.FEE_SUFFIX,
          new Amount(io.bhkr.money.Asset.BHKR, fact.fee())));
    }
  }
}
