package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.crypto.Credentials;

class RequestCheckTest {

  private static final long NOW = 1_700_000_000L;
  private static final String PATH = "/api/v1/projects";
  private static final byte[] BODY = "{\"quoteId\":\"q-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final String NONCE = "abcdEFGH_-12";
  private static final String EXPIRES = "1700000300";
  private static final Credentials DEV_1 = DevelopmentAccounts.credentials(1);
  private static final Credentials DEV_2 = DevelopmentAccounts.credentials(2);

  @Test
  void acceptsARequestSignedByEthers() {
    // ethers v6 HDNodeWallet (dev key 1).signMessage(RequestMessage.canonical(POST, PATH, BODY, NONCE, EXPIRES)).
    String ethersSignature = "0x1b9e7b873bb4ca5f454b06ff7ed6fde8fa8ed49a6b0d578440af90607945db6c"
        + "70a01806dbe63c478f2acb5184544f171d12831574f4e2e5cffd94dad6388d161c";
    var request = new SignedRequest("POST", PATH, BODY, DEV_1.getAddress(), NONCE, EXPIRES, ethersSignature);

    assertEquals(
        new Verdict.Authentic("0x70997970c51812dc3a010c7d01b50e0d17dc79c8", NONCE, 1_700_000_300L),
        RequestCheck.verify(request, NOW));
  }

  @Test
  void acceptsASignedRequestAndNormalisesTheAddress() {
    String checksummed = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    var request = withAddress(signed(DEV_1, BODY, NONCE, EXPIRES), checksummed);

    assertEquals(
        new Verdict.Authentic(checksummed.toLowerCase(), NONCE, 1_700_000_300L), RequestCheck.verify(request, NOW));
  }

  @Test
  void acceptsARequestWithoutBody() {
    var request = signed(DEV_1, null, NONCE, EXPIRES);

    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(request, NOW));
    var withEmptyBody = new SignedRequest("POST", PATH, new byte[0], request.address(), NONCE, EXPIRES, request.signature());
    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(withEmptyBody, NOW));
  }

  @Test
  void refusesEachMissingHeader() {
    var r = signed(DEV_1, BODY, NONCE, EXPIRES);

    assertRefused(new SignedRequest("POST", PATH, BODY, null, r.nonce(), r.expires(), r.signature()), "missing header X-Bhkr-Address");
    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), null, r.expires(), r.signature()), "missing header X-Bhkr-Nonce");
    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), r.nonce(), null, r.signature()), "missing header X-Bhkr-Expires");
    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), r.nonce(), r.expires(), null), "missing header X-Bhkr-Signature");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "70997970c51812dc3a010c7d01b50e0d17dc79c8", "0x70997970c51812dc3a010c7d01b50e0d17dc79c",
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8a", "0x70997970c51812dc3a010c7d01b50e0d17dc79cg",
      " 0x70997970c51812dc3a010c7d01b50e0d17dc79c8"})
  void refusesABadAddress(String address) {
    assertRefused(withAddress(signed(DEV_1, BODY, NONCE, EXPIRES), address), "X-Bhkr-Address must be");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "short-7", "with space", "dots.are.bad", "ünïcode-nonce", "x123456789012345678901234567890123456789012345678901234567890abcd"})
  void refusesABadNonce(String nonce) {
    assertRefused(signed(DEV_1, BODY, nonce, EXPIRES), "X-Bhkr-Nonce must be");
  }

  @Test
  void acceptsNoncesOf8And64Characters() {
    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(signed(DEV_1, BODY, "12345678", EXPIRES), NOW));
    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(signed(DEV_1, BODY, "n".repeat(64), EXPIRES), NOW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "1700000100.5", "-1700000100", "+1700000100", "1e9", "99999999999999999999"})
  void refusesAnExpiryThatIsNoIntegerOfSeconds(String expires) {
    assertRefused(signed(DEV_1, BODY, NONCE, expires), "X-Bhkr-Expires must be an integer");
  }

  @Test
  void refusesAnExpiredRequest() {
    assertRefused(signed(DEV_1, BODY, NONCE, Long.toString(NOW)), "request has expired");
    assertRefused(signed(DEV_1, BODY, NONCE, Long.toString(NOW - 1)), "request has expired");
    assertRefused(signed(DEV_1, BODY, NONCE, "0"), "request has expired");
  }

  @Test
  void acceptsAtMost300SecondsAhead() {
    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(signed(DEV_1, BODY, NONCE, Long.toString(NOW + 1)), NOW));
    assertInstanceOf(Verdict.Authentic.class, RequestCheck.verify(signed(DEV_1, BODY, NONCE, Long.toString(NOW + 300)), NOW));
    assertRefused(signed(DEV_1, BODY, NONCE, Long.toString(NOW + 301)), "at most 300 s in the future");
  }

  @Test
  void refusesASignatureByAnotherKey() {
    var byDev2 = signed(DEV_2, BODY, NONCE, EXPIRES);

    assertRefused(withAddress(byDev2, DEV_1.getAddress()), "signature is not by X-Bhkr-Address");
  }

  @Test
  void refusesATamperedBody() {
    var r = signed(DEV_1, BODY, NONCE, EXPIRES);
    byte[] tampered = "{\"quoteId\":\"q-2\"}".getBytes(StandardCharsets.UTF_8);

    assertRefused(new SignedRequest("POST", PATH, tampered, r.address(), NONCE, EXPIRES, r.signature()), "signature is not by");
    assertRefused(new SignedRequest("POST", PATH, null, r.address(), NONCE, EXPIRES, r.signature()), "signature is not by");
  }

  @Test
  void refusesATamperedPathOrMethod() {
    var r = signed(DEV_1, BODY, NONCE, EXPIRES);

    assertRefused(new SignedRequest("POST", "/api/v1/projects/p-1/bids", BODY, r.address(), NONCE, EXPIRES, r.signature()), "signature is not by");
    assertRefused(new SignedRequest("PUT", PATH, BODY, r.address(), NONCE, EXPIRES, r.signature()), "signature is not by");
  }

  @Test
  void refusesATamperedNonceOrExpiry() {
    var r = signed(DEV_1, BODY, NONCE, EXPIRES);

    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), "abcdEFGH_-13", EXPIRES, r.signature()), "signature is not by");
    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), NONCE, "1700000299", r.signature()), "signature is not by");
  }

  @Test
  void refusesAMalformedSignature() {
    var r = signed(DEV_1, BODY, NONCE, EXPIRES);

    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), NONCE, EXPIRES, "0x1234"), "bad signature");
    assertRefused(new SignedRequest("POST", PATH, BODY, r.address(), NONCE, EXPIRES, ""), "bad signature");
  }

  private static SignedRequest signed(Credentials key, byte[] body, String nonce, String expires) {
    String message = RequestMessage.canonical("POST", PATH, body, nonce, expires);
    String signature = PersonalSignature.sign(key.getEcKeyPair(), message);
    return new SignedRequest("POST", PATH, body, key.getAddress(), nonce, expires, signature);
  }

  private static SignedRequest withAddress(SignedRequest r, String address) {
    return new SignedRequest(r.method(), r.path(), r.body(), address, r.nonce(), r.expires(), r.signature());
  }

  private static void assertRefused(SignedRequest request, String expectedInReason) {
    Verdict verdict = RequestCheck.verify(request, NOW);
    var refused = assertInstanceOf(Verdict.Refused.class, verdict);
    assertTrue(refused.reason().contains(expectedInReason), refused.reason());
  }
}
