package dev.qhook;

/**
 * Why {@link QHook#receive} refused a request, with the HTTP status and error code an HTTP stack
 * answers with (docs/reference/http-api.md, "Errors").
 */
public enum Rejection {
  /** 404: no such source, or a source of another type than the entry point takes. */
  NOT_FOUND(404, "not_found"),
  /** 403: the client address is not in the source's {@code allowed_ips}. */
  IP_NOT_ALLOWED(403, "ip_not_allowed"),
  /** 403: the SNS message's {@code TopicArn} is not in the source's {@code topic_arns}. */
  TOPIC_NOT_ALLOWED(403, "topic_not_allowed"),
  /** 401: the signature is missing, stale or wrong; counted and alerted by the engine. */
  SIGNATURE_INVALID(401, "signature_invalid"),
  /** 400: the body is not UTF-8. */
  INVALID_ENCODING(400, "invalid_encoding"),
  /** 400: the body does not match the source's {@code schema}; details name each violation. */
  SCHEMA_INVALID(400, "schema_invalid"),
  /**
   * 400: the event type, a {@code ce-*} header, an idempotency key or an ordering key cannot be
   * stored or delivered (a control character, NUL, or too long), or the database refused a value of
   * the request; the message names the value (docs/reference/http-api.md, "Limits of event
   * values").
   */
  BAD_REQUEST(400, "bad_request"),
  /** 400: the body is not an AWS SNS message the engine can act on. */
  INVALID_SNS_MESSAGE(400, "invalid_sns_message"),
  /** 502: confirming an SNS subscription failed. */
  SUBSCRIPTION_FAILED(502, "subscription_failed"),
  /** 503: not started, shutting down, or the database is unhealthy; retry after 30 s. */
  UNAVAILABLE(503, "unavailable");

  private final int httpStatus;
  private final String code;

  Rejection(int httpStatus, String code) {
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code code} of the JSON error body. */
  public String code() {
    return code;
  }
}
