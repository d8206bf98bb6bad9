package io.bhkr.micropool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.Dispatch;
import io.bhkr.transfer.DispatchSent;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pure core of a micro-pool (decisions folded into state) under random stakes, fees,
 * withdrawals, redemptions, completions and redeliveries.
 */
class MicroPoolProperties {

  private static final Party POOL = Party.microPool("mp");
  private static final String PROVIDER = "0xe000000000000000000000000000000000000000";
  private static final List<String> USERS = List.of("0xa000000000000000000000000000000000000001",
      "0xb000000000000000000000000000000000000002", "0xc000000000000000000000000000000000000003");

  enum Kind { STAKE, FEE, WITHDRAW, COMPLETE, REDELIVER }

  record Step(Kind kind, int user, long wei) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(1, 12)).as((k, u, e) -> new Step(k, u, e));
    return step.list().ofMaxSize(40);
  }

  @Property
  void aethSupplyEqualsTheUsersEthStakedAndNothingIsLost(@ForAll("steps") List<Step> steps) {
    MicroPoolState s = MicroPoolState.empty();
    List<DomainEvent> journal = new ArrayList<>();
    List<Dispatch> delivered = new ArrayList<>();
    BigInteger in = BigInteger.ZERO, out = BigInteger.ZERO; // ETH into and out of the pool
    s = PoolJournal.fold(s, POOL, journal, new MicroPoolOpening("open", Party.account(PROVIDER), POOL, PROVIDER, Amount.tokens(Asset.ETH, 5),
        MicroPoolTerms.of(Amount.tokens(Asset.BHKR, 100), 1_000, Parameters.development()), 1));
    in = in.add(Amount.tokens(Asset.ETH, 5).amount());
    int n = 0;
    for (Step step : steps) {
      String user = USERS.get(step.user());
      Amount amount = Amount.tokens(Asset.ETH, step.wei());
      String id = "d" + n++;
      Dispatch d = switch (step.kind()) {
        case STAKE -> Transfer.of(id, Party.account(user), POOL, amount, Purpose.MICROPOOL_STAKE, n);
        case FEE -> Transfer.of("d" + (n - 2) + MicroPoolDecisions.FEE_SUFFIX, Party.account(user), POOL,
            Amount.tokens(Asset.BHKR, step.wei()), Purpose.MICROPOOL_FEE, n);
        case WITHDRAW -> Transfer.of(id, Party.account(user), POOL, new Amount(Asset.AETH, amount.amount()), Purpose.MICROPOOL_WITHDRAWAL, n);
        case COMPLETE -> Transfer.of(id, Party.account(PROVIDER), POOL, amount, Purpose.MICROPOOL_REWARDS, n);
        case REDELIVER -> delivered.isEmpty() ? null : delivered.get(step.user() % delivered.size());
      };
      if (d == null) continue;
      int before = journal.size();
      s = PoolJournal.fold(s, POOL, journal, d);
      boolean appliedNow = journal.size() > before;
      if (appliedNow) delivered.add(d);
      if (appliedNow && d.value().isPresent() && d.value().get().asset() == Asset.ETH) in = in.add(d.value().get().amount());
      for (DomainEvent e : journal.subList(before, journal.size()))
        if (e instanceof DispatchSent sent && sent.dispatch().value().orElseThrow().asset() == Asset.ETH)
          out = out.add(sent.dispatch().value().get().amount());

      BigInteger supply = PoolJournal.aethSupply(journal);
      assertEquals(supply, s.aethOutstanding(), "the state's aETH is the journal's minted − burned");
      if (s.status() == MicroPoolStatus.OPEN || s.status() == MicroPoolStatus.ACTIVE) {
        BigInteger staked = s.stakes().values().stream().reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(staked, supply, "aETH supply = users' ETH staked in an open pool");
        assertEquals(s.total(), s.held().of(Asset.ETH).amount(), "the pool holds exactly the ETH staked");
      } else {
        assertEquals(supply, s.held().of(Asset.ETH).amount(), "once complete, the pool holds exactly what aETH holders may redeem");
      }
      assertEquals(in.subtract(out), s.held().of(Asset.ETH).amount(), "ETH in − ETH out = ETH held: nothing lost");
      assertEquals(supply, s.held().of(Asset.AETH).amount().add(outstandingAethSent(journal)).subtract(aethReceivedBack(journal)),
          "every minted aETH left for its staker");
    }
  }



  private static BigInteger outstandingAethSent(List<DomainEvent> journal) {
    return journal.stream().filter(e -> e instanceof DispatchSent sent && sent.dispatch().value().get().asset() == Asset.AETH
        && !sent.dispatch().id().startsWith("return:")).map(e -> ((DispatchSent) e).dispatch().value().get().amount())
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static BigInteger aethReceivedBack(List<DomainEvent> journal) {
    return journal.stream().filter(e -> e instanceof MicroPoolEvents.AethReturned).map(e -> ((MicroPoolEvents.AethReturned) e).aeth()
        .amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
  }
}
