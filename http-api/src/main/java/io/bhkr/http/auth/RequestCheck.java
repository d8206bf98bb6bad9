package io.bhkr.http.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a request is signed by the address it claims, at a given instant. Pure: the
 * caller supplies the clock, so the rules are testable at their edges. Nonce reuse is the
 * {@link NonceBook}'s concern, since it needs memory.
 */
public final class RequestCheck {

  /** A signed request may be valid for at most this long, which bounds the NonceBook's memory. */
  public static final long MAX_LIFETIME_SECONDS = 300;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  // 18 digits always fit a long; unix seconds need 10 for centuries.
  private static final Pattern EXPIRES = Pattern.compile("[0-9]{1,18}");

  private RequestCheck() {}

  public static Verdict verify(SignedRequest request, long nowEpochSeconds) {
    String missing = firstMissingHeader(request);
    if (missing != null) return new Verdict.Refused("missing header " + missing);
    if (!ADDRESS.matcher(request.address()).matches()) {
      return new Verdict.Refused(SignatureHeaders.ADDRESS + " must be 0x followed by 40 hex digits");
    }
    if (!NONCE.matcher(request.nonce()).matches()) {
      return new Verdict.Refused(SignatureHeaders.NONCE + " must be 8 to 64 characters of A-Z a-z 0-9 _ -");
    }
    if (!EXPIRES.matcher(request.expires()).matches()) {
      return new Verdict.Refused(SignatureHeaders.EXPIRES + " must be an integer of unix seconds");
    }
    long expiresAt = Long.parseLong(request.expires());
    if (expiresAt <= nowEpochSeconds) return new Verdict.Refused("request has expired");
    if (expiresAt > nowEpochSeconds + MAX_LIFETIME_SECONDS) {
      return new Verdict.Refused(
          SignatureHeaders.EXPIRES + " may be at most " + MAX_LIFETIME_SECONDS + " s in the future");
    }
    // Sign the header texts exactly as received, so no re-formatting can change the message.
    String message = RequestMessage.canonical(
        request.method(), request.path(), request.body(), request.nonce(), request.expires());
    String signer;
    try {
      signer = PersonalSignature.recoverAddress(message, request.signature());
    } catch (IllegalArgumentException e) {
      return new Verdict.Refused("bad signature: " + e.getMessage());
    }
    String address = request.address().toLowerCase(Locale.ROOT);
    if (!signer.equals(address)) {
      return new Verdict.Refused("signature is not by " + SignatureHeaders.ADDRESS);
    }
    return new Verdict.Authentic(address, request.nonce(), expiresAt);
  }

  /**
   * What identifies a signed request for retries: the hash of its whole signed message (method,
   * path, body hash, nonce, expiry), so only the identical request counts as a retry.
   */
  public static String requestHash(SignedRequest request) {
    return RequestMessage.sha256Hex(RequestMessage.canonical(
        request.method(), request.path(), request.body(), request.nonce(), request.expires())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String firstMissingHeader(SignedRequest request) {
    if (request.address() == null) return SignatureHeaders.ADDRESS;
    if (request.nonce() == null) return SignatureHeaders.NONCE;
    if (request.expires() == null) return SignatureHeaders.EXPIRES;
    if (request.signature() == null) return SignatureHeaders.SIGNATURE;
    return null;
  }
}
