package io.bhkr.micropool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bhkr.governance.Parameters;
import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.serialization.DomainEvent;
import io.bhkr.transfer.MicroPoolOpening;
import io.bhkr.transfer.Party;
import io.bhkr.transfer.Purpose;
import io.bhkr.transfer.Transfer;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueEvent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A pool whose principal is on chain, fed the logs a model of the contract emits (stakes with
 * their fees, unstakes up to the staker's aETH while inactive, activation at the validator stake
 * less k) with random redeliveries, market stakes and completions: the stakes of record are the
 * contract's balances, every fee that came in is passed on, the pool holds only k, and the
 * journal replays to the same state.
 */
class ChainCustodyProperties {

  private static final Party POOL = Party.microPool("mp");
  private static final String PROVIDER = "0xe000000000000000000000000000000000000000";
  private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final List<String> USERS = List.of("0xa000000000000000000000000000000000000001",
      "0xb000000000000000000000000000000000000002", "0xc000000000000000000000000000000000000003");
  private static final BigInteger K = Amount.tokens(Asset.ETH, 5).amount();
  private static final BigInteger ACTIVATION = Amount.tokens(Asset.ETH, 27).amount(); // 32 − k
  private static final BigInteger FP = Amount.tokens(Asset.BHKR, 100).amount(), VALIDATOR = Amount.tokens(Asset.ETH, 32).amount();

  enum Kind { STAKE, UNSTAKE, REDELIVER, MARKET_STAKE, COMPLETE }

  record Step(Kind kind, int user, long milliEth) {}

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(1, 9_000)).as((k, u, e) -> new Step(k, u, e));
    return step.list().ofMaxSize(40);
  }

  @Property
  void theStakesOfRecordAreTheContractsBalancesAndEveryFeeIsPassedOn(@ForAll("steps") List<Step> steps) {
    List<DomainEvent> journal = new ArrayList<>();
    MicroPoolState s = PoolJournal.fold(MicroPoolState.empty(), POOL, journal, new MicroPoolOpening("open", Party.account(PROVIDER), POOL,
        PROVIDER, new Amount(Asset.ETH, K), MicroPoolTerms.of(new Amount(Asset.BHKR, FP), 1_000, Parameters.development(), CONTRACT), 1));
    Map<String, BigInteger> contract = new TreeMap<>(); // the contract's aETH balances
    boolean active = false;
    List<ChainPoolFact> logs = new ArrayList<>();
    int n = 0;
    for (Step step : steps) {
      String user = USERS.get(step.user());
      BigInteger wei = BigInteger.valueOf(step.milliEth()).multiply(BigInteger.TEN.pow(15));
      n++;
      List<ChainPoolFact> emitted = new ArrayList<>();
      switch (step.kind()) {
        case STAKE -> {
          if (active) break; // the contract refuses it
          contract.merge(user, wei, BigInteger::add);
          emitted.add(new ChainPoolFact("chain:0x" + n + ":0", ChainPoolFact.Kind.STAKED, user, wei, FP.multiply(wei).divide(VALIDATOR), n));
          BigInteger supply = contract.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
          if (supply.compareTo(ACTIVATION) >= 0) {
            active = true;
            emitted.add(new ChainPoolFact("chain:0x" + n + ":1", ChainPoolFact.Kind.ACTIVATED, null, supply, null, n));
          }
        }
        case UNSTAKE -> {
          BigInteger held = contract.getOrDefault(user, BigInteger.ZERO);
          if (active || held.signum() == 0) break;
          BigInteger amount = wei.min(held);
          contract.put(user, held.subtract(amount));
          emitted.add(new ChainPoolFact("chain:0x" + n + ":0", ChainPoolFact.Kind.UNSTAKED, user, amount, null, n));
        }
        case REDELIVER -> {
          if (!logs.isEmpty()) emitted.add(logs.get(step.user() % logs.size()));
        }
        case MARKET_STAKE -> s = PoolJournal.fold(s, POOL, journal,
            Transfer.of("m" + n, Party.account(user), POOL, new Amount(Asset.ETH, wei), Purpose.MICROPOOL_STAKE, n));
        case COMPLETE -> s = PoolJournal.fold(s, POOL, journal,
            Transfer.of("r" + n, Party.account(PROVIDER), POOL, new Amount(Asset.ETH, wei), Purpose.MICROPOOL_REWARDS, n));
      }
      for (ChainPoolFact f : emitted) {
        s = PoolJournal.record(s, POOL, journal, f);
        if (!logs.contains(f)) logs.add(f);
      }

      Map<String, BigInteger> ofRecord = new TreeMap<>(contract);
      ofRecord.values().removeIf(v -> v.signum() == 0);
      assertEquals(ofRecord, s.stakes(), "the stakes of record are the contract's balances");
      assertEquals(active || s.status() == MicroPoolStatus.COMPLETED, s.status() != MicroPoolStatus.OPEN, "active with the contract");
      assertEquals(BigInteger.ZERO, s.aethOutstanding(), "the aETH is the contract's");
      assertEquals(BigInteger.ZERO, s.held().of(Asset.BHKR).amount(), "every fee passed on");
      assertEquals(total(journal, ValueChange.Kind.DEPOSITED, Asset.BHKR), total(journal, ValueChange.Kind.SENT, Asset.BHKR));
      BigInteger ethIn = total(journal, ValueChange.Kind.RECEIVED, Asset.ETH), ethOut = total(journal, ValueChange.Kind.SENT, Asset.ETH);
      assertEquals(ethIn.subtract(ethOut), s.held().of(Asset.ETH).amount(), "ETH in − out is what the pool holds");
      assertEquals(s.status() == MicroPoolStatus.COMPLETED ? BigInteger.ZERO : K, s.held().of(Asset.ETH).amount(), "only k, until completion");
    }
    MicroPoolState replayed = MicroPoolState.empty();
    for (DomainEvent e : journal) replayed = replayed.apply(e);
    assertEquals(s, replayed, "the journal alone rebuilds the pool");
  }

  private static BigInteger total(List<DomainEvent> journal, ValueChange.Kind kind, Asset asset) {
    BigInteger sum = BigInteger.ZERO;
    for (DomainEvent e : journal) {
      if (e instanceof ValueEvent v)
        for (ValueChange c : v.changes()) if (c.kind() == kind && c.amount().asset() == asset) sum = sum.add(c.amount().amount());
    }
    return sum;
  }
}
