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

/**
 * The micro-pool contract on a real anvil. Account 0 deployed the base contracts and is the
 * vault's platform (so the pools' too) and the token's owner; account 4 is the provider.
 */
@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class MicroPoolTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  private static final int PLATFORM = 0;
  private static final int PROVIDER = 4;

  private static BigInteger eth(long n) {
    return E18.multiply(BigInteger.valueOf(n));
  }

  private static MicroPool pool(Deployed d, String address, int as) {
    return pool(d, address, DevKeys.key(as));
  }

  private static MicroPool pool(Deployed d, String address, Credentials as) {
    return MicroPool.load(address, d.node().web3j(), d.tm(as), d.gas());
  }

  private static long now(Anvil anvil) throws Exception {
    return anvil.node().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
        .getTimestamp().longValueExact();
  }

  /** A pool of the provider deployed by account 1 (any key may deploy), not opened. */
  private static String deploy(Anvil anvil, Deployed d, long endTime, BigInteger activationStake, BigInteger fp) throws Exception {
    return Deployment.deployMicroPool(anvil.node(), DevKeys.key(1), d.contracts(), DevKeys.address(PROVIDER), endTime, activationStake, fp);
  }

  /** A pool opened by the platform, ending in an hour, active at 24 ETH (k = 8). */
  private static String opened(Anvil anvil, Deployed d, BigInteger fp) throws Exception {
    String address = deploy(anvil, d, now(anvil) + 3600, eth(24), fp);
    pool(d, address, PLATFORM).open().send();
    return address;
  }

  /** The staker holds {@code amount} BHKR (minted by the token's owner) and lets the pool take it. */
  private static void fund(Deployed d, String pool, int staker, BigInteger amount) throws Exception {
    d.token(DevKeys.key(0)).mint(DevKeys.address(staker), amount).send();
    d.token(DevKeys.key(staker)).approve(pool, amount).send();
  }

  private static BigInteger bhkrOf(Deployed d, String holder) throws Exception {
    return d.token(DevKeys.key(0)).balanceOf(holder).send();
  }

  private static BigInteger ethOf(Deployed d, String address) throws Exception {
    return d.node().web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  @Test
  void theDeploymentCarriesItsTermsAndTheVaultsPlatform(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = deploy(anvil, d, 4_000_000_000L, eth(24), eth(100));
    MicroPool p = pool(d, address, 1);
    assertEquals(DevKeys.address(PROVIDER), p.provider().send().toLowerCase());
    assertEquals(BigInteger.valueOf(4_000_000_000L), p.endTime().send());
    assertEquals(eth(24), p.activationStake().send());
    assertEquals(eth(100), p.feePer32Eth().send());
    assertEquals(DevKeys.address(PLATFORM), p.platform().send().toLowerCase());
    assertEquals(d.contracts().token(), p.bhkr().send().toLowerCase());
    assertEquals(d.contracts().vault(), p.vault().send().toLowerCase());
    assertEquals("aETH", p.symbol().send());
    assertFalse(p.opened().send());
    assertThrows(Exception.class, () -> deploy(anvil, d, 4_000_000_000L, BigInteger.ZERO, eth(100)));
  }

  @Test
  void noStakeBeforeThePlatformOpensThePoolOnce(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = deploy(anvil, d, now(anvil) + 3600, eth(24), BigInteger.ZERO);
    assertThrows(Exception.class, () -> pool(d, address, 2).stake(eth(1)).send());
    assertThrows(Exception.class, () -> pool(d, address, PROVIDER).open().send());  // not the platform
    assertFalse(pool(d, address, 2).opened().send());

    assertEquals(1, MicroPool.getOpenedEvents(pool(d, address, PLATFORM).open().send()).size());
    assertTrue(pool(d, address, 2).opened().send());
    assertThrows(Exception.class, () -> pool(d, address, PLATFORM).open().send());  // once
    pool(d, address, 2).stake(eth(1)).send();
    assertEquals(eth(1), pool(d, address, 2).balanceOf(DevKeys.address(2)).send());
  }

  @Test
  void aStakePullsItsFloorFeeFromTheStakerIntoTheVault(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    BigInteger fp = eth(100);
    String address = opened(anvil, d, fp);
    BigInteger stake = eth(5).add(BigInteger.ONE);
    BigInteger fee = fp.multiply(stake).divide(eth(32));  // 15.625 BHKR and 3.125 base units, floored
    assertEquals(new BigInteger("15625000000000000003"), fee);
    fund(d, address, 2, eth(20));
    String vault = d.contracts().vault();
    BigInteger vaultBefore = bhkrOf(d, vault);

    var staked = MicroPool.getStakedEvents(pool(d, address, 2).stake(stake).send()).get(0);
    assertEquals(DevKeys.address(2), staked.staker.toLowerCase());
    assertEquals(stake, staked.amount);
    assertEquals(fee, staked.fee);
    assertEquals(eth(20).subtract(fee), bhkrOf(d, DevKeys.address(2)));
    assertEquals(vaultBefore.add(fee), bhkrOf(d, vault));
    assertEquals(BigInteger.ZERO, bhkrOf(d, address));  // the pool keeps no BHKR
    assertEquals(stake, pool(d, address, 2).balanceOf(DevKeys.address(2)).send());
    assertEquals(stake, ethOf(d, address));
  }

  @Test
  void aStakeWithoutApprovalOfItsFeeRevertsAndChangesNothing(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = opened(anvil, d, eth(100));
    d.token(DevKeys.key(0)).mint(DevKeys.address(2), eth(20)).send();  // held, but not approved
    String vault = d.contracts().vault();
    BigInteger vaultBefore = bhkrOf(d, vault);

    assertThrows(Exception.class, () -> pool(d, address, 2).stake(eth(1)).send());
    assertEquals(eth(20), bhkrOf(d, DevKeys.address(2)));
    assertEquals(vaultBefore, bhkrOf(d, vault));
    assertEquals(BigInteger.ZERO, pool(d, address, 2).totalSupply().send());
    assertEquals(BigInteger.ZERO, ethOf(d, address));
  }

  @Test
  void beforeActivationAStakeMayLeaveBurningItsAeth(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = opened(anvil, d, BigInteger.ZERO);
    MicroPool asA = pool(d, address, 2);
    asA.stake(eth(4)).send();

    var unstaked = MicroPool.getUnstakedEvents(asA.unstake(eth(1)).send()).get(0);
    assertEquals(eth(1), unstaked.amount);
    assertEquals(eth(3), asA.balanceOf(DevKeys.address(2)).send());
    assertEquals(eth(3), asA.totalSupply().send());
    assertEquals(eth(3), ethOf(d, address));
    assertFalse(asA.active().send());
  }

  @Test
  void thePoolActivatesAtItsActivationStakeNot32EthAndThenTakesNoStake(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = opened(anvil, d, BigInteger.ZERO);  // active at 24 ETH: the provider's k 8 is not staked here
    pool(d, address, 2).stake(eth(10)).send();
    var activation = pool(d, address, 3).stake(eth(14)).send();
    assertEquals(eth(24), MicroPool.getActivatedEvents(activation).get(0).totalStaked);
    assertTrue(pool(d, address, 2).active().send());

    assertThrows(Exception.class, () -> pool(d, address, 5).stake(eth(1)).send());  // Locked
    assertThrows(Exception.class, () -> pool(d, address, 2).unstake(eth(1)).send());
    assertEquals(eth(24), ethOf(d, address));
  }

  @Test
  void noStakeFromTheEndTimeOnButStakersStillLeaveAnInactivePool(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    long end = now(anvil) + 100;
    String address = deploy(anvil, d, end, eth(24), BigInteger.ZERO);
    pool(d, address, PLATFORM).open().send();
    pool(d, address, 2).stake(eth(3)).send();

    anvil.increaseTime(100);  // the next block is at or after the end time
    assertThrows(Exception.class, () -> pool(d, address, 3).stake(eth(1)).send());
    // never active, so never completed: its stakers take their ETH back
    assertThrows(Exception.class, () -> pool(d, address, PROVIDER).complete().send());
    pool(d, address, 2).unstake(eth(3)).send();
    assertEquals(BigInteger.ZERO, ethOf(d, address));
    assertFalse(pool(d, address, 2).completed().send());
  }

  @Test
  void onlyItsProviderCompletesAnActivePoolAfterTheEndTimeAndHoldersRedeem(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    String address = opened(anvil, d, BigInteger.ZERO);
    MicroPool asB = pool(d, address, 2);
    asB.stake(eth(10)).send();
    pool(d, address, 3).stake(eth(14)).send();

    assertThrows(Exception.class, () -> asB.redeem(eth(1)).send());                 // not completed
    assertThrows(Exception.class, () -> pool(d, address, PROVIDER).complete().send()); // before the end time
    anvil.increaseTime(3601);
    assertThrows(Exception.class, () -> asB.complete().send());                     // not the provider
    var completed = MicroPool.getCompletedEvents(pool(d, address, PROVIDER).complete().send()).get(0);
    assertEquals(eth(24), completed.totalStaked);
    assertThrows(Exception.class, () -> pool(d, address, PROVIDER).complete().send(), "completed once");

    // aETH is transferable: whoever holds it at completion redeems the ETH
    asB.transfer(DevKeys.address(5), eth(10)).send();
    BigInteger before = ethOf(d, DevKeys.address(5));
    var redeemed = MicroPool.getRedeemedEvents(pool(d, address, 5).redeem(eth(10)).send()).get(0);
    assertEquals(eth(10), redeemed.amount);
    assertTrue(ethOf(d, DevKeys.address(5)).compareTo(before.add(eth(10)).subtract(E18.divide(BigInteger.TEN))) > 0);
    assertEquals(eth(14), ethOf(d, address));
    assertEquals(BigInteger.ZERO, asB.balanceOf(DevKeys.address(5)).send());
  }
}
