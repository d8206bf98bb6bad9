package io.bhkr.persistence.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import io.bhkr.transfer.ValueChange;
import io.bhkr.transfer.ValueChange.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vectors of the conservation fold: what each kind of movement does to the totals and counts. */
class LedgerStepTest {

  private static final String ALICE = "Account|0xa";
  private static final String BOB = "Account|0xb";
  private static final String PROJECT = "Project|p-1";

  private final List<LedgerEntry> journal = new ArrayList<>();

  private static Amount bhkr(long units) {
    return Amount.of(Asset.BHKR, units);
  }

  private static BigInteger n(long v) {
    return BigInteger.valueOf(v);
  }

  private LedgerStepTest write(String persistenceId, Kind kind, String id, Amount amount) {
    journal.add(new LedgerEntry(journal.size() + 1, persistenceId, List.of(new ValueChange(kind, id, amount))));
    return this;
  }

  private ConservationReport report() {
    return Ledger.of(journal).report(10);
  }

  private ConservationReport.AssetReport bhkrReport() {
    return report().assets().get(Asset.BHKR);
  }

  @Test
  void aDepositIsHeldAndDeposited() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100));
    AssetTotals t = bhkrReport().totals();
    assertEquals(n(100), t.heldBy().get(HeldBy.ACCOUNTS));
    assertEquals(n(100), t.held());
    assertEquals(n(100), t.deposited());
    assertEquals(n(100), t.expected());
    assertTrue(report().ok());
    assertEquals(1, report().events());
    assertEquals(1, report().projectedUpTo());
  }

  @Test
  void aTransferInFlightStillCountsAndOnceReceivedIsHeldByTheReceiver() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.SENT, "fund:p-1", bhkr(40));
    AssetTotals inFlight = bhkrReport().totals();
    assertEquals(n(60), inFlight.heldBy().get(HeldBy.ACCOUNTS));
    assertEquals(n(40), inFlight.inFlight());
    assertEquals(new TransferCounts(1, 0, 1, 0, 0, 0, 0), bhkrReport().transfers());
    assertTrue(report().ok(), "value in flight is not lost");

    write(PROJECT, Kind.RECEIVED, "fund:p-1", bhkr(40));
    AssetTotals received = bhkrReport().totals();
    assertEquals(n(60), received.heldBy().get(HeldBy.ACCOUNTS));
    assertEquals(n(40), received.heldBy().get(HeldBy.ESCROW));
    assertEquals(n(0), received.inFlight());
    assertEquals(new TransferCounts(1, 1, 0, 0, 0, 0, 0), bhkrReport().transfers());
    assertTrue(report().ok());
    assertEquals(List.of(), report().anomalies());
  }

  @Test
  void aSecondCreditKeepsTheSumsBalancedButIsFlagged() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.SENT, "t-1", bhkr(40))
        .write(BOB, Kind.RECEIVED, "t-1", bhkr(40)).write(BOB, Kind.RECEIVED, "t-1", bhkr(40));
    ConservationReport.AssetReport r = bhkrReport();
    assertTrue(r.totals().balanced(), "in flight goes negative, so the sum alone cannot see it");
    assertEquals(n(-40), r.totals().inFlight());
    assertEquals(n(140), r.totals().heldBy().get(HeldBy.ACCOUNTS), "alice 60, bob 40 twice");
    assertEquals(1, r.transfers().receivedTwice());
    assertFalse(r.ok());
    assertFalse(report().ok());
    assertEquals(List.of(new Anomaly(Anomaly.Kind.RECEIVED_TWICE, "t-1", bhkr(40), BOB, 4)), report().anomalies());
  }

  @Test
  void aCreditWithoutItsDebitIsFlagged() {
    write(BOB, Kind.RECEIVED, "t-9", bhkr(5));
    ConservationReport.AssetReport r = bhkrReport();
    assertEquals(1, r.transfers().receivedUnsent());
    assertEquals(new TransferCounts(0, 1, 0, 0, 1, 0, 0), r.transfers());
    assertFalse(report().ok());
    assertEquals(Anomaly.Kind.RECEIVED_UNSENT, report().anomalies().get(0).kind());

    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(5)).write(ALICE, Kind.SENT, "t-9", bhkr(5));
    assertEquals(new TransferCounts(1, 1, 0, 0, 1, 0, 0), bhkrReport().transfers(), "a late SENT does not clear it");
    assertFalse(report().ok());
  }

  @Test
  void aSecondDebitAndAnotherAmountAreFlagged() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.SENT, "t-1", bhkr(10)).write(ALICE, Kind.SENT, "t-1", bhkr(10));
    assertEquals(1, bhkrReport().transfers().sentTwice());
    assertFalse(report().ok());

    journal.clear();
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.SENT, "t-2", bhkr(10)).write(BOB, Kind.RECEIVED, "t-2", bhkr(11));
    assertEquals(1, bhkrReport().transfers().amountDiffers());
    assertTrue(bhkrReport().totals().balanced(), "in flight absorbs the difference, so only the record shows it");
    assertFalse(report().ok());
    assertEquals(List.of(Anomaly.Kind.AMOUNT_DIFFERS), report().anomalies().stream().map(Anomaly::kind).toList());
  }

  @Test
  void withdrawalsMintingAndBurningMoveTheExpectedSum() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.WITHDRAWN, "w-1", bhkr(30))
        .write("Pool|reward", Kind.MINTED, "m-1", bhkr(7)).write("Pool|reward", Kind.BURNED, "b-1", bhkr(2));
    AssetTotals t = bhkrReport().totals();
    assertEquals(n(70), t.heldBy().get(HeldBy.ACCOUNTS));
    assertEquals(n(5), t.heldBy().get(HeldBy.POOLS));
    assertEquals(n(75), t.expected());
    assertEquals(List.of(n(100), n(30), n(7), n(2)), List.of(t.deposited(), t.withdrawn(), t.minted(), t.burned()));
    assertTrue(report().ok());
  }

  @Test
  void theHolderKindComesFromThePersistenceId() {
    assertEquals(HeldBy.ACCOUNTS, HeldBy.of("Account|0xa"));
    assertEquals(HeldBy.ESCROW, HeldBy.of("Project|p"));
    assertEquals(HeldBy.COLLATERAL, HeldBy.of("Provider|0xb"));
    assertEquals(HeldBy.POOLS, HeldBy.of("Pool|insurance"));
    assertEquals(HeldBy.STAKES, HeldBy.of("Node|n-1"));
    assertEquals(HeldBy.STAKES, HeldBy.of("Governance|governance"), "governor stakes are stakes too");
    assertEquals(HeldBy.OTHER, HeldBy.of("MicroPool|mp-1"));
    assertEquals(HeldBy.OTHER, HeldBy.of("NoBar"));
    assertEquals(HeldBy.OTHER, HeldBy.of("Nodes|x"), "the type must match whole");
  }

  @Test
  void oneEventMayMoveManyLegsAndAssetsAreKeptApart() {
    write("Pool|reward", Kind.DEPOSITED, "d-1", bhkr(10));
    journal.add(new LedgerEntry(2, "Pool|reward", List.of(
        new ValueChange(Kind.SENT, "leg-1", bhkr(3)), new ValueChange(Kind.SENT, "leg-2", bhkr(7)),
        new ValueChange(Kind.DEPOSITED, "d-eth", Amount.of(Asset.ETH, 9)))));
    write(ALICE, Kind.RECEIVED, "leg-1", bhkr(3));
    write("Node|n-1", Kind.RECEIVED, "leg-2", bhkr(7));
    write(BOB, Kind.RECEIVED, "leg-2", bhkr(7));
    ConservationReport r = report();
    assertEquals(n(7), r.assets().get(Asset.BHKR).totals().heldBy().get(HeldBy.STAKES));
    assertEquals(n(9), r.assets().get(Asset.ETH).totals().heldBy().get(HeldBy.POOLS));
    assertTrue(r.assets().get(Asset.ETH).ok(), "ETH has no anomaly");
    assertFalse(r.assets().get(Asset.BHKR).ok());
    assertFalse(r.ok());
    assertEquals(new TransferCounts(2, 2, 0, 1, 0, 0, 0), r.transfers());
    assertTrue(r.assets().get(Asset.AETH).ok(), "an asset nobody moved is reported, balanced at zero");
  }

  @Test
  void theSameIdTwiceInOneEventSeesItsOwnEarlierChange() {
    journal.add(new LedgerEntry(1, ALICE, List.of(new ValueChange(Kind.DEPOSITED, "d", bhkr(5)),
        new ValueChange(Kind.SENT, "t", bhkr(5)), new ValueChange(Kind.SENT, "t", bhkr(5)))));
    assertEquals(1, bhkrReport().transfers().sentTwice());
  }

  @Test
  void anomaliesAreListedUpToTheLimitAndAllCounted() {
    write(ALICE, Kind.DEPOSITED, "d-1", bhkr(100)).write(ALICE, Kind.SENT, "t-1", bhkr(1));
    for (int i = 0; i < 5; i++) write(BOB, Kind.RECEIVED, "t-1", bhkr(1));
    ConservationReport r = Ledger.of(journal).report(2);
    assertEquals(2, r.anomalies().size());
    assertEquals(1, r.transfers().receivedTwice(), "one transfer id, however often it was credited again");
    assertEquals(4, Ledger.of(journal).anomalies().size());
  }
}
