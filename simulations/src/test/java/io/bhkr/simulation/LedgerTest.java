package io.bhkr.simulation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.money.Amount;
import io.bhkr.money.Asset;
import java.lang.reflect.Field;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger refuses overdrafts and names the asset and the difference when value appears. */
class LedgerTest {

  @Test
  void transfersBalance() {
    Ledger l = new Ledger();
    l.deposit("a", Amount.of(Asset.BHKR, 100));
    l.transfer("a", "b", Amount.of(Asset.BHKR, 60));
    l.mint("b", Amount.of(Asset.ETH, 5));
    l.burn("b", Amount.of(Asset.ETH, 2));
    assertDoesNotThrow(() -> l.checkConservation("test"));
    assertThrows(IllegalStateException.class, () -> l.transfer("a", "b", Amount.of(Asset.BHKR, 41)));
  }

  @Test
  void valueThatAppearsFailsLoudly() throws Exception {
    Ledger l = new Ledger();
    l.deposit("a", Amount.of(Asset.ETH, 10));
    Field f = Ledger.class.getDeclaredField("holdings");
    f.setAccessible(true);
    @SuppressWarnings("unchecked")
    Map<String, BigInteger[]> h = (Map<String, BigInteger[]>) f.get(l);
    h.get("a")[Asset.ETH.ordinal()] = BigInteger.valueOf(13); // a bug that creates 3 wei
    Ledger.ConservationBroken e = assertThrows(Ledger.ConservationBroken.class, () -> l.checkConservation("run 0"));
    assertTrue(e.getMessage().contains("ETH: appeared 3 base units"), e.getMessage());
  }
}
