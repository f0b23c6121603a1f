package dev.qhook;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The database refused a value of the write: a data exception (a NUL character in a PostgreSQL text
 * column, a value too long for an index) or a violated constraint other than the idempotency key.
 * Writing the same values again fails again, and the database itself is fine: the engine fails only
 * the event that carries the value, does not count it toward database health, and {@link
 * QHook#receive} answers {@link Rejection#BAD_REQUEST} with {@link #reason()}
 * (docs/configuration.md, "Stores").
 */
public final class StoreRefusedException extends StoreException {
  private final String reason;

  /**
   * @param operation what was being written, for logs ({@code storing event 01J...})
   * @param reason what the database refused, for the client: names the field, never a secret
   */
  public StoreRefusedException(String operation, String reason, @Nullable Throwable cause) {
    super(operation + " failed: " + requireNonNull(reason, "reason"));
    this.reason = reason;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** What the database refused, fit for the client ({@code the event type contains ...}). */
  public String reason() {
    return reason;
  }
}
