package io.bhkr.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.AnvilSnapshots;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class BhkrTokenTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  @Test
  void theOwnerMintsAndAHolderBurnsSoSupplyIsMintedMinusBurned(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    BhkrToken asOwner = d.token(DevKeys.key(0));
    asOwner.mint(DevKeys.address(1), E18.multiply(BigInteger.valueOf(100))).send();
    d.token(DevKeys.key(1)).burn(E18.multiply(BigInteger.valueOf(30))).send();

    assertEquals(E18.multiply(BigInteger.valueOf(70)), asOwner.balanceOf(DevKeys.address(1)).send());
    assertEquals(E18.multiply(BigInteger.valueOf(70)), asOwner.totalSupply().send());
    assertEquals(BigInteger.valueOf(18), asOwner.decimals().send());
    assertEquals("BHKR", asOwner.symbol().send());
  }

  @Test
  void nobodyButTheOwnerMints(Anvil anvil) {
    Deployed d = Deployed.on(anvil);
    assertThrows(Exception.class, () -> d.token(DevKeys.key(1)).mint(DevKeys.address(1), E18).send());
  }
}
