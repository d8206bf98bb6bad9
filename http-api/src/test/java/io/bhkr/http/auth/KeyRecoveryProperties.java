package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/**
 * libsecp256k1 and BouncyCastle recover the same key from every signature, real or arbitrary, so
 * choosing the faster one changes no answer of the API.
 */
class KeyRecoveryProperties {

  private static final BigInteger N = Sign.CURVE_PARAMS.getN();
  private static final KeyRecovery NATIVE = KeyRecovery.libsecp256k1();

  @Property(tries = 300)
  void bothRecoverTheSignersKey(@ForAll @Size(32) byte[] secret, @ForAll String message) {
    BigInteger d = new BigInteger(1, secret).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    ECKeyPair key = ECKeyPair.create(d);
    byte[] hash = Sign.getEthereumMessageHash(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Sign.SignatureData sig = Sign.signMessage(hash, key, false);
    BigInteger r = new BigInteger(1, sig.getR());
    BigInteger s = new BigInteger(1, sig.getS());
    int recoveryId = sig.getV()[0] - 27;
    byte[] expected = fixed(key.getPublicKey());
    assertArrayEquals(expected, NATIVE.recover(hash, r, s, recoveryId).orElseThrow());
    assertArrayEquals(expected, KeyRecovery.BOUNCY_CASTLE.recover(hash, r, s, recoveryId).orElseThrow());
  }

  @Property(tries = 500)
  void bothAgreeOnArbitrarySignatures(@ForAll @Size(32) byte[] hash, @ForAll @Size(32) byte[] rBytes, @ForAll @Size(32) byte[] sBytes,
      @ForAll @IntRange(max = 1) int recoveryId) {
    BigInteger r = new BigInteger(1, rBytes).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    BigInteger s = new BigInteger(1, sBytes).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    Optional<byte[]> a = NATIVE.recover(hash, r, s, recoveryId);
    Optional<byte[]> b = KeyRecovery.BOUNCY_CASTLE.recover(hash, r, s, recoveryId);
    assertEquals(b.isPresent(), a.isPresent(), "one recovers a key, the other none");
    a.ifPresent(key -> assertArrayEquals(b.get(), key));
  }

  @Property(tries = 1)
  void theNativeLibraryIsChosenWhereItLoads() {
    assertNotSame(KeyRecovery.BOUNCY_CASTLE, KeyRecovery.BEST, "libsecp256k1 loads on the build machines");
  }

  private static byte[] fixed(BigInteger publicKey) {
    byte[] raw = publicKey.toByteArray();
    byte[] out = new byte[64];
    int from = Math.max(0, raw.length - 64);
    System.arraycopy(raw, from, out, 64 - (raw.length - from), raw.length - from);
    return out;
  }
}
