package io.bhkr.micropool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.governance.Parameters;
import io.bhkr.micropool.MicroPoolEvents.Slashed;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Slashings of a micro-pool (economics 7) among random stakes, refunds from the Insurance Pool,
 * completions, redemptions and redeliveries: ETH in = ETH out + ETH burned + ETH held, and aETH
 * stays backed by what the pool holds plus what the Insurance Pool still owes it.
 */
class MicroPoolSlashingProperties {

  private static final Party POOL = Party.microPool("mp");
  private static final String PROVIDER = "0xe000000000000000000000000000000000000000";
  private static final List<String> USERS = List.of("0xa000000000000000000000000000000000000001",
      "0xb000000000000000000000000000000000000002", "0xc000000000000000000000000000000000000003");

  enum Kind { STAKE, SLASH, REFUND, COMPLETE, REDEEM, REDELIVER }

  record Step(Kind kind, int user, long ether) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    // stakes weigh more, so that most runs activate the pool and can slash it
    Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(4, Kind.STAKE), Tuple.of(2, Kind.SLASH), Tuple.of(2, Kind.REFUND),
        Tuple.of(1, Kind.COMPLETE), Tuple.of(2, Kind.REDEEM), Tuple.of(1, Kind.REDELIVER));
    Arbitrary<Step> step = Combinators.combine(kind, Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(1, 20)).as(Step::new);
    return step.list().ofMaxSize(40);
  }

  @Property
  void ethIsConservedWithTheBurnedLossAndAethStaysBacked(@ForAll("steps") List<Step> steps, @ForAll("k") long k) {
    MicroPoolState s = MicroPoolState.empty();
    List<DomainEvent> journal = new ArrayList<>();
    List<Dispatch> delivered = new ArrayList<>();
    s = PoolJournal.fold(s, POOL, journal, new MicroPoolOpening("open", Party.account(PROVIDER), POOL, PROVIDER, Amount.tokens(Asset.ETH, k),
        MicroPoolTerms.of(Amount.tokens(Asset.BHKR, 100), 1_000, Parameters.development()), 1));
    BigInteger in = Amount.tokens(Asset.ETH, k).amount(), out = BigInteger.ZERO, burned = BigInteger.ZERO;
    int n = 0;
    for (Step step : steps) {
      String user = USERS.get(step.user());
      Amount amount = Amount.tokens(Asset.ETH, step.ether());
      String id = "d" + n++;
      int before = journal.size();
      if (step.kind() == Kind.SLASH) {
        if (MicroPoolDecisions.slashingRefusal(s, amount) != null) continue;
        for (DomainEvent e : MicroPoolDecisions.slash(s, POOL, amount, n)) {
          journal.add(e);
          s = s.apply(e);
        }
      } else {
        Dispatch d = switch (step.kind()) {
          case STAKE -> Transfer.of(id, Party.account(user), POOL, amount, Purpose.MICROPOOL_STAKE, n);
          case REFUND -> new Transfer(id, Party.INSURANCE_POOL, POOL, amount, Purpose.COMPENSATION, "compensation", n);
          case COMPLETE -> Transfer.of(id, Party.account(PROVIDER), POOL, amount, Purpose.MICROPOOL_REWARDS, n);
          case REDEEM -> Transfer.of(id, Party.account(user), POOL, new Amount(Asset.AETH, amount.amount()), Purpose.MICROPOOL_WITHDRAWAL, n);
          default -> delivered.isEmpty() ? null : delivered.get(step.user() % delivered.size());
        };
        if (d == null) continue;
        s = PoolJournal.fold(s, POOL, journal, d);
        if (journal.size() > before) {
          delivered.add(d);
          if (d.value().orElseThrow().asset() == Asset.ETH) in = in.add(d.value().get().amount());
        }
      }
      for (DomainEvent e : journal.subList(before, journal.size())) {
        if (e instanceof DispatchSent sent && sent.dispatch().value().map(v -> v.asset() == Asset.ETH).orElse(false))
          out = out.add(sent.dispatch().value().get().amount());
        if (e instanceof Slashed slashed) burned = burned.add(slashed.loss().amount());
      }

      BigInteger held = s.held().of(Asset.ETH).amount();
      assertEquals(in, out.add(burned).add(held), "ETH in = ETH out + burned + held");
      BigInteger supply = PoolJournal.aethSupply(journal);
      BigInteger stillOwed = s.stakersLoss().subtract(s.refunded());
      assertTrue(stillOwed.signum() >= 0, "the Insurance Pool never pays the pool more than the stakers lost");
      if (s.status() == MicroPoolStatus.OPEN || s.status() == MicroPoolStatus.ACTIVE) {
        assertEquals(s.stakes().values().stream().reduce(BigInteger.ZERO, BigInteger::add), supply, "aETH = users' stakes of record");
        assertEquals(s.validatorBalance().add(s.refunded()), held, "held = the validator's ETH left + the refunds");
      } else {
        assertEquals(supply, held.add(stillOwed), "aETH is backed by what the pool holds and what Insurance still owes it");
      }
    }
    Statistics.collect(!s.slashings().isEmpty() ? "slashed" : "not slashed");
    Statistics.coverage(c -> c.check("slashed").percentage(p -> p > 10));
  }

  @Provide
  Arbitrary<Long> k() {
    return Arbitraries.longs().between(0, 16);
  }


}
