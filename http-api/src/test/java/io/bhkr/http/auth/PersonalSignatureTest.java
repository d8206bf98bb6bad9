package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

class PersonalSignatureTest {

  private static final ECKeyPair DEV_0 = DevelopmentAccounts.credentials(0).getEcKeyPair();
  private static final String DEV_0_ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
  private static final String ETHERS_HELLO =
      "0xf16ea9a3478698f695fd1401bfe27e9e4a7e8e3da94aa72b021125e31fa899cc"
          + "573c48ea3fe1d4ab61a9db10c19032026e3ed2dbccba5a178235ac27f94504311c";
  // n of secp256k1: r or s equal to it is out of range.
  private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();
  private static final String CURVE_ORDER_HEX =
      "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

  @Test
  void signsAsZeroXAnd130HexDigitsWithVOf27Or28() {
    String signature = PersonalSignature.sign(DEV_0, "hello");

    assertTrue(signature.matches("0x[0-9a-f]{130}"), signature);
    String v = signature.substring(130);
    assertTrue(v.equals("1b") || v.equals("1c"), v);
  }

  @Test
  void recoversTheSignerOfHello() {
    assertEquals(DEV_0_ADDRESS, PersonalSignature.recoverAddress("hello", PersonalSignature.sign(DEV_0, "hello")));
  }

  @Test
  void recoversTheSignerFromASignatureMadeByWeb3jDirectly() {
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    Sign.SignatureData data = Sign.signPrefixedMessage(message, DEV_0);
    HexFormat hex = HexFormat.of();
    String signature = "0x" + hex.formatHex(data.getR()) + hex.formatHex(data.getS()) + hex.formatHex(data.getV());

    assertEquals(DEV_0_ADDRESS, PersonalSignature.recoverAddress("hello", signature));
  }

  @Test
  void matchesAndRecoversTheSignatureEthersMakesForHello() {
    // ethers v6 HDNodeWallet (dev key 0).signMessage("hello"); RFC 6979 makes it deterministic,
    // so the same bytes prove our encoding matches a wallet's, not only our own verifier.
    assertEquals(ETHERS_HELLO, PersonalSignature.sign(DEV_0, "hello"));
    assertEquals(DEV_0_ADDRESS, PersonalSignature.recoverAddress("hello", ETHERS_HELLO));
  }

  @Test
  void acceptsUpperCaseHexDigitsAfterTheLowerCase0x() {
    String signature = PersonalSignature.sign(DEV_0, "hello");

    assertEquals(DEV_0_ADDRESS, PersonalSignature.recoverAddress("hello", "0x" + signature.substring(2).toUpperCase()));
  }

  /** Issue 13: every other spelling of a valid signature is refused, so a signed request has exactly one. */
  @Test
  void refusesTheMalleatedFormsOfAValidSignature() {
    String signature = PersonalSignature.sign(DEV_0, "hello");
    String r = signature.substring(2, 66);
    BigInteger s = new BigInteger(signature.substring(66, 130), 16);
    int v = Integer.parseInt(signature.substring(130), 16);
    String highS = String.format("%064x", CURVE_ORDER.subtract(s));
    String flippedV = String.format("%02x", v == 27 ? 28 : 27);

    assertRefused("0x" + r + highS + flippedV, "low-s"); // (r, n-s, v') recovers the same signer
    assertRefused(signature.substring(0, 130) + String.format("%02x", v - 27), "v must be 27 or 28");
    assertRefused(signature.substring(2), "must start with 0x");
    assertRefused("0X" + signature.substring(2), "must start with 0x");
    assertRefused(signature + "00", "130 hex digits");
    assertRefused(" " + signature, "must start with 0x");
  }

  @Test
  void anotherMessageRecoversAnotherAddress() {
    String signature = PersonalSignature.sign(DEV_0, "hello");

    assertNotEquals(DEV_0_ADDRESS, PersonalSignature.recoverAddress("hello!", signature));
  }

  @Test
  void refusesMalformedSignaturesClearly() {
    String good = PersonalSignature.sign(DEV_0, "hello");
    String rs = good.substring(2, 130);

    assertRefused(null, "missing");
    assertRefused("0x", "130 hex digits");
    assertRefused(good.substring(0, 128), "130 hex digits");
    assertRefused(good + "00", "130 hex digits");
    assertRefused("0x" + "zz" + good.substring(4), "130 hex digits");
    assertRefused("0x" + rs + "1d", "v must be 27 or 28");
    assertRefused("0x" + rs + "02", "v must be 27 or 28");
    assertRefused("0x" + "00".repeat(32) + good.substring(66), "r and s");
    assertRefused("0x" + good.substring(2, 66) + "00".repeat(32) + "1b", "r and s");
    assertRefused("0x" + CURVE_ORDER_HEX + good.substring(66), "r and s");
  }

  @Test
  void refusesAnROfNoPointOnTheCurve() {
    // x = 5 gives 5^3 + 7 = 132, which has no square root modulo p of secp256k1.
    String r = "00".repeat(31) + "05";
    String s = "00".repeat(31) + "01";
    var error = assertThrows(
        IllegalArgumentException.class, () -> PersonalSignature.recoverAddress("hello", "0x" + r + s + "1b"));
    assertTrue(error.getMessage().contains("recovers no public key"), error.getMessage());
  }

  private static void assertRefused(String signature, String expectedInMessage) {
    var error = assertThrows(IllegalArgumentException.class, () -> PersonalSignature.recoverAddress("hello", signature));
    assertTrue(error.getMessage().contains(expectedInMessage), error.getMessage());
  }
}
