package dev.qhook;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A request to {@link Outbound} that cannot be carried out; {@link #reason()} says why, so that a
 * caller can answer as the management API does (400, 404, 409, 422).
 */
public final class OutboundException extends QHookException {
  /** Why the request failed. */
  public enum Reason {
    /** A value is invalid: a URL, a source that is not outbound, an event-type pattern. */
    INVALID,
    /** No such endpoint or subscription. */
    NOT_FOUND,
    /** The endpoint's state forbids it (recovering a disabled endpoint). */
    CONFLICT,
    /** The endpoint did not answer the ownership challenge; nothing was stored or changed. */
    VERIFICATION_FAILED
  }

  private final Reason reason;
  private final @Nullable String details;

  public OutboundException(Reason reason, String message, @Nullable String details) {
    super(message);
    this.reason = requireNonNull(reason, "reason");
    this.details = details;
  }

  public OutboundException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#VERIFICATION_FAILED}: the status code or error of the challenge. */
  public @Nullable String details() {
    return details;
  }
}
