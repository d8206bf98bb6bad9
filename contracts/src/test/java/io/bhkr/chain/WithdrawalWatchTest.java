package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WithdrawalWatchTest {

  private static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final WithdrawalWatch.Watched W0 = new WithdrawalWatch.Watched(ALICE, 0, 100);
  private static final WithdrawalWatch.Watched W1 = new WithdrawalWatch.Watched(ALICE, 1, 200);

  private static ChainWithdrawal log(long nonce) {
    return new ChainWithdrawal(ALICE, nonce, 10, "0xab", 0);
  }

  @Test
  void aPaidWithdrawalIsReportedPaidAndNoLongerWatched() {
    WithdrawalWatch w = WithdrawalWatch.empty().watch(W0).watch(W1).paid(List.of(log(0)));
    assertEquals(List.of(W1), List.copyOf(w.watched().values()));
    assertEquals(new WithdrawalWatch.Settlement(ALICE, 0, true), w.settlements().get(W0.key()));
    assertTrue(w.knows(W0.key()), "a late Watch of a paid one changes nothing while its verdict is on its way");
    assertFalse(w.settled(W0.key()).knows(W0.key()));
  }

  @Test
  void anExpiredWithdrawalIsReportedUnpaidOnce() {
    WithdrawalWatch w = WithdrawalWatch.empty().watch(W0).expired(W0.key());
    assertEquals(new WithdrawalWatch.Settlement(ALICE, 0, false), w.settlements().get(W0.key()));
    assertTrue(w.watched().isEmpty());
    assertSame(w, w.expired(W0.key()), "no longer watched: nothing to expire");
  }

  @Test
  void aLogOfAnUnwatchedWithdrawalIsStillPaid() {
    // the log may be read before the journal's WithdrawalAuthorized reaches the bridge
    WithdrawalWatch w = WithdrawalWatch.empty().paid(List.of(log(3)));
    assertTrue(w.settlements().get(WithdrawalWatch.key(ALICE, 3)).paid());
  }

  @Test
  void aUsedNonceIsDroppedWithoutAVerdict() {
    WithdrawalWatch w = WithdrawalWatch.empty().watch(W0).unwatched(W0.key());
    assertFalse(w.knows(W0.key()));
    assertTrue(w.settlements().isEmpty());
  }
}
