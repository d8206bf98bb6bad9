package io.bhkr.http.auth;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

class RequestCheckProperties {

  private static final long NOW = 1_700_000_000L;
  private static final String PATH = "/api/v1/projects/p-1/bids";

  // Signing and recovery cost a few milliseconds each: 200 tries keep the run short.
  @Property(tries = 200)
  void aSignedRequestIsAuthenticForItsSigner(
      @ForAll("privateKeys") BigInteger privateKey,
      @ForAll @Size(max = 512) byte[] body,
      @ForAll("nonces") String nonce,
      @ForAll @IntRange(min = 1, max = 300) int lifetime) {
    ECKeyPair key = ECKeyPair.create(privateKey);
    String address = "0x" + Keys.getAddress(key);
    SignedRequest request = signed(key, body, nonce, NOW + lifetime);

    Verdict verdict = RequestCheck.verify(request, NOW);

    if (!verdict.equals(new Verdict.Authentic(address, nonce, NOW + lifetime))) {
      throw new AssertionError("expected authentic for " + address + ", was " + verdict);
    }
  }

  @Property(tries = 200)
  void flippingAnyBodyByteRefusesTheRequest(
      @ForAll("privateKeys") BigInteger privateKey,
      @ForAll @Size(min = 1, max = 512) byte[] body,
      @ForAll("nonces") String nonce,
      @ForAll @IntRange(min = 0, max = 511) int position,
      @ForAll @IntRange(min = 1, max = 255) int flipMask) {
    ECKeyPair key = ECKeyPair.create(privateKey);
    SignedRequest request = signed(key, body, nonce, NOW + 60);
    byte[] tampered = body.clone();
    int index = position % tampered.length;
    tampered[index] = (byte) (tampered[index] ^ flipMask);

    Verdict verdict = RequestCheck.verify(
        new SignedRequest(request.method(), request.path(), tampered, request.address(),
            request.nonce(), request.expires(), request.signature()),
        NOW);

    if (!(verdict instanceof Verdict.Refused)) {
      throw new AssertionError("expected refused after flipping byte " + index + ", was " + verdict);
    }
  }

  @Provide
  Arbitrary<BigInteger> privateKeys() {
    BigInteger n = Sign.CURVE_PARAMS.getN();
    return Arbitraries.bigIntegers().between(BigInteger.ONE, n.subtract(BigInteger.ONE));
  }

  @Provide
  Arbitrary<String> nonces() {
    return Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('_', '-')
        .ofMinLength(8).ofMaxLength(64);
  }

  private static SignedRequest signed(ECKeyPair key, byte[] body, String nonce, long expiresAt) {
    String expires = Long.toString(expiresAt);
    String message = RequestMessage.canonical("POST", PATH, body, nonce, expires);
    return new SignedRequest(
        "POST", PATH, body, "0x" + Keys.getAddress(key), nonce, expires, PersonalSignature.sign(key, message));
  }
}
