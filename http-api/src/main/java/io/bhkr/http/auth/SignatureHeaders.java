package io.bhkr.http.auth;

/** The four headers that carry a signed request (spec: "Authentication of writes"). */
public final class SignatureHeaders {

  public static final String ADDRESS = "X-Bhkr-Address";
  public static final String NONCE = "X-Bhkr-Nonce";
  public static final String EXPIRES = "X-Bhkr-Expires";
  public static final String SIGNATURE = "X-Bhkr-Signature";

  private SignatureHeaders() {}
}
