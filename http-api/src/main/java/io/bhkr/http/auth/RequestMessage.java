package io.bhkr.http.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The exact text a client signs for a state-changing request (spec: "Authentication of
 * writes"). Client and server both build it here, so they cannot drift apart.
 */
public final class RequestMessage {

  private RequestMessage() {}

  /**
   * The message, lines joined by {@code \n} with no trailing newline.
   *
   * @param path the request path as sent, without the query string
   * @param body the raw body bytes; {@code null} means no body, hashed as the empty string
   */
  public static String canonical(String method, String path, byte[] body, String nonce, String expires) {
    return String.join("\n",
        "BHKR API request",
        "method: " + method,
        "path: " + path,
        "body-sha256: " + sha256Hex(body == null ? new byte[0] : body),
        "nonce: " + nonce,
        "expires: " + expires);
  }

  /** Lowercase hex SHA-256, as the message carries it. */
  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException(e);
    }
  }
}
