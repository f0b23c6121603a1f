package dev.qhook.internal.expr;

import dev.qhook.QHookException;

/**
 * A path, filter, template or event pattern that does not parse. The message says what is wrong and
 * where, e.g. {@code unexpected ')' at column 18}; it never includes a config path (callers add
 * that).
 */
public final class ExpressionException extends QHookException {
  public ExpressionException(String message) {
    super(message);
  }
}
