package dev.qhook.internal.expr;

/**
 * Reads a single- or double-quoted string with backslash escapes, as used in paths ({@code ['any
 * name']}) and filter literals.
 *
 * <p>Escapes: {@code \\ \' \" \n \t \r} and {@code \}{@code uXXXX}. Any other backslash is kept as
 * written together with the next character, so regular expressions such as {@code '^\d+$'} or
 * {@code '\bword\b'} need no doubling.
 */
final class QuotedText {
  /** The unescaped text and the index just after the closing quote. */
  record Read(String text, int end) {}

  private QuotedText() {}

  static boolean isQuote(char c) {
    return c == '\'' || c == '"';
  }

  /** Reads the quoted string whose opening quote is at {@code start}. */
  static Read read(String source, int start) {
    char quote = source.charAt(start);
    StringBuilder text = new StringBuilder();
    int i = start + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == quote) {
        return new Read(text.toString(), i + 1);
      }
      if (c == '\\' && i + 1 < source.length()) {
        i = unescape(source, i, text);
      } else {
        text.append(c);
        i++;
      }
    }
    throw ExpressionException.at("unterminated string", source, start);
  }

  /** Appends the escape starting at the backslash at {@code i}; returns the index after it. */
  private static int unescape(String source, int i, StringBuilder text) {
    char next = source.charAt(i + 1);
    switch (next) {
      case '\\', '\'', '"' -> text.append(next);
      case 'n' -> text.append('\n');
      case 't' -> text.append('\t');
      case 'r' -> text.append('\r');
      case 'u' -> {
        return unicode(source, i, text);
      }
      default -> text.append('\\').append(next);
    }
    return i + 2;
  }

  private static int unicode(String source, int i, StringBuilder text) {
    int end = i + 6;
    if (end <= source.length()) {
      String hex = source.substring(i + 2, end);
      if (hex.chars().allMatch(QuotedText::isHexDigit)) {
        text.append((char) Integer.parseInt(hex, 16));
        return end;
      }
    }
    throw ExpressionException.at(
        "invalid escape, '\\u' needs four hex digits", source, i, "write '\\\\u' for a backslash");
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
