package io.bhkr.micropool;

import io.bhkr.micropool.MicroPoolEvents.ChainFactRecorded;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Party;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool whose users' principal is held on chain by its {@code MicroPool} contract: the contract
 * takes the stakes, mints and burns the aETH and decides activation; the pool records what its
 * confirmed logs say, in chain order, and settles what the market holds: the fees (paid into the
 * custody vault by the same transaction as the stake), the provider's k and the rewards. Pure.
 */
public final class ChainCustody {

  private ChainCustody() {}

  /**
   * The events for one confirmed log: none when the pool has recorded it already (the bridge
   * delivers at least once) or holds no principal on chain; otherwise the fact, and for a stake
   * with a fee the fee's split (10 % to the Reward Pool, the rest to the provider).
   *
   * <p>The chain has already accepted the stake, so the pool never refuses one: the contract's own
   * rules (opened by the platform, before its end time, not active) are the market's. An activation
   * of a pool no longer OPEN is recorded and changes nothing (the API closes a chain pool only once
   * the chain can no longer activate it).
   */
  public static List<DomainEvent> record(MicroPoolState s, Party self, ChainPoolFact fact) {
    if (s.seen().contains(fact.id()) || s.terms() == null || !s.terms().onChain()) return List.of();
    List<DomainEvent> events = new ArrayList<>(List.of(new ChainFactRecorded(fact)));
    if (fact.kind() == ChainPoolFact.Kind.STAKED && fact.fee().signum() > 0)
      events.addAll(MicroPoolDecisions.charge(s, self, fact.id(), fact.staker(), fact.id() + MicroPoolDecisions.FEE_SUFFIX,
          new Amount(Asset.BHKR, fact.fee()), fact.at()));
    return events;
  }
}
