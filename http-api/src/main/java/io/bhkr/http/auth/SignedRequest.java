package io.bhkr.http.auth;

import java.util.Objects;

/**
 * What a request offers as proof of its signer. Header values are as received; {@code null}
 * means the header was missing.
 *
 * @param path the request path as sent, without the query string
 * @param body the raw body bytes; {@code null} or empty if none
 */
public record SignedRequest(
    String method,
    String path,
    byte[] body,
    String address,
    String nonce,
    String expires,
    String signature) {

  public SignedRequest {
    // The server, not the client, supplies these two: null is a bug, not a refusal.
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
