package io.bhkr.http;

import java.util.List;

/**
 * A request the API refuses, with what the client needs to fix it. Thrown anywhere in a handler;
 * turned into an application/problem+json answer by {@link Problems}.
 */
public final class ApiException extends RuntimeException {

  public record FieldError(String field, String message) {}

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;

  public ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "validation", "The request is invalid", field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  /** The body is not one well-formed JSON value as the API reads it; {@code field} is "body" or the key at fault. */
  public static ApiException malformed(String field, String message) {
    return new ApiException(400, "malformed-json", "The body is not acceptable JSON", field + ": " + message,
        List.of(new FieldError(field, message)));
  }

  public static ApiException badRequest(String type, String detail) {
    return new ApiException(400, type, "Bad request", detail, List.of());
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "The request is not signed by the address it acts for", detail, List.of());
  }

  public static ApiException forbidden(String type, String detail) {
    return new ApiException(403, type, "Not allowed", detail, List.of());
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not-found", "Not found", what, List.of());
  }

  public static ApiException conflict(String type, String detail) {
    return new ApiException(409, type, "Conflict with the current state", detail, List.of());
  }

  public static ApiException unprocessable(String type, String detail) {
    return new ApiException(422, type, "Refused by the protocol rules", detail, List.of());
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
