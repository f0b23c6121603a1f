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

  /**
   * An exception whose message is {@code problem at column N} (or {@code at line L, column C} for a
   * multi-line source), where the position is that of {@code index} in {@code source}.
   */
  static ExpressionException at(String problem, String source, int index) {
    return new ExpressionException(problem + " at " + describePosition(source, index));
  }

  /** Like {@link #at(String, String, int)}, followed by {@code (hint)}. */
  static ExpressionException at(String problem, String source, int index, String hint) {
    return new ExpressionException(
        problem + " at " + describePosition(source, index) + " (" + hint + ")");
  }

  /** {@code column N}, 1-based; {@code line L, column C} when the source has several lines. */
  static String describePosition(String source, int index) {
    if (source.indexOf('\n') < 0) {
      return "column " + (index + 1);
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index && i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (index - lineStart + 1);
  }

  /** How a piece of source text is quoted in a message: {@code 'text'}, shortened if long. */
  static String quote(String text) {
    String shown = text.length() > 30 ? text.substring(0, 27) + "..." : text;
    return "'" + shown + "'";
  }
}
