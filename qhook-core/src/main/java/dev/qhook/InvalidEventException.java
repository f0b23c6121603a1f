package dev.qhook;

import static java.util.Objects.requireNonNull;

/**
 * An event carries a value the engine cannot store or deliver: a control character in its type or a
 * {@code ce-*} header, NUL in an idempotency or ordering key, a type or ordering key above its
 * length limit (docs/reference/http-api.md, "Limits of event values"). Thrown by {@link
 * QHook#ingest} and {@link QHook#ingestAsync} before anything is queued; {@link QHook#receive}
 * answers {@link Rejection#BAD_REQUEST} with the same message instead. Nothing was stored: sending
 * the same event again fails the same way.
 */
public final class InvalidEventException extends QHookException {
  private final String field;
  private final String problem;

  /**
   * @param field names the value, as the message starts: {@code event type}, {@code header
   *     ce-subject}, {@code handlers.billing.ordering_key ($.customer)}
   * @param problem what is wrong with it: {@code must not contain NUL (at index 3)}
   */
  public InvalidEventException(String field, String problem) {
    super(requireNonNull(field, "field") + ": " + requireNonNull(problem, "problem"));
    this.field = field;
    this.problem = problem;
  }

  /** The value at fault, as named at the start of the message. */
  public String field() {
    return field;
  }

  /** What is wrong with it. */
  public String problem() {
    return problem;
  }
}
