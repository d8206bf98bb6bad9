package io.bhkr.chain.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bhkr.chain.SettlementEpoch;
import io.bhkr.chain.testing.Anvil;
import io.bhkr.chain.testing.AnvilExtension;
import io.bhkr.chain.testing.AnvilSnapshots;
import io.bhkr.chain.testing.Deployed;
import io.bhkr.chain.testing.DevKeys;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({AnvilExtension.class, AnvilSnapshots.class})
class SettlementAnchorTest {

  private static SettlementEpoch epoch(String token) {
    return new SettlementEpoch(3, List.of(
        new SettlementEpoch.Payout(DevKeys.address(1), token, new BigInteger("75000000000000000000")),
        new SettlementEpoch.Payout(DevKeys.address(2), token, new BigInteger("225000000000000000000")),
        new SettlementEpoch.Payout(DevKeys.address(3), token, new BigInteger("400000000000000000001")),
        new SettlementEpoch.Payout(DevKeys.address(2), SettlementEpoch.ETH, BigInteger.valueOf(5))));
  }

  private static List<byte[]> proof(SettlementEpoch e, SettlementEpoch.Payout p) {
    return e.proof(p);
  }

  @Test
  void theJavaLeafIsTheContractsLeaf(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    SettlementEpoch e = epoch(d.contracts().token());
    for (SettlementEpoch.Payout p : e.payouts())
      assertArrayEquals(e.leaf(p), d.anchor(DevKeys.key(0)).leaf(BigInteger.valueOf(e.epoch()), p.account(), p.asset(), p.amount()).send());
  }

  @Test
  void eachAccountClaimsItsExactPayoutOnceWithAProof(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    SettlementEpoch e = epoch(d.contracts().token());
    SettlementAnchor asOwner = d.anchor(DevKeys.key(0));
    d.token(DevKeys.key(0)).mint(d.contracts().anchor(), e.total()).send();
    asOwner.anchor(BigInteger.valueOf(3), e.root(), e.total()).send();
    assertArrayEquals(e.root(), asOwner.rootOf(BigInteger.valueOf(3)).send());

    SettlementEpoch.Payout p = e.payouts().get(1);
    SettlementAnchor asUser = d.anchor(DevKeys.key(2));
    asUser.claim(BigInteger.valueOf(3), p.account(), p.asset(), p.amount(), proof(e, p)).send();
    assertEquals(p.amount(), d.token(DevKeys.key(0)).balanceOf(p.account()).send());

    // a second claim of the same payout fails, and pays nothing
    assertThrows(Exception.class, () -> asUser.claim(BigInteger.valueOf(3), p.account(), p.asset(), p.amount(), proof(e, p)).send());
    assertEquals(p.amount(), d.token(DevKeys.key(0)).balanceOf(p.account()).send());
    // one base unit more than the payout is not in the tree
    SettlementEpoch.Payout other = e.payouts().get(2);
    assertThrows(Exception.class, () -> asUser.claim(BigInteger.valueOf(3), other.account(), other.asset(),
        other.amount().add(BigInteger.ONE), proof(e, other)).send());
    // someone else's proof does not pay me
    assertThrows(Exception.class, () -> asUser.claim(BigInteger.valueOf(3), DevKeys.address(2), other.asset(), other.amount(),
        proof(e, other)).send());
    // anyone may submit a claim; the money goes to the account in the leaf
    asUser.claim(BigInteger.valueOf(3), other.account(), other.asset(), other.amount(), proof(e, other)).send();
    assertEquals(other.amount(), d.token(DevKeys.key(0)).balanceOf(other.account()).send());
    assertTrue(asOwner.claimed(e.leaf(other)).send());
  }

  @Test
  void anEpochIsAnchoredOnceAndOnlyByTheOwner(Anvil anvil) throws Exception {
    Deployed d = Deployed.on(anvil);
    SettlementEpoch e = epoch(d.contracts().token());
    assertThrows(Exception.class, () -> d.anchor(DevKeys.key(1)).anchor(BigInteger.valueOf(3), e.root(), e.total()).send());
    d.anchor(DevKeys.key(0)).anchor(BigInteger.valueOf(3), e.root(), e.total()).send();
    assertThrows(Exception.class, () -> d.anchor(DevKeys.key(0)).anchor(BigInteger.valueOf(3), new byte[32], BigInteger.ONE).send());
  }
}
