package io.bhkr.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.VaultWithdrawal;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.AnvilSnapshots;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class CustodyVaultTest {

  private static final BigInteger E18 = BigInteger.TEN.pow(18);
  // account 2 owns the funds; account 0 is the platform; account 5 receives
  private static final int ACCOUNT = 2;
  private static final String RECEIVER = DevKeys.address(5);

  private static VaultWithdrawal withdrawal(String asset, BigInteger amount, long nonce) {
    return new VaultWithdrawal(DevKeys.address(ACCOUNT), asset, amount, RECEIVER, BigInteger.valueOf(nonce), BigInteger.valueOf(4_000_000_000L));
  }

  private static CustodyVault.Withdrawal struct(VaultWithdrawal w) {
    return new CustodyVault.Withdrawal(w.account(), w.asset(), w.amount(), w.to(), w.nonce(), w.deadline());
  }

  private static BigInteger ethOf(Deployed d, String address) throws Exception {
    return d.node().web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  @Test
  void depositsOfEthAndBhkrAreLoggedForTheirAccount(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    d.token(DevKeys.key(0)).mint(DevKeys.address(ACCOUNT), E18.multiply(BigInteger.TEN)).send();
    d.token(DevKeys.key(ACCOUNT)).approve(d.contracts().vault(), E18.multiply(BigInteger.TEN)).send();
    CustodyVault vault = d.vault(DevKeys.key(ACCOUNT));

    TransactionReceipt eth = vault.depositEth(DevKeys.address(ACCOUNT), E18).send();
    TransactionReceipt bhkr = vault.depositBhkr(DevKeys.address(ACCOUNT), E18.multiply(BigInteger.TEN)).send();

    var e = CustodyVault.getDepositedEvents(eth).get(0);
    assertEquals(DevKeys.address(ACCOUNT), e.account.toLowerCase());
    assertEquals(SettlementEpoch.ETH, e.asset.toLowerCase());
    assertEquals(E18, e.amount);
    var b = CustodyVault.getDepositedEvents(bhkr).get(0);
    assertEquals(d.contracts().token(), b.asset.toLowerCase());
    assertEquals(E18.multiply(BigInteger.TEN), d.token(DevKeys.key(0)).balanceOf(d.contracts().vault()).send());
    assertEquals(E18, ethOf(d, d.contracts().vault()));
  }

  @Test
  void theJavaDigestIsTheVaultsDigest(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    VaultWithdrawal w = withdrawal(SettlementEpoch.ETH, E18, 7);
    assertArrayEquals(d.vault(DevKeys.key(0)).withdrawalDigest(struct(w)).send(), w.digest(d.chainId(), d.contracts().vault()));
  }

  @Test
  void aWithdrawalWithOneSignatureFailsAndWithBothSucceedsOncePerNonce(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    CustodyVault asAccount = d.vault(DevKeys.key(ACCOUNT));
    asAccount.depositEth(DevKeys.address(ACCOUNT), E18.multiply(BigInteger.valueOf(3))).send();
    VaultWithdrawal w = withdrawal(SettlementEpoch.ETH, E18, 1);
    String vault = d.contracts().vault();
    byte[] platform = w.sign(DevKeys.key(0), d.chainId(), vault);
    byte[] account = w.sign(DevKeys.key(ACCOUNT), d.chainId(), vault);
    byte[] stranger = w.sign(DevKeys.key(4), d.chainId(), vault);
    BigInteger before = ethOf(d, RECEIVER);

    // the platform alone (its signature twice, or a stranger's in the account's place) is not enough
    assertThrows(Exception.class, () -> asAccount.withdraw(struct(w), platform, platform).send());
    assertThrows(Exception.class, () -> asAccount.withdraw(struct(w), platform, stranger).send());
    // nor the account alone
    assertThrows(Exception.class, () -> asAccount.withdraw(struct(w), account, account).send());
    assertEquals(before, ethOf(d, RECEIVER));

    TransactionReceipt paid = asAccount.withdraw(struct(w), platform, account).send();
    assertTrue(paid.isStatusOK());
    assertEquals(before.add(E18), ethOf(d, RECEIVER));
    assertTrue(asAccount.nonceUsed(DevKeys.address(ACCOUNT), BigInteger.ONE).send());

    // the same signatures again: the nonce is spent
    assertThrows(Exception.class, () -> asAccount.withdraw(struct(w), platform, account).send());
    // a changed amount under the old signatures recovers to other signers
    VaultWithdrawal more = withdrawal(SettlementEpoch.ETH, E18.multiply(BigInteger.TWO), 2);
    assertThrows(Exception.class, () -> asAccount.withdraw(struct(more), platform, account).send());
    assertEquals(before.add(E18), ethOf(d, RECEIVER));
  }

  @Test
  void bhkrLeavesWithBothSignatures(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    d.token(DevKeys.key(0)).mint(DevKeys.address(ACCOUNT), E18).send();
    d.token(DevKeys.key(ACCOUNT)).approve(d.contracts().vault(), E18).send();
    CustodyVault asPlatform = d.vault(DevKeys.key(0));
    d.vault(DevKeys.key(ACCOUNT)).depositBhkr(DevKeys.address(ACCOUNT), E18).send();
    VaultWithdrawal w = withdrawal(d.contracts().token(), E18, 9);
    String vault = d.contracts().vault();

    // anyone may submit it; what counts are the two signatures
    asPlatform.withdraw(struct(w), w.sign(DevKeys.key(0), d.chainId(), vault), w.sign(DevKeys.key(ACCOUNT), d.chainId(), vault)).send();

    assertEquals(E18, d.token(DevKeys.key(0)).balanceOf(RECEIVER).send());
  }

  @Test
  void anExpiredWithdrawalFails(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    d.vault(DevKeys.key(ACCOUNT)).depositEth(DevKeys.address(ACCOUNT), E18).send();
    VaultWithdrawal w = new VaultWithdrawal(DevKeys.address(ACCOUNT), SettlementEpoch.ETH, E18, RECEIVER, BigInteger.ONE, BigInteger.ONE);
    String vault = d.contracts().vault();
    assertThrows(Exception.class, () -> d.vault(DevKeys.key(ACCOUNT))
        .withdraw(struct(w), w.sign(DevKeys.key(0), d.chainId(), vault), w.sign(DevKeys.key(ACCOUNT), d.chainId(), vault)).send());
  }

  @Test
  void aProfitDepositNamesItsProject(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    TransactionReceipt r = d.vault(DevKeys.key(4)).depositProfit("project-7", SettlementEpoch.ETH, E18, E18).send();
    var e = CustodyVault.getProfitDepositedEvents(r).get(0);
    assertEquals("project-7", e.projectId);
    assertEquals(DevKeys.address(4), e.depositor.toLowerCase());
    assertEquals(E18, e.amount);
    // value and amount must agree
    assertThrows(Exception.class, () -> d.vault(DevKeys.key(4)).depositProfit("p", SettlementEpoch.ETH, E18, BigInteger.ONE).send());
  }

  @Test
  void theVaultFundsAnAnchoredEpochWithItsTotalOnceAndNothingElse(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    CustodyVault asPlatform = d.vault(DevKeys.key(0));
    d.vault(DevKeys.key(ACCOUNT)).depositEth(DevKeys.address(ACCOUNT), E18.multiply(BigInteger.TEN)).send();
    BigInteger epoch = BigInteger.valueOf(40); // even: an ETH epoch
    SettlementEpoch e = new SettlementEpoch(40, java.util.List.of(
        new SettlementEpoch.Payout(DevKeys.address(ACCOUNT), SettlementEpoch.ETH, E18),
        new SettlementEpoch.Payout(DevKeys.address(5), SettlementEpoch.ETH, BigInteger.TWO)));
    String anchor = d.contracts().anchor();

    // not anchored yet: nothing to fund
    assertThrows(Exception.class, () -> asPlatform.fundEpoch(epoch).send());
    d.anchor(DevKeys.key(0)).anchor(epoch, e.root(), e.total()).send();
    // only the platform moves it
    assertThrows(Exception.class, () -> d.vault(DevKeys.key(ACCOUNT)).fundEpoch(epoch).send());
    assertEquals(BigInteger.ZERO, ethOf(d, anchor));

    TransactionReceipt funded = asPlatform.fundEpoch(epoch).send();
    assertEquals(e.total(), CustodyVault.getEpochFundedEvents(funded).get(0).amount);
    assertEquals(e.total(), ethOf(d, anchor), "exactly the anchored total, no more");
    assertTrue(asPlatform.epochFunded(epoch).send());
    // a second funding of the same epoch fails and moves nothing
    assertThrows(Exception.class, () -> asPlatform.fundEpoch(epoch).send());
    assertEquals(e.total(), ethOf(d, anchor));
    assertEquals(E18.multiply(BigInteger.TEN).subtract(e.total()), ethOf(d, d.contracts().vault()));

    // the claim is paid from the funding, exactly, to the leaf's account
    BigInteger before = ethOf(d, DevKeys.address(5));
    SettlementEpoch.Payout p = e.payouts().get(1);
    d.anchor(DevKeys.key(ACCOUNT)).claim(epoch, p.account(), p.asset(), p.amount(), e.proof(p)).send();
    assertEquals(before.add(BigInteger.TWO), ethOf(d, DevKeys.address(5)));
  }

  @Test
  void anOddEpochIsFundedInBhkrFromTheVaultsTokens(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    d.token(DevKeys.key(0)).mint(DevKeys.address(ACCOUNT), E18).send();
    d.token(DevKeys.key(ACCOUNT)).approve(d.contracts().vault(), E18).send();
    d.vault(DevKeys.key(ACCOUNT)).depositBhkr(DevKeys.address(ACCOUNT), E18).send();
    SettlementEpoch e = new SettlementEpoch(41, java.util.List.of(new SettlementEpoch.Payout(DevKeys.address(ACCOUNT), d.contracts().token(), E18)));
    d.anchor(DevKeys.key(0)).anchor(BigInteger.valueOf(41), e.root(), e.total()).send();
    assertEquals(d.contracts().token(), d.vault(DevKeys.key(0)).epochAsset(BigInteger.valueOf(41)).send().toLowerCase());
    d.vault(DevKeys.key(0)).fundEpoch(BigInteger.valueOf(41)).send();
    assertEquals(E18, d.token(DevKeys.key(0)).balanceOf(d.contracts().anchor()).send());
    assertEquals(BigInteger.ZERO, d.token(DevKeys.key(0)).balanceOf(d.contracts().vault()).send());
  }

  @Test
  void anEpochWhoseTotalExceedsTheVaultsHoldingIsNotFunded(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    d.vault(DevKeys.key(ACCOUNT)).depositEth(DevKeys.address(ACCOUNT), E18).send();
    SettlementEpoch e = new SettlementEpoch(42, java.util.List.of(
        new SettlementEpoch.Payout(DevKeys.address(ACCOUNT), SettlementEpoch.ETH, E18.add(BigInteger.ONE))));
    d.anchor(DevKeys.key(0)).anchor(BigInteger.valueOf(42), e.root(), e.total()).send();
    assertThrows(Exception.class, () -> d.vault(DevKeys.key(0)).fundEpoch(BigInteger.valueOf(42)).send());
    assertEquals(E18, ethOf(d, d.contracts().vault()));
    assertEquals(false, d.vault(DevKeys.key(0)).epochFunded(BigInteger.valueOf(42)).send());
  }
}
