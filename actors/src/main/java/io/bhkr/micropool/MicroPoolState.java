package io.bhkr.micropool;

import io.bhkr.micropool.MicroPoolEvents.Activated;
import io.bhkr.micropool.MicroPoolEvents.AethBurned;
import io.bhkr.micropool.MicroPoolEvents.AethMinted;
import io.bhkr.micropool.MicroPoolEvents.AethReturned;
import io.bhkr.micropool.MicroPoolEvents.Completed;
import io.bhkr.micropool.MicroPoolEvents.FeeCharged;
import io.bhkr.micropool.MicroPoolEvents.FeeReceived;
import io.bhkr.micropool.MicroPoolEvents.FeeReturned;
import io.bhkr.micropool.MicroPoolEvents.MicroPoolOpened;
import io.bhkr.micropool.MicroPoolEvents.MigratedIn;
import io.bhkr.micropool.MicroPoolEvents.MigratedOut;
import io.bhkr.micropool.MicroPoolEvents.StakeRefused;
import io.bhkr.micropool.MicroPoolEvents.Staked;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.serialization.JsonSerializable;
import io.bhkr.transfer.DispatchConfirmed;
import io.bhkr.transfer.DispatchesConfirmed;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.Outbox;
import io.bhkr.transfer.Seen;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A micro-pool's state, a fold of its events. {@code stakes} are the users' ETH of record (the
 * provider's k is apart); {@code aethOutstanding} is aETH this pool minted and has not burned,
 * which always equals the users' ETH principal the pool still owes.
 */
public record MicroPoolState(
    MicroPoolStatus status,
    String providerId,
    Amount providerStake,
    MicroPoolTerms terms,
    long openedAt,
    long activatedAt,
    SortedMap<String, BigInteger> stakes,
    SortedMap<String, BigInteger> fees,
    BigInteger aethOutstanding,
    Set<String> acceptedStakes,
    Set<String> refusedStakes,
    Map<String, Transfer> heldFees,
    Map<String, Amount> feesDue,
    List<MicroPoolLeg> settlement,
    List<MicroPoolEvents.Slashed> slashings,
    BigInteger refunded,
    Balances held,
    Outbox outbox,
    Seen seen)
    implements JsonSerializable {

  public MicroPoolState {
    stakes = new TreeMap<>(stakes);
    fees = new TreeMap<>(fees);
    acceptedStakes = Set.copyOf(acceptedStakes);
    refusedStakes = Set.copyOf(refusedStakes);
    heldFees = Map.copyOf(heldFees);
    feesDue = feesDue == null ? Map.of() : Map.copyOf(feesDue); // absent in snapshots from before the pool checked fees
    settlement = List.copyOf(settlement);
    slashings = slashings == null ? List.of() : List.copyOf(slashings); // absent in snapshots from before slashing
    refunded = refunded == null ? BigInteger.ZERO : refunded;
  }

  public static MicroPoolState empty() {
    return new MicroPoolState(MicroPoolStatus.NONE, null, Amount.zero(Asset.ETH), null, 0, 0, new TreeMap<>(), new TreeMap<>(),
        BigInteger.ZERO, Set.of(), Set.of(), Map.of(), Map.of(), List.of(), List.of(), BigInteger.ZERO, Balances.empty(), Outbox.empty(), Seen.none());
  }

  /** All ETH staked: the provider's k and every user's stake of record. */
  public BigInteger total() {
    return stakes.values().stream().reduce(providerStake.amount(), BigInteger::add);
  }

  /** Weights for the rewards split: users' stakes and the provider's k under its address. */
  public SortedMap<String, BigInteger> ethStaked() {
    SortedMap<String, BigInteger> weights = new TreeMap<>(stakes);
    if (providerStake.amount().signum() > 0) weights.merge(providerId, providerStake.amount(), BigInteger::add);
    return weights;
  }

  /** The stakers' slashing losses so far: what the Insurance Pool owes this pool in all. */
  public BigInteger stakersLoss() {
    return slashings.stream().map(MicroPoolEvents.Slashed::stakersLoss).reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The validator's ETH after the slashings so far: the provider's remaining k and the stakes less their losses. */
  public BigInteger validatorBalance() {
    return total().subtract(stakersLoss());
  }

  /** Whether the Insurance Pool has refunded every slashing loss of the stakers, so aETH is backed 1:1 again. */
  public boolean whole() {
    return refunded.compareTo(stakersLoss()) >= 0;
  }

  /** The fee an accepted stake still owes under the pool's terms, or null when it owes none (paid, or never due). */
  public Amount feeDue(String stakeId) {
    return feesDue.get(stakeId);
  }

  public BigInteger stakeOf(String address) {
    return stakes.getOrDefault(address, BigInteger.ZERO);
  }

  public MicroPoolState apply(DomainEvent event) {
    if (event instanceof MicroPoolOpened e) return new Builder(this).opened(e).seen(e.opening().id()).credit(e.opening().stake()).build();
    if (event instanceof Staked e) {
      Builder b = new Builder(this).seen(e.stake().id()).credit(e.stake().amount());
      b.stakes.merge(e.stake().from().id(), e.stake().amount().amount(), BigInteger::add);
      b.accepted.add(e.stake().id());
      // the fee this stake owes under the pool's terms, until a FeeCharged in this write or a later one pays it
      Amount due = b.terms.feeFor(e.stake().amount());
      if (!due.isZero()) b.feesDue.put(e.stake().id(), due);
      return b.build();
    }
    if (event instanceof AethMinted e) {
      Builder b = new Builder(this).credit(e.amount());
      b.aeth = b.aeth.add(e.amount().amount());
      return b.build();
    }
    if (event instanceof Activated e) {
      Builder b = new Builder(this);
      b.status = MicroPoolStatus.ACTIVE;
      b.activatedAt = e.at();
      return b.build();
    }
    if (event instanceof FeeReceived e) {
      Builder b = new Builder(this).seen(e.fee().id()).credit(e.fee().amount());
      b.heldFees.put(e.stakeId(), e.fee());
      return b.build();
    }
    if (event instanceof FeeCharged e) {
      Builder b = new Builder(this);
      b.heldFees.remove(e.stakeId());
      b.feesDue.remove(e.stakeId());
      b.fees.merge(e.staker(), e.fee().amount(), BigInteger::add);
      return b.build();
    }
    if (event instanceof FeeReturned e) {
      Builder b = new Builder(this);
      b.heldFees.remove(e.stakeId());
      return b.build();
    }
    if (event instanceof StakeRefused e) {
      Builder b = new Builder(this);
      b.refused.add(e.stakeId());
      return b.build();
    }
    if (event instanceof AethReturned e) {
      Builder b = new Builder(this).seen(e.aeth().id()).credit(e.aeth().amount());
      if (e.withdrawal()) {
        BigInteger left = b.stakes.get(e.aeth().from().id()).subtract(e.aeth().amount().amount());
        if (left.signum() == 0) b.stakes.remove(e.aeth().from().id());
        else b.stakes.put(e.aeth().from().id(), left);
      }
      return b.build();
    }
    if (event instanceof AethBurned e) {
      Builder b = new Builder(this);
      b.held = b.held.debit(e.amount());
      b.aeth = b.aeth.subtract(e.amount().amount());
      return b.build();
    }
    if (event instanceof Completed e) {
      Builder b = new Builder(this).seen(e.rewards().id()).credit(e.rewards().amount());
      b.status = MicroPoolStatus.COMPLETED;
      b.settlement = e.legs();
      return b.build();
    }
    if (event instanceof MicroPoolEvents.Slashed e) {
      Builder b = new Builder(this).seen(e.id());
      b.providerStake = b.providerStake.minus(new Amount(Asset.ETH, e.providerLoss()));
      b.held = b.held.debit(e.loss());
      b.slashings.add(e);
      return b.build();
    }
    if (event instanceof MicroPoolEvents.SlashingRefunded e) {
      Builder b = new Builder(this).seen(e.refund().id()).credit(e.refund().amount());
      b.refunded = b.refunded.add(e.refund().amount().amount());
      return b.build();
    }
    if (event instanceof MicroPoolEvents.ChainFactRecorded e) return chainFact(e.fact());
    if (event instanceof MicroPoolEvents.Closed e) {
      Builder b = new Builder(this);
      b.status = MicroPoolStatus.CLOSED;
      return b.build();
    }
    if (event instanceof MigratedOut e) {
      Builder b = new Builder(this).seen(e.orderId());
      b.status = MicroPoolStatus.MIGRATED;
      b.aeth = BigInteger.ZERO; // the new pool owes it now
      return b.build();
    }
    if (event instanceof MigratedIn e) {
      Builder b = new Builder(this).seen(e.migration().id()).credit(e.migration().eth());
      e.migration().stakes().forEach((a, v) -> b.stakes.merge(a, v, BigInteger::add));
      e.migration().fees().forEach((a, v) -> b.fees.merge(a, v, BigInteger::add));
      b.aeth = b.aeth.add(e.migration().aeth());
      if (b.status == MicroPoolStatus.NONE) b.status = MicroPoolStatus.MIGRATED;
      return b.build();
    }
    if (event instanceof DispatchReceived e) return new Builder(this).seen(e.dispatch().id()).credit(e.dispatch().value().orElse(null)).build();
    if (event instanceof DispatchSent e) {
      Builder b = new Builder(this).seen(e.dispatch().id());
      e.dispatch().value().ifPresent(v -> b.held = b.held.debit(v));
      b.outbox = b.outbox.add(e.dispatch());
      return b.build();
    }
    if (event instanceof DispatchConfirmed e) {
      Builder b = new Builder(this);
      b.outbox = b.outbox.confirm(e.dispatchId());
      return b.build();
    }
    if (event instanceof DispatchesConfirmed e) {
      Builder b = new Builder(this);
      b.outbox = e.confirmEach(b.outbox, Outbox::confirm);
      return b.build();
    }
    throw new IllegalArgumentException("a micro-pool has no event " + event.getClass().getSimpleName());
  }

  private MicroPoolState chainFact(ChainPoolFact f) {
    Builder b = new Builder(this).seen(f.id());
    switch (f.kind()) {
      case STAKED -> {
        b.stakes.merge(f.staker(), f.amount(), BigInteger::add);
        b.credit(new Amount(Asset.BHKR, f.fee()));
      }
      case UNSTAKED -> {
        // the contract burns only what the staker holds; never below zero here either
        BigInteger left = b.stakes.getOrDefault(f.staker(), BigInteger.ZERO).subtract(f.amount()).max(BigInteger.ZERO);
        if (left.signum() == 0) b.stakes.remove(f.staker());
        else b.stakes.put(f.staker(), left);
      }
      case ACTIVATED -> {
        if (b.status == MicroPoolStatus.OPEN) {
          b.status = MicroPoolStatus.ACTIVE;
          b.activatedAt = f.at();
        }
      }
    }
    return b.build();
  }

  /** A mutable copy used only inside {@link #apply}, so each case names just what it changes. */
  private static final class Builder {
    MicroPoolStatus status;
    String providerId;
    Amount providerStake;
    MicroPoolTerms terms;
    long openedAt, activatedAt;
    final SortedMap<String, BigInteger> stakes, fees;
    BigInteger aeth;
    final Set<String> accepted, refused;
    final Map<String, Transfer> heldFees;
    final Map<String, Amount> feesDue;
    List<MicroPoolLeg> settlement;
    final List<MicroPoolEvents.Slashed> slashings;
    BigInteger refunded;
    Balances held;
    Outbox outbox;
    Seen seen;

    Builder(MicroPoolState s) {
      status = s.status;
      providerId = s.providerId;
      providerStake = s.providerStake;
      terms = s.terms;
      openedAt = s.openedAt;
      activatedAt = s.activatedAt;
      stakes = new TreeMap<>(s.stakes);
      fees = new TreeMap<>(s.fees);
      aeth = s.aethOutstanding;
      accepted = new HashSet<>(s.acceptedStakes);
      refused = new HashSet<>(s.refusedStakes);
      heldFees = new HashMap<>(s.heldFees);
      feesDue = new HashMap<>(s.feesDue);
      settlement = s.settlement;
      slashings = new java.util.ArrayList<>(s.slashings);
      refunded = s.refunded;
      held = s.held;
      outbox = s.outbox;
      seen = s.seen;
    }

    Builder opened(MicroPoolOpened e) {
      status = MicroPoolStatus.OPEN;
      providerId = e.opening().providerId();
      providerStake = e.opening().stake();
      terms = e.opening().terms();
      openedAt = e.opening().openedAt();
      return this;
    }

    Builder seen(String id) {
      seen = seen.with(id);
      return this;
    }

    Builder credit(Amount amount) {
      if (amount != null) held = held.credit(amount);
      return this;
    }

    MicroPoolState build() {
      return new MicroPoolState(status, providerId, providerStake, terms, openedAt, activatedAt, stakes, fees, aeth, accepted,
          refused, heldFees, feesDue, settlement, slashings, refunded, held, outbox, seen);
    }
  }
}
