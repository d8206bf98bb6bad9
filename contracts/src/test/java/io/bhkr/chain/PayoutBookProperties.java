package io.bhkr.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.bytes.Hex;
import io.bhkr.money.Asset;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PayoutBookProperties {

  private static final String TOKEN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final long DAY = 86_400;
  private static final long EPOCH = 2 * 20_000 + 1; // a BHKR epoch of day 20000

  private static List<PayoutBook.Recorded> reservations(int n, long seed) {
    Random r = new Random(seed);
    List<PayoutBook.Recorded> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String account = String.format("0x%040x", 1 + r.nextInt(5)); // few accounts: several payouts each
      out.add(new PayoutBook.Recorded(account, i, EPOCH, Asset.BHKR, BigInteger.valueOf(1 + r.nextInt(1_000_000))));
    }
    return out;
  }

  private static PayoutBook bookOf(List<PayoutBook.Recorded> rs) {
    PayoutBook b = PayoutBook.empty();
    for (PayoutBook.Recorded r : rs) b = b.recorded(r);
    return b;
  }

  @Property
  void theLeavesSumEachAccountsPayoutsAndTheTotalIsTheirSum(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
    List<PayoutBook.Recorded> rs = reservations(n, seed);
    PayoutBook.Closed c = bookOf(rs).close(EPOCH, TOKEN);
    BigInteger reserved = rs.stream().map(PayoutBook.Recorded::amount).reduce(BigInteger.ZERO, BigInteger::add);
    assertEquals(reserved, c.total());
    assertEquals(reserved, c.leaves().stream().map(SettlementEpoch.Payout::amount).reduce(BigInteger.ZERO, BigInteger::add));
    assertEquals(rs.stream().map(PayoutBook.Recorded::account).distinct().count(), c.leaves().size(), "one leaf per account");
    for (SettlementEpoch.Payout p : c.leaves()) {
      assertEquals(TOKEN, p.asset());
      assertEquals(rs.stream().filter(r -> r.account().equals(p.account())).map(PayoutBook.Recorded::amount)
          .reduce(BigInteger.ZERO, BigInteger::add), p.amount());
      assertTrue(MerkleTree.verify(c.tree().proof(p), Hex.decode(c.root()), c.tree().leaf(p)));
    }
  }

  @Property
  void theRootDependsOnlyOnThePayoutsNotOnTheirOrder(@ForAll @IntRange(min = 1, max = 30) int n, @ForAll long seed) {
    List<PayoutBook.Recorded> rs = reservations(n, seed);
    List<PayoutBook.Recorded> shuffled = new ArrayList<>(rs);
    Collections.shuffle(shuffled, new Random(seed + 1));
    assertEquals(bookOf(rs).close(EPOCH, TOKEN).root(), bookOf(shuffled).close(EPOCH, TOKEN).root());
    assertEquals(bookOf(rs).close(EPOCH, TOKEN), bookOf(rs).close(EPOCH, TOKEN));
  }

  @Test
  void anEpochClosesOnceItsPeriodEndedAndALateReservationGoesToTheNextOpenEpoch() {
    PayoutBook b = bookOf(reservations(3, 7));
    long end = 20_001 * DAY;
    assertEquals(List.of(), b.due(end - 1, DAY));
    assertEquals(List.of(EPOCH), b.due(end, DAY));
    PayoutBook closed = b.closed(b.close(EPOCH, TOKEN));
    assertTrue(closed.open().isEmpty());
    assertTrue(closed.knows(String.format("0x%040x", 1 + new Random(7).nextInt(5)), 0), "read again after a restart: known");
    assertEquals(EPOCH, b.placeOf(EPOCH, end + 5, DAY), "still open: it goes in");
    assertEquals(EPOCH + 2, closed.placeOf(EPOCH, end + 5, DAY), "closed: the next BHKR epoch");
    assertEquals(EPOCH + 2, closed.placeOf(EPOCH, end - 5, DAY), "never into a closed epoch, whatever the clock says");
  }

  @Test
  void onlyFundedEpochsAreClaimableAndEachReservationIsSettledOnce() {
    PayoutBook b = bookOf(reservations(4, 3));
    PayoutBook.Closed c = b.close(EPOCH, TOKEN);
    PayoutBook closed = b.closed(c);
    String account = c.leaves().get(0).account();
    assertTrue(closed.claimsOf(account).isEmpty(), "not funded yet");
    PayoutBook funded = closed.funded(EPOCH);
    PayoutBook.Claim claim = funded.claimsOf(account.toUpperCase().replace("0X", "0x")).get(0);
    assertEquals(c.leaves().get(0), claim.payout());
    assertArrayEquals(c.tree().leaf(c.leaves().get(0)), claim.leaf());
    String key = c.reservations().get(0).key();
    PayoutBook settled = funded.settled(EPOCH, key).settled(EPOCH, key);
    assertEquals(c.reservations().size() - 1, settled.closed().get(EPOCH).unsettled().size());
    assertFalse(settled.closed().get(EPOCH).unsettled().stream().anyMatch(r -> r.key().equals(key)));
  }
}
