package io.bhkr.http.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * EIP-191 {@code personal_sign} over a UTF-8 text, as wallets, ethers {@code signMessage} and
 * Web3j {@code Sign.signPrefixedMessage} produce it: 65 bytes r ‖ s ‖ v, written as 0x-hex.
 */
public final class PersonalSignature {

  private static final Pattern HEX_130 = Pattern.compile("[0-9a-fA-F]{130}");
  private static final BigInteger CURVE_ORDER = Sign.CURVE_PARAMS.getN();
  private static final BigInteger HALF_CURVE_ORDER = CURVE_ORDER.shiftRight(1);

  private PersonalSignature() {}

  /** Signs {@code message}; returns 0x + 130 lowercase hex digits with v = 27 or 28. */
  public static String sign(ECKeyPair key, String message) {
    Sign.SignatureData signature = Sign.signPrefixedMessage(utf8(message), key);
    HexFormat hex = HexFormat.of();
    return "0x" + hex.formatHex(signature.getR()) + hex.formatHex(signature.getS())
        + hex.formatHex(signature.getV());
  }

  /**
   * The lowercase 0x address whose key signed {@code message}.
   *
   * @throws IllegalArgumentException if the signature is malformed or recovers no key
   */
  public static String recoverAddress(String message, String signatureHex) {
    if (message == null) throw new IllegalArgumentException("message is missing");
    if (signatureHex == null) throw new IllegalArgumentException("signature is missing");
    // Canonical form only, as Ethereum's transaction rules (EIP-2) require: one signature per
    // signer and message, so no one can make a second valid spelling of a signed request.
    if (!signatureHex.startsWith("0x")) throw new IllegalArgumentException("signature must start with 0x");
    String digits = signatureHex.substring(2);
    if (!HEX_130.matcher(digits).matches()) {
      throw new IllegalArgumentException("signature must be 0x followed by 130 hex digits (65 bytes)");
    }
    byte[] raw = HexFormat.of().parseHex(digits);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
    int recoveryId = recoveryId(raw[64] & 0xff);
    // Out-of-range r or s make the curve arithmetic below throw or yield a meaningless key.
    if (!inScalarRange(r) || !inScalarRange(s)) {
      throw new IllegalArgumentException("signature r and s must lie in 1..n-1 of secp256k1");
    }
    // (r, n - s) verifies as well as (r, s): only the low half is accepted.
    if (s.compareTo(HALF_CURVE_ORDER) > 0) {
      throw new IllegalArgumentException("signature s must be in the lower half of the curve order (low-s)");
    }
    byte[] publicKey = KeyRecovery.BEST.recover(Sign.getEthereumMessageHash(utf8(message)), r, s, recoveryId)
        .orElseThrow(() -> new IllegalArgumentException("signature recovers no public key"));
    return "0x" + Keys.getAddress(new BigInteger(1, publicKey));
  }

  /** v as personal_sign writes it, 27 or 28; the raw 0/1 some libraries write is another spelling, refused. */
  private static int recoveryId(int v) {
    return switch (v) {
      case 27 -> 0;
      case 28 -> 1;
      default -> throw new IllegalArgumentException("signature v must be 27 or 28, was " + v);
    };
  }

  private static boolean inScalarRange(BigInteger value) {
    return value.signum() > 0 && value.compareTo(CURVE_ORDER) < 0;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
