package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionOutboxTest {

  private static final String REGISTRY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  private static ChainTransaction tx(String id) {
    return new ChainTransaction(id, ChainTransaction.Purpose.QUALIFICATION, REGISTRY, "0x01");
  }

  private static TransactionOutbox.Attempt attempt(String hash) {
    return new TransactionOutbox.Attempt(hash, "0xraw" + hash.substring(2), BigInteger.TEN, BigInteger.ONE, BigInteger.valueOf(50_000));
  }

  @Test
  void anIdIsQueuedOnceSentInOrderWithConsecutiveNonces() {
    TransactionOutbox o = TransactionOutbox.empty().requested(tx("a")).requested(tx("b")).requested(tx("a"));
    assertEquals(2, o.queued().size());
    assertEquals("a", o.nextToSend().orElseThrow().id());
    o = o.signed("a", BigInteger.valueOf(7), attempt("0xa1"));
    assertTrue(o.nextToSend().isEmpty()); // one in flight at a time
    assertEquals(BigInteger.valueOf(8), o.nextNonce());
    assertTrue(o.knows("a"));
    assertThrows(IllegalStateException.class, () -> TransactionOutbox.empty().requested(tx("a")).requested(tx("b"))
        .signed("b", BigInteger.ONE, attempt("0xb1")));

    o = o.finished(new TransactionOutbox.Outcome("a", TransactionOutbox.Status.MINED, "0xa1", 100, ""));
    assertNull(o.inFlight());
    assertTrue(o.requested(tx("a")).queued().stream().noneMatch(t -> t.id().equals("a"))); // done stays done
    assertEquals("b", o.nextToSend().orElseThrow().id());
  }

  @Test
  void aReceiptCountsOnlyForOurAttemptsAndOnlyOnceConfirmed() {
    var f = new TransactionOutbox.InFlight(tx("a"), BigInteger.valueOf(3), List.of(attempt("0xa1"), attempt("0xa2")));
    var first = new TransactionOutbox.ReceiptSeen("0xa1", 100, "0xblock", true);
    assertInstanceOf(TransactionOutbox.Waiting.class, TransactionOutbox.track(f, List.of(first), 101, BigInteger.valueOf(4), 2));
    var done = assertInstanceOf(TransactionOutbox.Confirmed.class, TransactionOutbox.track(f, List.of(first), 102, BigInteger.valueOf(4), 2));
    assertEquals(TransactionOutbox.Status.MINED, done.outcome().status());
    assertEquals("0xa1", done.outcome().hash());
    var reverted = new TransactionOutbox.ReceiptSeen("0xa2", 100, "0xblock", false);
    assertEquals(TransactionOutbox.Status.REVERTED,
        assertInstanceOf(TransactionOutbox.Confirmed.class, TransactionOutbox.track(f, List.of(reverted), 200, BigInteger.valueOf(4), 2))
            .outcome().status());
    var stranger = new TransactionOutbox.ReceiptSeen("0xff", 100, "0xblock", true);
    assertInstanceOf(TransactionOutbox.Waiting.class, TransactionOutbox.track(f, List.of(stranger), 200, BigInteger.valueOf(3), 2));
  }

  @Test
  void aNonceMinedByAStrangerSendsOursAgainWithTheNextFreeNonce() {
    var f = new TransactionOutbox.InFlight(tx("a"), BigInteger.valueOf(3), List.of(attempt("0xa1")));
    var taken = assertInstanceOf(TransactionOutbox.NonceTaken.class, TransactionOutbox.track(f, List.of(), 200, BigInteger.valueOf(5), 2));
    TransactionOutbox o = TransactionOutbox.empty().requested(tx("a")).requested(tx("b")).signed("a", BigInteger.valueOf(3), attempt("0xa1"))
        .nonceTaken("a", taken.nextNonce());
    assertEquals(List.of("a", "b"), o.queued().stream().map(ChainTransaction::id).toList());
    assertEquals(BigInteger.valueOf(5), o.nextNonce());
    assertNull(o.inFlight());
  }

  @Test
  void aRepricedAttemptKeepsTheNonceAndARejectedOneUsesNone() {
    TransactionOutbox o = TransactionOutbox.empty().requested(tx("a")).signed("a", BigInteger.valueOf(3), attempt("0xa1"))
        .repriced("a", attempt("0xa2"));
    assertEquals(BigInteger.valueOf(3), o.inFlight().nonce());
    assertEquals("0xa2", o.inFlight().latest().hash());
    TransactionOutbox r = TransactionOutbox.empty().requested(tx("x"))
        .finished(new TransactionOutbox.Outcome("x", TransactionOutbox.Status.REJECTED, null, -1, "would revert"));
    assertTrue(r.queued().isEmpty());
    assertNull(r.nextNonce());
    assertFalse(r.nextToSend().isPresent());
  }

  @Test
  void feesStartAtTwiceTheBaseFeePlusTheTipAndRiseByTheBumpUpToTheCap() {
    GasSettings g = new GasSettings(BigInteger.valueOf(2), BigInteger.valueOf(100), 20, 5, 20);
    assertEquals(BigInteger.valueOf(22), g.maxFeePerGas(BigInteger.TEN));
    assertEquals(BigInteger.valueOf(100), g.maxFeePerGas(BigInteger.valueOf(1_000)));
    assertEquals(BigInteger.valueOf(60_000), g.gasLimit(BigInteger.valueOf(50_000)));
    BigInteger[] bumped = g.bumped(BigInteger.valueOf(22), BigInteger.valueOf(2));
    assertEquals(BigInteger.valueOf(27), bumped[0]); // ceil(26.4)
    assertEquals(BigInteger.valueOf(3), bumped[1]);  // ceil(2.4)
    assertEquals(BigInteger.valueOf(100), g.bumped(BigInteger.valueOf(95), BigInteger.valueOf(2))[0]);
  }
}
