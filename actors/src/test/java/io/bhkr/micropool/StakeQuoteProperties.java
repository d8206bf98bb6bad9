package io.bhkr.micropool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolEvents.FeeCharged;
import io.bhkr.micropool.MicroPoolEvents.StakeRefused;
import io.bhkr.micropool.MicroPoolEvents.Staked;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * What a pool says of a stake before the staker pays (MicroPoolDecisions.stakeRefusal and
 * stakeFee, asked through MicroPoolEntity.QuoteStake) is what it does when the stake arrives:
 * a stake it would refuse goes back, one it would take is taken with exactly the quoted fee,
 * and any other fee sends both back.
 */
class StakeQuoteProperties {

  private static final Party POOL = Party.microPool("mp");
  private static final String PROVIDER = "0xe000000000000000000000000000000000000000";
  private static final String STAKER = "0xa000000000000000000000000000000000000001";
  private static final long ENDS_AT = 1_000;

  private static MicroPoolState opened(long fpTokens, long kEther, boolean onChain, List<DomainEvent> journal) {
    MicroPoolTerms terms = MicroPoolTerms.of(Amount.tokens(Asset.BHKR, fpTokens), ENDS_AT, Parameters.development(),
        onChain ? "0x00000000000000000000000000000000000000c1" : null);
    return PoolJournal.fold(MicroPoolState.empty(), POOL, journal,
        new MicroPoolOpening("open", Party.account(PROVIDER), POOL, PROVIDER, Amount.tokens(Asset.ETH, kEther), terms, 1));
  }

  private static List<DomainEvent> arrive(MicroPoolState s, Amount stake, Amount fee, long at) {
    List<DomainEvent> journal = new ArrayList<>();
    if (!fee.isZero())
      s = PoolJournal.fold(s, POOL, journal, Transfer.of("st" + MicroPoolDecisions.FEE_SUFFIX, Party.account(STAKER), POOL, fee, Purpose.MICROPOOL_FEE, at));
    PoolJournal.fold(s, POOL, journal, Transfer.of("st", Party.account(STAKER), POOL, stake, Purpose.MICROPOOL_STAKE, at));
    return journal;
  }

  @Property
  void aQuotedStakeIsTakenWithItsFeeAndARefusedOneGoesBack(@ForAll @LongRange(min = 0, max = 500) long fpTokens,
      @ForAll @LongRange(min = 1, max = 40) long kEther, @ForAll @LongRange(min = 1, max = 40) long stakeEther,
      @ForAll @LongRange(min = 0, max = 2 * ENDS_AT) long at, @ForAll boolean onChain) {
    MicroPoolState s = opened(fpTokens, kEther, onChain, new ArrayList<>());
    Amount stake = Amount.tokens(Asset.ETH, stakeEther);
    MicroPoolRefusal refusal = MicroPoolDecisions.stakeRefusal(s, POOL.id(), at);
    if (refusal != null) {
      // the fee it would have charged had it been open
      List<DomainEvent> events = arrive(s, stake, Amount.zero(Asset.BHKR), at);
      assertTrue(events.stream().anyMatch(e -> e instanceof StakeRefused), refusal.reason());
      MicroPoolRefusal.Kind expected = s.terms() != null && s.terms().onChain() ? MicroPoolRefusal.Kind.PRINCIPAL_ON_CHAIN
          : s.status() != MicroPoolStatus.OPEN ? MicroPoolRefusal.Kind.NOT_OPEN : MicroPoolRefusal.Kind.STAKING_ENDED;
      assertEquals(expected, refusal.kind());
      return;
    }
    Amount fee = MicroPoolDecisions.stakeFee(s, stake);
    assertEquals(io.bhkr.rules.MicroPoolRule.fee(Amount.tokens(Asset.BHKR, fpTokens), stake, s.terms().validatorStake()), fee);
    List<DomainEvent> taken = arrive(s, stake, fee, at);
    assertTrue(taken.stream().anyMatch(e -> e instanceof Staked), "the quoted stake is taken");
    if (!fee.isZero()) assertTrue(taken.contains(new FeeCharged("st", STAKER, fee)), "with exactly the quoted fee");

    List<DomainEvent> overpaid = arrive(s, stake, new Amount(Asset.BHKR, fee.amount().add(BigInteger.ONE)), at);
    assertTrue(overpaid.stream().anyMatch(e -> e instanceof StakeRefused), "a fee other than the quoted one sends the stake back");
  }

  @Property
  void aPoolThatIsNotOpenQuotesNoStake(@ForAll @LongRange(min = 0, max = 2 * ENDS_AT) long at) {
    assertEquals(MicroPoolRefusal.Kind.NOT_OPEN, MicroPoolDecisions.stakeRefusal(MicroPoolState.empty(), "mp", at).kind());
    // a provider's k of 32 ETH or more activates the pool at opening: ACTIVE takes no stakes
    MicroPoolState active = opened(100, 32, false, new ArrayList<>());
    assertEquals(MicroPoolStatus.ACTIVE, active.status());
    MicroPoolRefusal refusal = MicroPoolDecisions.stakeRefusal(active, "mp", at);
    assertNotNull(refusal);
    assertEquals(new MicroPoolRefusal(MicroPoolRefusal.Kind.NOT_OPEN, "micro-pool mp is ACTIVE"), refusal);
    assertNull(MicroPoolDecisions.stakeRefusal(opened(100, 8, false, new ArrayList<>()), "mp", Math.min(at, ENDS_AT - 1)));
  }

  @Property
  void aPoolOnChainOpensOnlyWithRoomForStakersAndOnlyOnce(@ForAll @LongRange(min = 1, max = 40) long kEther, @ForAll boolean onChain) {
    Amount k = Amount.tokens(Asset.ETH, kEther);
    MicroPoolTerms terms = MicroPoolDecisions.openingTerms(Amount.tokens(Asset.BHKR, 100), ENDS_AT, Parameters.development(),
        onChain ? "0x00000000000000000000000000000000000000c1" : null);
    assertEquals(MicroPoolTerms.of(Amount.tokens(Asset.BHKR, 100), ENDS_AT, Parameters.development(), terms.chainPool()), terms);
    MicroPoolRefusal refusal = MicroPoolDecisions.openingRefusal(MicroPoolState.empty(), "mp", k, terms);
    boolean room = k.isLessThan(terms.validatorStake());
    assertEquals(onChain && !room, refusal != null);
    if (refusal != null) assertEquals(MicroPoolRefusal.Kind.NO_ROOM_FOR_STAKERS, refusal.kind());
    if (onChain && room) assertEquals(terms.validatorStake().minus(k), MicroPoolDecisions.chainActivation(terms, k));

    // the opening itself, arriving, is decided by the same rule
    List<DomainEvent> journal = new ArrayList<>();
    MicroPoolState after = PoolJournal.fold(MicroPoolState.empty(), POOL, journal,
        new MicroPoolOpening("open", Party.account(PROVIDER), POOL, PROVIDER, k, terms, 1));
    assertEquals(refusal == null, after.status() != MicroPoolStatus.NONE, journal.toString());
    if (refusal == null)
      assertEquals(MicroPoolRefusal.Kind.ALREADY_OPENED, MicroPoolDecisions.openingRefusal(after, "mp", k, terms).kind());
  }
}
