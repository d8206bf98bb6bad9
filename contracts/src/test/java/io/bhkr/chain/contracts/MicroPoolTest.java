package io.bhkr.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.chain.Deployment;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.AnvilSnapshots;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;

@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class MicroPoolTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);

  private static BigInteger eth(long n) {
    return E18.multiply(BigInteger.valueOf(n));
  }

  private static MicroPool pool(Deployed d, String address, Credentials as) {
    return MicroPool.load(address, d.node().web3j(), d.tm(as), d.gas());
  }

  private static String open(Anvil anvil, Deployed d, long endTime) throws Exception {
    return Deployment.deployMicroPool(anvil.node(), DevKeys.key(0), DevKeys.address(4), endTime);
  }

  @Test
  void stakesMintAethAndMayLeaveBeforeActivation(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = open(anvil, d, 4_000_000_000L);
    MicroPool asA = pool(d, address, DevKeys.key(1));
    var staked = MicroPool.getStakedEvents(asA.stake(eth(4)).send()).get(0);
    assertEquals(eth(4), staked.amount);
    assertEquals(eth(4), asA.balanceOf(DevKeys.address(1)).send());

    asA.unstake(eth(1)).send();
    assertEquals(eth(3), asA.balanceOf(DevKeys.address(1)).send());
    assertEquals(eth(3), d.node().web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance());
    assertFalse(asA.active().send());
  }

  @Test
  void at32EthThePoolActivatesAndLocksUntilItsProviderCompletesIt(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    long end = anvil.node().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getTimestamp().longValueExact() + 3600;
    String address = open(anvil, d, end);
    pool(d, address, DevKeys.key(4)).stake(eth(8)).send();  // the provider's share k
    MicroPool asB = pool(d, address, DevKeys.key(2));
    asB.stake(eth(10)).send();
    var activation = pool(d, address, DevKeys.key(3)).stake(eth(14)).send();
    assertEquals(eth(32), MicroPool.getActivatedEvents(activation).get(0).totalStaked);
    assertTrue(asB.active().send());

    assertThrows(Exception.class, () -> asB.unstake(eth(1)).send());
    assertThrows(Exception.class, () -> asB.redeem(eth(1)).send());
    assertThrows(Exception.class, () -> pool(d, address, DevKeys.key(4)).complete().send()); // before the end time
    assertThrows(Exception.class, () -> asB.complete().send());                             // not the provider

    anvil.increaseTime(3601);
    pool(d, address, DevKeys.key(4)).complete().send();
    // aETH is transferable: whoever holds it at completion redeems the ETH
    asB.transfer(DevKeys.address(5), eth(10)).send();
    pool(d, address, DevKeys.key(5)).redeem(eth(10)).send();
    assertEquals(eth(22), d.node().web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance());
    assertEquals(BigInteger.ZERO, asB.balanceOf(DevKeys.address(5)).send());
  }
}
