package io.bhkr.micropool;

import io.bhkr.governance.MicroPoolMigrationOrdered;
import io.bhkr.governance.Parameters;
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
import io.bhkr.micropool.MicroPoolEvents.Slashed;
import io.bhkr.micropool.MicroPoolEvents.SlashingRefunded;
import io.bhkr.micropool.MicroPoolEvents.StakeRefused;
import io.bhkr.micropool.MicroPoolEvents.Staked;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.rules.InsuranceRule;
import io.bhkr.rules.MicroPoolRule;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchReceived;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.MicroPoolMigration;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a micro-pool does with a dispatch it receives, as the events to persist in one write.
 * Pure: no actor, no clock; time comes from the dispatch. Value the pool cannot use goes back to
 * its sender, never dropped.
 */
public final class MicroPoolDecisions {

  /** A stake's fee travels as {@code <stake id>}{@value #FEE_SUFFIX}, so the pool pairs them in any order. */
  public static final String FEE_SUFFIX = ":fee";

  private MicroPoolDecisions() {}

  public static List<DomainEvent> onReceive(MicroPoolState s, Party self, Dispatch d) {
    if (s.seen().contains(d.id())) return List.of();
    if (d instanceof MicroPoolOpening o) return open(s, self, o);
    if (d instanceof MicroPoolMigrationOrdered o) return migrateOut(s, self, o);
    if (d instanceof MicroPoolMigration m) return migrateIn(s, m);
    if (!(d instanceof Transfer t)) return d.value().isPresent() ? giveBack(self, d, d.id(), 0) : List.of();
    boolean fromAccount = t.from().kind() == Party.Kind.ACCOUNT;
    Asset asset = t.amount().asset();
    if (fromAccount && t.purpose() == Purpose.MICROPOOL_STAKE && asset == Asset.ETH) return stake(s, self, t);
    if (fromAccount && t.purpose() == Purpose.MICROPOOL_FEE && asset == Asset.BHKR && t.id().endsWith(FEE_SUFFIX)) return fee(s, self, t);
    if (fromAccount && t.purpose() == Purpose.MICROPOOL_WITHDRAWAL && asset == Asset.AETH) return aethBack(s, self, t);
    if (t.from().equals(Party.INSURANCE_POOL) && asset == Asset.ETH
        && s.refunded().add(t.amount().amount()).compareTo(s.stakersLoss()) <= 0) return List.of(new SlashingRefunded(t));
    if (t.purpose() == Purpose.MICROPOOL_REWARDS && asset == Asset.ETH && completionRefusal(s, self.id(), t.from()) == null)
      return complete(s, self, t);
    return giveBack(self, t, t.id(), t.at());
  }

  private static List<DomainEvent> open(MicroPoolState s, Party self, MicroPoolOpening o) {
    if (openingRefusal(s, self.id(), o.stake(), o.terms()) != null || !o.from().equals(Party.account(o.providerId())))
      return giveBack(self, o, o.id(), o.openedAt());
    List<DomainEvent> events = new ArrayList<>(List.of(new MicroPoolOpened(o)));
    if (!o.stake().isLessThan(o.terms().validatorStake())) events.add(new Activated(o.openedAt(), o.stake().amount()));
    return events;
  }

  /**
   * The terms a pool opens on (economics 4): its fp and end, the rest from the parameters in force,
   * and the contract that holds its principal, if any.
   */
  public static MicroPoolTerms openingTerms(Amount fp, long endsAt, Parameters inForce, String chainPool) {
    return MicroPoolTerms.of(fp, endsAt, inForce, chainPool);
  }

  /**
   * Why a provider's opening with its share {@code k} under {@code terms} would go back, or null
   * when the pool opens. Asked before the provider pays (MicroPoolEntity.QuoteOpening), applied
   * again when the opening arrives.
   */
  public static MicroPoolRefusal openingRefusal(MicroPoolState s, String poolId, Amount k, MicroPoolTerms terms) {
    if (s.status() != MicroPoolStatus.NONE)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.ALREADY_OPENED, "micro-pool " + poolId + " is " + s.status());
    // on chain, the contract takes the stakers' ETH up to the validator stake less k: k leaves them room
    if (terms.onChain() && !k.isLessThan(terms.validatorStake()))
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NO_ROOM_FOR_STAKERS,
          "a pool whose principal is on chain needs room for stakers: k must be below the validator stake");
    return null;
  }

  /** What a pool whose principal is on chain must activate at in its contract: the validator stake less the provider's k. */
  public static Amount chainActivation(MicroPoolTerms terms, Amount k) {
    return terms.validatorStake().minus(k);
  }

  /**
   * Accepted while OPEN: the stake is recorded, aETH minted and sent 1:1, and the pool activates at
   * the validator stake. A fee already held for it must be the one the pool's terms ask, or the
   * stake and its fee both go back.
   */
  private static List<DomainEvent> stake(MicroPoolState s, Party self, Transfer t) {
    Transfer fee = s.heldFees().get(t.id());
    boolean wrongFee = fee != null && s.terms() != null && !fee.amount().equals(stakeFee(s, t.amount()));
    if (stakeRefusal(s, self.id(), t.at()) != null || wrongFee) {
      List<DomainEvent> events = new ArrayList<>(giveBack(self, t, t.id(), t.at()));
      events.add(new StakeRefused(t.id()));
      if (fee != null) events.addAll(returnHeldFee(self, t.id(), fee));
      return events;
    }
    String staker = t.from().id();
    Amount aeth = new Amount(Asset.AETH, t.amount().amount());
    List<DomainEvent> events = new ArrayList<>();
    events.add(new Staked(t));
    events.add(new AethMinted("mint:" + t.id(), staker, aeth));
    events.add(new DispatchSent(Transfer.of("aeth:" + t.id(), self, t.from(), aeth, Purpose.AETH_MINTED, t.at())));
    if (fee != null) events.addAll(charge(s, self, t.id(), staker, fee.id(), fee.amount(), fee.at()));
    BigInteger total = s.total().add(t.amount().amount());
    if (total.compareTo(s.terms().validatorStake().amount()) >= 0) events.add(new Activated(t.at(), total));
    return events;
  }

  /**
   * Why a stake sent at {@code at} would go back, or null when the pool takes it (see stake). Asked
   * before the staker pays (MicroPoolEntity.QuoteStake), and applied again when the stake arrives.
   */
  public static MicroPoolRefusal stakeRefusal(MicroPoolState s, String poolId, long at) {
    // a pool whose principal is on chain takes stakes there only (ChainCustody)
    if (s.terms() != null && s.terms().onChain())
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.PRINCIPAL_ON_CHAIN, "micro-pool " + poolId
          + " takes stakes on chain: approve its fee in BHKR to " + s.terms().chainPool() + ", then call stake() there with the ETH");
    if (s.status() != MicroPoolStatus.OPEN)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_OPEN, "micro-pool " + poolId + " is " + s.status());
    if (at >= s.terms().endsAt())
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.STAKING_ENDED, "micro-pool " + poolId + " took stakes until " + s.terms().endsAt());
    return null;
  }

  /**
   * The BHKR fee the pool charges a stake of {@code stake} ETH: its own terms' (economics 4), the
   * only fee it forwards; another amount sent along goes back with the stake (see stake, fee).
   */
  public static Amount stakeFee(MicroPoolState s, Amount stake) {
    return s.terms().feeFor(stake);
  }

  /**
   * A fee is forwarded once its stake is accepted, returned if the stake was, and held until then.
   * The pool charges only the fee its own terms ask of the stake (economics 4): a fee for an
   * accepted stake that owes another amount, or owes none, goes back; a held one is checked when
   * its stake arrives.
   */
  private static List<DomainEvent> fee(MicroPoolState s, Party self, Transfer t) {
    String stakeId = t.id().substring(0, t.id().length() - FEE_SUFFIX.length());
    if (s.refusedStakes().contains(stakeId) || s.terms() != null && s.terms().onChain()) return giveBack(self, t, t.id(), t.at());
    boolean accepted = s.acceptedStakes().contains(stakeId);
    if (accepted && !t.amount().equals(s.feeDue(stakeId))) return giveBack(self, t, t.id(), t.at());
    List<DomainEvent> events = new ArrayList<>(List.of(new FeeReceived(stakeId, t)));
    if (accepted) events.addAll(charge(s, self, stakeId, t.from().id(), t.id(), t.amount(), t.at()));
    return events;
  }

  /** A stake's fee counts as paid: 10 % (floored) to the Reward Pool, the rest to the provider, under ids from {@code feeId}. */
  static List<DomainEvent> charge(MicroPoolState s, Party self, String stakeId, String staker, String feeId, Amount fee, long at) {
    MicroPoolRule.FeeSplit split = MicroPoolRule.splitFee(fee, s.terms().feeRewardBps());
    List<DomainEvent> events = new ArrayList<>(List.of(new FeeCharged(stakeId, staker, fee)));
    if (!split.toRewardPool().isZero())
      events.add(new DispatchSent(Transfer.of(feeId + ":reward", self, Party.REWARD_POOL, split.toRewardPool(), Purpose.MICROPOOL_FEE, at)));
    if (!split.toProvider().isZero())
      events.add(new DispatchSent(Transfer.of(feeId + ":provider", self, Party.account(s.providerId()), split.toProvider(), Purpose.MICROPOOL_FEE, at)));
    return events;
  }

  private static List<DomainEvent> returnHeldFee(Party self, String stakeId, Transfer fee) {
    return List.of(new FeeReturned(stakeId),
        new DispatchSent(new Transfer("return:" + fee.id(), self, fee.from(), fee.amount(), Purpose.RETURN, "returned: stake refused", fee.at())));
  }

  /**
   * aETH back: while OPEN a staker withdraws up to its own stake; once COMPLETED any holder
   * redeems up to the pool's outstanding aETH. The aETH is burned and the same ETH paid back.
   * While ACTIVE (or beyond what is owed) it is returned unburned, and so is a redemption while a
   * slashing's refund is still owed by the Insurance Pool: every holder waits until the pool is
   * whole again rather than the first ones taking the ETH the last ones are owed.
   */
  private static List<DomainEvent> aethBack(MicroPoolState s, Party self, Transfer t) {
    BigInteger amount = t.amount().amount();
    if (aethBackRefusal(s, t.from().id(), amount) != null) return giveBack(self, t, t.id(), t.at());
    boolean withdrawal = s.status() == MicroPoolStatus.OPEN || s.status() == MicroPoolStatus.CLOSED;
    return List.of(new AethReturned(t, withdrawal), new AethBurned("burn:" + t.id(), t.amount()),
        new DispatchSent(Transfer.of("eth:" + t.id(), self, t.from(), new Amount(Asset.ETH, amount),
            withdrawal ? Purpose.MICROPOOL_WITHDRAWAL : Purpose.MICROPOOL_REDEMPTION, t.at())));
  }

  /**
   * Why {@code amount} wei of aETH sent back by {@code holder} would be returned unburned, or null
   * when the pool takes it (see aethBack). Asked before the aETH leaves the holder's account, and
   * applied again when it arrives.
   */
  public static MicroPoolRefusal aethBackRefusal(MicroPoolState s, String holder, BigInteger amount) {
    // a pool whose principal is on chain owes no aETH here: its stakers unstake and redeem on chain
    if (s.terms() != null && s.terms().onChain())
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.PRINCIPAL_ON_CHAIN, "the pool's principal is on chain at " + s.terms().chainPool()
          + ": unstake there before activation, redeem aETH there after completion");
    if (s.status() == MicroPoolStatus.OPEN || s.status() == MicroPoolStatus.CLOSED) {
      BigInteger own = s.stakeOf(holder);
      return own.compareTo(amount) >= 0 ? null
          : new MicroPoolRefusal(MicroPoolRefusal.Kind.INSUFFICIENT_STAKE, holder + " has staked " + own + " wei here");
    }
    if (s.status() == MicroPoolStatus.COMPLETED || s.status() == MicroPoolStatus.MIGRATED) {
      if (s.aethOutstanding().compareTo(amount) < 0)
        return new MicroPoolRefusal(MicroPoolRefusal.Kind.INSUFFICIENT_STAKE, "the pool owes only " + s.aethOutstanding() + " wei to aETH holders");
      if (!s.whole())
        return new MicroPoolRefusal(MicroPoolRefusal.Kind.AWAITING_REFUND, "the Insurance Pool still owes this pool "
            + s.stakersLoss().subtract(s.refunded()) + " wei of its stakers' slashing loss; aETH is redeemed 1:1 once it is paid");
      return null;
    }
    return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_WITHDRAWABLE, "the pool is " + s.status() + ": no withdrawal until completion");
  }

  /**
   * Why rewards sent by {@code from} would go back rather than complete the pool, or null when they
   * complete it: only its provider completes it, while it is ACTIVE. Asked before the rewards leave
   * the provider's account (MicroPoolEntity.CheckCompletion), and applied again when they arrive.
   */
  public static MicroPoolRefusal completionRefusal(MicroPoolState s, String poolId, Party from) {
    if (s.providerId() == null || !from.equals(Party.account(s.providerId())))
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_THE_PROVIDER, "only " + s.providerId() + " completes this pool");
    if (s.status() != MicroPoolStatus.ACTIVE)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_ACTIVE, "micro-pool " + poolId + " is " + s.status());
    return null;
  }

  /** Rewards W split per economics 4 (vector M1); the provider's k goes back with its share. */
  private static List<DomainEvent> complete(MicroPoolState s, Party self, Transfer t) {
    MicroPoolTerms terms = s.terms();
    MicroPoolRule.Completion split = MicroPoolRule.splitRewards(t.amount(), terms.ipBps(), terms.rpBps(), s.ethStaked());
    List<MicroPoolLeg> legs = new ArrayList<>();
    List<DomainEvent> sends = new ArrayList<>();
    leg(legs, sends, self, t, Party.INSURANCE_POOL, split.toInsurancePool(), "insurance");
    leg(legs, sends, self, t, Party.REWARD_POOL, split.toRewardPool(), "reward");
    for (Map.Entry<String, BigInteger> e : split.toStakers().entrySet())
      leg(legs, sends, self, t, Party.account(e.getKey()), new Amount(Asset.ETH, e.getValue()), "staker");
    leg(legs, sends, self, t, Party.account(s.providerId()), s.providerStake(), "principal");
    List<DomainEvent> events = new ArrayList<>(List.of(new Completed(t, legs)));
    events.addAll(sends);
    return events;
  }

  private static void leg(List<MicroPoolLeg> legs, List<DomainEvent> sends, Party self, Transfer rewards, Party to, Amount amount,
      String reason) {
    legs.add(new MicroPoolLeg(to.label(), amount, reason));
    if (amount.isZero()) return;
    String suffix = reason.equals("staker") ? to.id() : reason;
    sends.add(new DispatchSent(new Transfer(rewards.id() + ":" + suffix, self, to, amount,
        reason.equals("principal") ? Purpose.MICROPOOL_PRINCIPAL : Purpose.MICROPOOL_SHARE, "micropool-" + reason, rewards.at())));
  }

  /**
   * A governance order to migrate: an OPEN or ACTIVE pool sends its users' ETH, stakes, fees paid
   * and aETH owed to the new pool in one dispatch, returns the provider's k and any fee still
   * waiting for its stake, and is MIGRATED. Any other pool has nothing to move.
   */
  private static List<DomainEvent> migrateOut(MicroPoolState s, Party self, MicroPoolMigrationOrdered o) {
    // a slashed pool stays: the refund the Insurance Pool owes it would have nowhere to go (docs/micropools.md)
    // nor does a pool whose principal is on chain: governance cannot move the contract's ETH
    boolean movable = (s.status() == MicroPoolStatus.OPEN || s.status() == MicroPoolStatus.ACTIVE) && s.slashings().isEmpty()
        && !s.terms().onChain();
    if (!movable || o.toPoolId().equals(self.id())) return List.of();
    BigInteger usersEth = s.stakes().values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    List<DomainEvent> events = new ArrayList<>(List.of(new MigratedOut(o.id(), o.toPoolId(), o.at()),
        new DispatchSent(new MicroPoolMigration("migration:" + self.id(), self, Party.microPool(o.toPoolId()),
            new Amount(Asset.ETH, usersEth), s.stakes(), s.fees(), s.aethOutstanding(), o.at()))));
    if (!s.providerStake().isZero())
      events.add(new DispatchSent(new Transfer("principal:" + o.id(), self, Party.account(s.providerId()), s.providerStake(), Purpose.MICROPOOL_PRINCIPAL,
          "micropool-migrated", o.at())));
    for (Map.Entry<String, Transfer> held : new java.util.TreeMap<>(s.heldFees()).entrySet())
      events.addAll(returnHeldFee(self, held.getKey(), held.getValue()));
    return events;
  }

  /** Stakers arriving from a migrated pool keep their stakes and their aETH; an OPEN pool may activate. */
  private static List<DomainEvent> migrateIn(MicroPoolState s, MicroPoolMigration m) {
    List<DomainEvent> events = new ArrayList<>(List.of(new MigratedIn(m)));
    BigInteger total = s.total().add(m.eth().amount());
    if (s.status() == MicroPoolStatus.OPEN && total.compareTo(s.terms().validatorStake().amount()) >= 0)
      events.add(new Activated(m.at(), total));
    return events;
  }

  /**
   * Why {@code closer} cannot close the pool at {@code at}, or null when it can: only its provider,
   * only an OPEN pool at or past its end time.
   */
  public static MicroPoolRefusal closingRefusal(MicroPoolState s, String closer, long at) {
    if (s.providerId() == null || !s.providerId().equals(closer))
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_THE_PROVIDER, "only " + s.providerId() + " closes this pool");
    if (s.status() != MicroPoolStatus.OPEN)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_OPEN, "the pool is " + s.status() + "; only an OPEN pool closes");
    if (at < s.terms().endsAt())
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_ENDED, "the pool is open until " + s.terms().endsAt());
    return null;
  }

  /**
   * An OPEN pool past its end time closes (it never reached the validator stake): the provider's k
   * and any fee still waiting for its stake go back; the stakers keep withdrawing their own stakes.
   */
  public static List<DomainEvent> close(MicroPoolState s, Party self, long at) {
    List<DomainEvent> events = new ArrayList<>(List.of(new MicroPoolEvents.Closed(at)));
    if (!s.providerStake().isZero())
      events.add(new DispatchSent(new Transfer("principal:close:" + self.id(), self, Party.account(s.providerId()), s.providerStake(), Purpose.MICROPOOL_PRINCIPAL,
          "micropool-closed", at)));
    for (Map.Entry<String, Transfer> held : new java.util.TreeMap<>(s.heldFees()).entrySet())
      events.addAll(returnHeldFee(self, held.getKey(), held.getValue()));
    return events;
  }

  /** Why a slashing of {@code loss} cannot be recorded, or null: only an ACTIVE pool, 0 < L ≤ the validator's balance. */
  public static MicroPoolRefusal slashingRefusal(MicroPoolState s, Amount loss) {
    if (s.status() != MicroPoolStatus.ACTIVE)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_ACTIVE, "the pool is " + s.status() + "; only an ACTIVE pool's validator is slashed");
    if (s.terms().onChain())
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.PRINCIPAL_ON_CHAIN, "the pool's principal is on chain at " + s.terms().chainPool()
          + "; slashing such a pool is not built");
    if (loss.asset() != Asset.ETH || loss.amount().signum() <= 0 || loss.amount().compareTo(s.validatorBalance()) > 0)
      return new MicroPoolRefusal(MicroPoolRefusal.Kind.LOSS_OUT_OF_RANGE, "must be at most the validator's " + s.validatorBalance() + " wei");
    return null;
  }

  /**
   * The validator lost {@code loss} ETH (economics 7, vector P1): the provider's k absorbs min(L, k),
   * the stakers max(0, L − k). The ETH leaves the market; the pool claims the stakers' loss from the
   * Insurance Pool (paid back into the pool, so aETH stays backed) and tells the provider, whose
   * score takes the slashing penalty. The claim goes even when it is 0, so every slashing is on record.
   */
  public static List<DomainEvent> slash(MicroPoolState s, Party self, Amount loss, long at) {
    String id = "slash:" + self.id() + ":" + (s.slashings().size() + 1);
    InsuranceRule.SlashingLoss split = InsuranceRule.slashing(loss.amount(), s.providerStake().amount());
    Slashed slashed = new Slashed(id, at, loss, s.providerStake().amount(), s.validatorBalance(), s.stakes(), split.provider(),
        split.requesters());
    return List.of(slashed,
        new DispatchSent(new MicroPoolSlashingClaim("claim:" + id, self, Party.INSURANCE_POOL, id, s.providerId(),
            new Amount(Asset.ETH, split.requesters()), at)),
        new DispatchSent(new ProviderSlashed("notice:" + id, self, Party.provider(s.providerId()), self.id(), loss,
            new Amount(Asset.ETH, split.provider()), at)));
  }

  /** Value the pool has no use for: received (so it counts once) and sent straight back. */
  private static List<DomainEvent> giveBack(Party self, Dispatch d, String id, long at) {
    Amount value = d.value().orElseThrow();
    return List.of(new DispatchReceived(d), new DispatchSent(new Transfer("return:" + id, self, d.from(), value, Purpose.RETURN, "returned", at)));
  }
}
