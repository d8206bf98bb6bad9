package io.bhkr.micropool;

import io.bhkr.micropool.MicroPoolEvents.AethBurned;
import io.bhkr.micropool.MicroPoolEvents.AethMinted;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.Party;
import java.math.BigInteger;
import java.util.List;

/** The pool's decisions played without an actor, for the properties: events are appended to a journal and applied. */
final class PoolJournal {

  private PoolJournal() {}

  static MicroPoolState fold(MicroPoolState s, Party pool, List<DomainEvent> journal, Dispatch d) {
    for (DomainEvent e : MicroPoolDecisions.onReceive(s, pool, d)) {
      journal.add(e);
      s = s.apply(e);
    }
    return s;
  }

  /** The same for a confirmed log of the pool's contract (principal on chain). */
  static MicroPoolState record(MicroPoolState s, Party pool, List<DomainEvent> journal, ChainPoolFact fact) {
    for (DomainEvent e : ChainCustody.record(s, pool, fact)) {
      journal.add(e);
      s = s.apply(e);
    }
    return s;
  }

  /** aETH minted less aETH burned over the journal. */
  static BigInteger aethSupply(List<DomainEvent> journal) {
    BigInteger supply = BigInteger.ZERO;
    for (DomainEvent e : journal) {
      if (e instanceof AethMinted m) supply = supply.add(m.amount().amount());
      if (e instanceof AethBurned b) supply = supply.subtract(b.amount().amount());
    }
    return supply;
  }
}
