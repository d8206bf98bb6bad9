package io.bhkr.http.auth;

/** The outcome of {@link RequestCheck}: either who signed, or why the request is refused. */
public sealed interface Verdict {

  /**
   * The request was signed by {@code address} (lowercase). The nonce still has to be claimed
   * in the signer's {@link NonceBook} before the request may act.
   */
  record Authentic(String address, String nonce, long expiresAt) implements Verdict {}

  /** Not authentic; {@code reason} is safe to show the client. */
  record Refused(String reason) implements Verdict {}
}
