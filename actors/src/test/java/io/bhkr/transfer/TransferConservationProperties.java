package io.bhkr.transfer;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.money.Balances;
import io.bhkr.project.ProjectAwarded;
import io.bhkr.project.ProjectReleased;
import io.bhkr.rules.Resources;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model of the outbox protocol without actors: a few accounts whose event-sourced state is the
 * real {@link Balances}, {@link Outbox} and {@link Seen}, updated exactly as AccountEntity's event
 * handlers do, and a network that loses, duplicates and reorders messages. A crash loses only what
 * is in the network (mailboxes, replies in transit): the state of every party is journaled and
 * survives, and on recovery the party sends its whole outbox again.
 *
 * <p>After every step, for every asset: what the parties hold plus what has left an outbox and not
 * yet been applied by its receiver is exactly what was deposited. After delivering everything,
 * every accepted transfer has been credited exactly once.
 */
class TransferConservationProperties {

  private static final List<Party> PARTIES = List.of(
      Party.account("0xaaaa"), Party.account("0xbbbb"), Party.account("0xcccc"), Party.account("0xdddd"));
  private static final List<Asset> ASSETS = List.of(Asset.BHKR, Asset.ETH);

  // ----- the model --------------------------------------------------------------------------------

  /** One party's journaled state, as in AccountState. */
  private static final class Ledger {
    Balances balances = Balances.empty();
    Outbox outbox = Outbox.empty();
    Seen seen = Seen.none();
  }

  /** What travels: a dispatch to its receiver, or a receipt back to the sender. */
  private sealed interface Message permits Delivery, Ack {}

  private record Delivery(Dispatch dispatch) implements Message {}

  private record Ack(Party sender, String dispatchId) implements Message {}

  private enum Kind { DEPOSIT, SEND, RETRY_SEND, DELIVER, DUPLICATE, DROP, REDELIVER, CRASH }

  /** A step; its numbers are read modulo whatever they index, so every step applies to any state. */
  private record Step(Kind kind, int a, int b, int c, boolean flag) {}

  private static final class World {
    final Map<Party, Ledger> ledgers = new LinkedHashMap<>();
    final List<Message> network = new ArrayList<>();
    final Map<Asset, BigInteger> deposited = new EnumMap<>(Asset.class);
    final Map<String, Transfer> accepted = new LinkedHashMap<>();
    final Map<String, Integer> credits = new HashMap<>();
    final Map<String, Integer> debits = new HashMap<>();
    final Map<Party, Map<Asset, BigInteger>> expectedNet = new HashMap<>();
    int nextTransfer;
    int nextDeposit;

    World() {
      for (Party p : PARTIES) {
        ledgers.put(p, new Ledger());
        expectedNet.put(p, new EnumMap<>(Asset.class));
      }
      for (Asset a : ASSETS) deposited.put(a, BigInteger.ZERO);
    }

    Ledger of(Party p) {
      return ledgers.get(p);
    }

    void deposit(Party to, Amount amount, String depositId) {
      Ledger l = of(to);
      if (l.seen.contains(depositId)) return; // AccountEntity.onDeposit: once per id
      l.balances = l.balances.credit(amount);
      l.seen = l.seen.with(depositId);
      deposited.merge(amount.asset(), amount.amount(), BigInteger::add);
      expectedNet.get(to).merge(amount.asset(), amount.amount(), BigInteger::add);
    }

    /** AccountEntity.onSend and its DispatchSent handler; {@code crashBeforeSending} loses the first send. */
    void send(Transfer t, boolean crashBeforeSending) {
      Ledger l = of(t.from());
      if (l.seen.contains(t.id())) return; // a retried request: accepted before, nothing changes
      if (!l.balances.covers(t.amount())) return; // refused
      l.balances = l.balances.debit(t.amount());
      l.outbox = l.outbox.add(t);
      l.seen = l.seen.with(t.id());
      accepted.put(t.id(), t);
      debits.merge(t.id(), 1, Integer::sum);
      expectedNet.get(t.from()).merge(t.amount().asset(), t.amount().amount().negate(), BigInteger::add);
      expectedNet.get(t.to()).merge(t.amount().asset(), t.amount().amount(), BigInteger::add);
      if (!crashBeforeSending) network.add(new Delivery(t));
    }

    /** The receiver's Receive handler, or the sender's Confirm handler. */
    void handle(Message m) {
      if (m instanceof Delivery d) {
        Dispatch dispatch = d.dispatch();
        Ledger receiver = of(dispatch.to());
        if (!receiver.seen.contains(dispatch.id())) {
          receiver.balances = receiver.balances.credit(dispatch.value().orElseThrow());
          receiver.seen = receiver.seen.with(dispatch.id());
          credits.merge(dispatch.id(), 1, Integer::sum);
        }
        network.add(new Ack(dispatch.from(), dispatch.id())); // receipted whether new or not
      } else if (m instanceof Ack ack) {
        Ledger sender = of(ack.sender());
        if (sender.outbox.contains(ack.dispatchId())) sender.outbox = sender.outbox.confirm(ack.dispatchId());
      }
    }

    /** The courier's timer, or recovery: everything still pending is sent again. */
    void redeliver(Party p) {
      for (Dispatch d : of(p).outbox.all()) network.add(new Delivery(d));
    }

    /** The party's process dies: its mailbox and the replies addressed to it are lost; its journal is not. */
    void crash(Party p) {
      network.removeIf(m -> m instanceof Delivery d ? d.dispatch().to().equals(p) : ((Ack) m).sender().equals(p));
      redeliver(p);
    }

    void apply(Step s) {
      Party p = PARTIES.get(s.a() % PARTIES.size());
      switch (s.kind()) {
        case DEPOSIT -> {
          // a new deposit, or (flag) the external bridge delivering an earlier deposit id again
          String id = s.flag() && nextDeposit > 0 ? "d-" + (s.c() % nextDeposit) : "d-" + nextDeposit++;
          deposit(p, Amount.of(ASSETS.get(s.b() % ASSETS.size()), 1 + s.c() % 100), id);
        }
        case SEND -> {
          Party to = PARTIES.get((s.a() + 1 + s.b() % (PARTIES.size() - 1)) % PARTIES.size());
          Asset asset = ASSETS.get(s.c() % ASSETS.size());
          send(new Transfer("t-" + nextTransfer++, p, to, Amount.of(asset, s.c() / ASSETS.size() % 60), Purpose.PAYMENT, "test", 0), s.flag());
        }
        case RETRY_SEND -> {
          if (accepted.isEmpty()) return;
          Transfer again = new ArrayList<>(accepted.values()).get(s.b() % accepted.size());
          send(again, s.flag());
        }
        case DELIVER, DUPLICATE -> {
          if (network.isEmpty()) return;
          int i = s.b() % network.size();
          Message m = s.kind() == Kind.DUPLICATE ? network.get(i) : network.remove(i);
          handle(m);
        }
        case DROP -> {
          if (!network.isEmpty()) network.remove(s.b() % network.size());
        }
        case REDELIVER -> redeliver(p);
        case CRASH -> crash(p);
      }
    }

    /** Delivers everything: resends what is pending and hands every message over, until all is confirmed. */
    void drain() {
      for (int round = 0; round < 10; round++) {
        for (Party p : PARTIES) redeliver(p);
        while (!network.isEmpty()) handle(network.remove(0));
        if (ledgers.values().stream().allMatch(l -> l.outbox.isEmpty())) return;
      }
    }

    Map<Asset, BigInteger> held() {
      Map<Asset, BigInteger> sums = zeroes();
      for (Ledger l : ledgers.values())
        for (Asset a : ASSETS) sums.merge(a, l.balances.of(a).amount(), BigInteger::add);
      return sums;
    }

    /** Value that has left a sender and that its receiver has not applied yet. */
    Map<Asset, BigInteger> inFlightNotYetApplied() {
      Map<Asset, BigInteger> sums = zeroes();
      for (Ledger l : ledgers.values())
        for (Dispatch d : l.outbox.all())
          if (!of(d.to()).seen.contains(d.id()))
            d.value().ifPresent(v -> sums.merge(v.asset(), v.amount(), BigInteger::add));
      return sums;
    }

    void assertConserved(String when) {
      Map<Asset, BigInteger> held = held();
      Map<Asset, BigInteger> flying = inFlightNotYetApplied();
      for (Asset a : ASSETS)
        assertEquals(deposited.get(a), held.get(a).add(flying.get(a)),
            a + " after " + when + ": held " + held.get(a) + " + in flight " + flying.get(a));
      credits.forEach((id, n) -> assertEquals(1, n, id + " credited " + n + " times, after " + when));
      debits.forEach((id, n) -> assertEquals(1, n, id + " debited " + n + " times, after " + when));
    }
  }

  private static Map<Asset, BigInteger> zeroes() {
    Map<Asset, BigInteger> m = new EnumMap<>(Asset.class);
    for (Asset a : ASSETS) m.put(a, BigInteger.ZERO);
    return m;
  }

  // ----- generators -------------------------------------------------------------------------------

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Kind> kind = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just(Kind.DEPOSIT)),
        Tuple.of(6, Arbitraries.just(Kind.SEND)),
        Tuple.of(1, Arbitraries.just(Kind.RETRY_SEND)),
        Tuple.of(7, Arbitraries.just(Kind.DELIVER)),
        Tuple.of(2, Arbitraries.just(Kind.DUPLICATE)),
        Tuple.of(2, Arbitraries.just(Kind.DROP)),
        Tuple.of(1, Arbitraries.just(Kind.REDELIVER)),
        Tuple.of(1, Arbitraries.just(Kind.CRASH)));
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 1_000);
    Arbitrary<Step> step = Combinators.combine(kind, n, n, n, Arbitraries.of(true, false)).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(200).withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases();
  }

  // ----- properties -------------------------------------------------------------------------------

  @Property(tries = 500)
  void nothingIsLostOrCreatedWhateverTheNetworkDoes(@ForAll("steps") List<Step> steps) {
    World w = new World();
    w.assertConserved("the start");
    // every party starts with something to send; later deposits add more
    for (Party p : PARTIES)
      for (Asset a : ASSETS) w.deposit(p, Amount.of(a, 200), "genesis-" + p.id() + "-" + a);
    w.assertConserved("the first deposits");
    for (int i = 0; i < steps.size(); i++) {
      w.apply(steps.get(i));
      w.assertConserved("step " + i + " " + steps.get(i));
    }

    w.drain();
    w.assertConserved("delivering everything");
    for (Ledger l : w.ledgers.values()) assertTrue(l.outbox.isEmpty(), "every dispatch is confirmed in the end");
    for (String id : w.accepted.keySet()) {
      assertEquals(1, w.credits.getOrDefault(id, 0), id + " is credited exactly once");
      assertEquals(1, w.debits.getOrDefault(id, 0), id + " is debited exactly once");
    }
    assertEquals(w.accepted.keySet(), w.credits.keySet(), "nothing is credited that was not sent");
    assertEquals(w.deposited, w.held(), "once everything has arrived, the balances hold all that was deposited");
    for (Party p : PARTIES)
      for (Asset a : ASSETS)
        assertEquals(w.expectedNet.get(p).getOrDefault(a, BigInteger.ZERO), w.of(p).balances.of(a).amount(),
            p + " holds its deposits plus what it received less what it sent, in " + a);
  }

  /** Adds (new or repeated, with or without value) and confirms (known or unknown ids) of one outbox. */
  private record OutboxStep(boolean add, int id, int asset, long amount, boolean notice) {}

  @Provide
  Arbitrary<List<OutboxStep>> outboxSteps() {
    return Combinators.combine(
            Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 2),
            Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(false, false, false, true))
        .as(OutboxStep::new)
        .list().ofMaxSize(80).withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases();
  }

  private static Dispatch dispatch(OutboxStep s) {
    String id = "x-" + s.id();
    Party from = Party.account("0xaaaa");
    Party to = Party.provider("0xbbbb");
    if (s.notice())
      return s.id() % 2 == 0
          ? new ProjectReleased(id, from, to, "p-" + s.id(), 0, false)
          : new ProjectAwarded(id, from, to, "p-" + s.id(), new Resources(1, 2, 3, 4), 0);
    return new Transfer(id, from, to, Amount.of(Asset.values()[s.asset()], s.amount()), Purpose.PAYMENT, "test", 0);
  }

  @Property(tries = 500)
  void inFlightIsTheSumOfThePendingValues(@ForAll("outboxSteps") List<OutboxStep> steps) {
    Outbox outbox = Outbox.empty();
    Map<String, Dispatch> pending = new LinkedHashMap<>();
    for (OutboxStep s : steps) {
      Outbox before = outbox;
      Map<Asset, BigInteger> beforeInFlight = before.inFlight();
      if (s.add()) {
        Dispatch d = dispatch(s);
        outbox = outbox.add(d);
        pending.put(d.id(), d);
      } else {
        outbox = outbox.confirm("x-" + s.id());
        pending.remove("x-" + s.id());
      }
      assertEquals(beforeInFlight, before.inFlight(), "an outbox is immutable: the earlier state is unchanged");

      Map<Asset, BigInteger> expected = new EnumMap<>(Asset.class);
      for (Asset a : Asset.values()) expected.put(a, BigInteger.ZERO);
      for (Dispatch d : pending.values()) d.value().ifPresent(v -> expected.merge(v.asset(), v.amount(), BigInteger::add));
      assertEquals(expected, outbox.inFlight());
      assertEquals(List.copyOf(pending.values()), List.copyOf(outbox.all()), "pending dispatches, in the order first sent");
      assertEquals(pending.isEmpty(), outbox.isEmpty());
      for (int i = 0; i <= 12; i++) assertEquals(pending.containsKey("x-" + i), outbox.contains("x-" + i));
    }
  }

  @Property(tries = 200)
  void aConfirmedDispatchIsNoLongerInFlightAndConfirmingTwiceChangesNothing(
      @ForAll("outboxSteps") List<OutboxStep> steps) {
    Outbox outbox = Outbox.empty();
    for (OutboxStep s : steps) outbox = outbox.add(dispatch(s));
    for (Dispatch d : List.copyOf(outbox.all())) {
      Outbox confirmed = outbox.confirm(d.id());
      assertFalse(confirmed.contains(d.id()));
      assertEquals(confirmed, confirmed.confirm(d.id()));
      Map<Asset, BigInteger> expected = new EnumMap<>(outbox.inFlight());
      d.value().ifPresent(v -> expected.merge(v.asset(), v.amount().negate(), BigInteger::add));
      assertEquals(expected, confirmed.inFlight());
      outbox = confirmed;
    }
    assertTrue(outbox.isEmpty());
    assertEquals(Map.of(Asset.BHKR, BigInteger.ZERO, Asset.ETH, BigInteger.ZERO, Asset.AETH, BigInteger.ZERO), outbox.inFlight());
  }
}
