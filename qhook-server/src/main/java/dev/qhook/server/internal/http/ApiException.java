package dev.qhook.server.internal.http;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A request that fails with a documented error code (docs/reference/http-api.md, "Error codes");
 * the pipeline turns it into a JSON body {@code {code, message, details?}}. Carries no stack trace:
 * it is an expected outcome.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final @Nullable Object details;
  private final @Nullable Integer retryAfterSeconds;

  public ApiException(
      int status,
      String code,
      String message,
      @Nullable Object details,
      @Nullable Integer retryAfterSeconds) {
    super(requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = requireNonNull(code, "code");
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ApiException(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "missing or wrong bearer token");
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException methodNotAllowed(String method, String path) {
    return new ApiException(
        405, "method_not_allowed", "method " + method + " is not allowed on " + path);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  public static ApiException payloadTooLarge(long limit) {
    return new ApiException(
        413, "payload_too_large", "request body exceeds the limit of " + limit + " bytes");
  }

  public static ApiException rateLimited() {
    return new ApiException(
        429, "rate_limited", "too many requests from this address", null, RETRY_SOON);
  }

  public static ApiException overloaded() {
    return new ApiException(
        503, "overloaded", "too many requests in progress, try again", null, RETRY_SOON);
  }

  /** The engine cannot take work: database unhealthy, starting or shutting down. */
  public static ApiException unavailable(String message) {
    return new ApiException(503, "unavailable", message, null, RETRY_LATER);
  }

  public static ApiException internal() {
    return new ApiException(500, "internal", "internal error");
  }

  /** {@code Retry-After} for limits that clear within a second. */
  static final int RETRY_SOON = 1;

  /**
   * {@code Retry-After} while the database is unavailable (docs/reference/http-api.md,
   * "Retry-After").
   */
  static final int RETRY_LATER = 30;

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public @Nullable Object details() {
    return details;
  }

  public @Nullable Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
