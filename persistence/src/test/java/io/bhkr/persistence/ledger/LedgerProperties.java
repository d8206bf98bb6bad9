package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Asset;
import io.bhkr.persistence.ledger.MarketScript.Move;
import io.bhkr.transfer.ValueChange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The conservation fold over any sound sequence of movements holds the invariant and matches the
 * holders' balances; and a duplicated credit, wherever it lands, is always flagged.
 */
class LedgerProperties {

  @Provide
  Arbitrary<List<Move>> moves() {
    Arbitrary<Move> move = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 20),
        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 2), Arbitraries.longs().greaterOrEqual(0))
        .as(Move::new);
    return move.list().ofMinSize(1).ofMaxSize(80);
  }

  @Property
  void conservationHoldsForAnySoundSequence(@ForAll("moves") List<Move> moves) {
    MarketScript market = MarketScript.play(moves);
    ConservationReport report = Ledger.of(market.entries).report(10);

    assertTrue(report.ok(), () -> "not ok: " + report);
    assertEquals(List.of(), report.anomalies());
    assertEquals(market.inFlight.size(), report.transfers().inFlight());
    for (Asset asset : Asset.values()) {
      AssetTotals t = report.assets().get(asset).totals();
      for (HeldBy kind : HeldBy.values()) {
        BigInteger expected = MarketScript.HOLDERS.stream().filter(h -> HeldBy.of(h) == kind)
            .map(h -> market.held(h, asset)).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(expected, t.heldBy().get(kind), asset + " held by " + kind);
      }
      BigInteger pending = market.inFlight.stream().filter(p -> p.amount().asset() == asset)
          .map(p -> p.amount().amount()).reduce(BigInteger.ZERO, BigInteger::add);
      assertEquals(pending, t.inFlight(), asset + " in flight");
      assertTrue(t.held().signum() >= 0 && t.inFlight().signum() >= 0, "nothing below zero");
    }
  }

  @Property
  void aDuplicatedCreditIsAlwaysFlagged(
      @ForAll("moves") List<Move> moves, @ForAll int pick, @ForAll int where) {
    MarketScript market = MarketScript.play(moves);
    List<Integer> credits = new ArrayList<>();
    for (int i = 0; i < market.entries.size(); i++)
      if (market.entries.get(i).changes().get(0).kind() == ValueChange.Kind.RECEIVED) credits.add(i);
    Assume.that(!credits.isEmpty());

    int original = credits.get(Math.floorMod(pick, credits.size()));
    LedgerEntry credit = market.entries.get(original);
    // the redelivered credit lands anywhere after the first one
    int at = original + 1 + Math.floorMod(where, market.entries.size() - original);
    List<LedgerEntry> journal = new ArrayList<>(market.entries);
    journal.add(at, new LedgerEntry(credit.offset(), credit.persistenceId(), credit.changes()));

    ConservationReport report = Ledger.of(journal).report(10);
    assertFalse(report.ok());
    assertEquals(1, report.transfers().receivedTwice());
    Asset asset = credit.changes().get(0).amount().asset();
    assertFalse(report.assets().get(asset).ok());
    assertEquals(List.of(new Anomaly(Anomaly.Kind.RECEIVED_TWICE, credit.changes().get(0).id(), credit.changes().get(0).amount(),
        credit.persistenceId(), credit.offset())), report.anomalies());
  }
}
