package io.bhkr.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestMessageTest {

  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void buildsTheExactMessageOfTheSpec() {
    byte[] body = "{\"quoteId\":\"q-1\"}".getBytes(StandardCharsets.UTF_8);

    String message = RequestMessage.canonical("POST", "/api/v1/projects", body, "abcdEFGH_-12", "1700000300");

    assertEquals(
        "BHKR API request\n"
            + "method: POST\n"
            + "path: /api/v1/projects\n"
            + "body-sha256: " + RequestMessage.sha256Hex(body) + "\n"
            + "nonce: abcdEFGH_-12\n"
            + "expires: 1700000300",
        message);
  }

  @Test
  void hashesTheRawBodyBytesInLowercaseHex() {
    // sha256("abc"), the FIPS 180-2 test vector.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        RequestMessage.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aMissingOrEmptyBodyHashesAsTheEmptyString() {
    String none = RequestMessage.canonical("POST", "/api/v1/pools/reward/distributions", null, "nonce-123", "1");
    String empty = RequestMessage.canonical("POST", "/api/v1/pools/reward/distributions", new byte[0], "nonce-123", "1");

    assertEquals(none, empty);
    assertEquals("body-sha256: " + EMPTY_SHA256, none.lines().toList().get(3));
  }
}
