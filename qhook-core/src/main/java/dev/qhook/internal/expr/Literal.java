package dev.qhook.internal.expr;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A literal of a filter expression: its text (unescaped if it was quoted) and, when the text reads
 * as a number, its numeric value. Quoting does not change the meaning of a literal: {@code 5} and
 * {@code '5'} are both numeric, {@code true} and {@code 'true'} both equal a JSON {@code true}.
 */
record Literal(String text, @Nullable BigDecimal number) {
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  Literal {
    Objects.requireNonNull(text, "text");
  }

  static Literal of(String text) {
    return new Literal(text, parseNumber(text));
  }

  private static @Nullable BigDecimal parseNumber(String text) {
    if (!NUMBER.matcher(text).matches()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) { // exponent out of range
      return null;
    }
  }
}
