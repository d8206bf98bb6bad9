package io.bhkr.micropool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.governance.MicroPoolMigrationOrdered;
import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.MicroPoolMigration;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A governance migration moves every staker of one pool to another losing nothing (economics 4). */
class MigrationProperties {

  private static final Party FROM = Party.microPool("from"), TO = Party.microPool("to");
  private static final String P1 = "0xe000000000000000000000000000000000000001", P2 = "0xe000000000000000000000000000000000000002";
  private static final List<String> USERS = List.of("0xa000000000000000000000000000000000000001",
      "0xb000000000000000000000000000000000000002", "0xc000000000000000000000000000000000000003");

  record Stake(boolean toSource, int user, long ether) {}

  @Provide
  Arbitrary<List<Stake>> stakes() {
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 9))
        .as(Stake::new).list().ofMaxSize(12);
  }

  @Property
  void aMigrationConservesEveryStakersStake(@ForAll("stakes") List<Stake> stakes, @ForAll boolean redelivered) {
    MicroPoolState from = fold(MicroPoolState.empty(), FROM, opening(FROM, P1, 3)).state;
    MicroPoolState to = fold(MicroPoolState.empty(), TO, opening(TO, P2, 2)).state;
    int n = 0;
    for (Stake s : stakes) {
      Party pool = s.toSource() ? FROM : TO;
      Transfer t = Transfer.of("s" + n++, Party.account(USERS.get(s.user())), pool, Amount.tokens(Asset.ETH, s.ether()), Purpose.MICROPOOL_STAKE, n);
      if (s.toSource()) from = fold(from, FROM, t).state;
      else to = fold(to, TO, t).state;
    }
    SortedMap<String, BigInteger> expected = new TreeMap<>(to.stakes());
    from.stakes().forEach((a, v) -> expected.merge(a, v, BigInteger::add));
    BigInteger aethBefore = from.aethOutstanding().add(to.aethOutstanding());
    boolean movable = from.status() == MicroPoolStatus.OPEN || from.status() == MicroPoolStatus.ACTIVE;

    Folded out = fold(from, FROM, new MicroPoolMigrationOrdered("migrate:g", Party.GOVERNANCE, FROM, "g", "to", 99));
    if (redelivered) {
      Folded again = fold(out.state, FROM, new MicroPoolMigrationOrdered("migrate:g", Party.GOVERNANCE, FROM, "g", "to", 99));
      assertEquals(List.of(), again.sent, "a redelivered order changes nothing");
      out = new Folded(again.state, out.sent);
    }
    if (!movable) {
      assertEquals(List.of(), out.sent, "a pool already past ACTIVE has nothing to move");
      return;
    }
    MicroPoolMigration migration = out.sent.stream().filter(d -> d instanceof MicroPoolMigration).map(d -> (MicroPoolMigration) d)
        .findFirst().orElseThrow();
    Folded in = fold(to, TO, migration);
    if (redelivered) in = new Folded(fold(in.state, TO, migration).state, in.sent);

    assertEquals(MicroPoolStatus.MIGRATED, out.state.status());
    assertEquals(expected, in.state.stakes(), "every staker's stake, summed over both pools, is in the new pool");
    assertEquals(aethBefore, in.state.aethOutstanding(), "the new pool owes all the aETH");
    assertEquals(BigInteger.ZERO, out.state.held().of(Asset.ETH).amount(), "the old pool keeps nothing");
    BigInteger usersEth = expected.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(usersEth.add(Amount.tokens(Asset.ETH, 2).amount()), in.state.held().of(Asset.ETH).amount());
    BigInteger kBack = out.sent.stream().filter(d -> d.to().equals(Party.account(P1))).map(d -> d.value().get().amount())
        .reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(Amount.tokens(Asset.ETH, 3).amount(), kBack, "the old provider's k goes back to it");
  }

  private static MicroPoolOpening opening(Party pool, String provider, long k) {
    return new MicroPoolOpening("open:" + pool.id(), Party.account(provider), pool, provider, Amount.tokens(Asset.ETH, k),
        MicroPoolTerms.of(Amount.tokens(Asset.BHKR, 100), 1_000, Parameters.development()), 1);
  }

  record Folded(MicroPoolState state, List<Dispatch> sent) {}

  private static Folded fold(MicroPoolState s, Party self, Dispatch d) {
    List<Dispatch> sent = new ArrayList<>();
    for (DomainEvent e : MicroPoolDecisions.onReceive(s, self, d)) {
      s = s.apply(e);
      if (e instanceof DispatchSent ds) sent.add(ds.dispatch());
    }
    return new Folded(s, sent);
  }
}
