package dev.qhook.internal.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the path syntax (docs/reference/configuration.md, "Paths"): {@code $}, then {@code .name},
 * {@code ['any name']} and {@code [n]} segments; the leading {@code $.} may be omitted ({@code
 * items[0].sku}). A key segment is a run of letters, digits, {@code _} and {@code -}.
 *
 * <p>Paths are embedded in filters and templates, so the parser reads a path starting at any index
 * of a larger source and stops at the first character that cannot continue it.
 */
final class PathParser {
  /** The segments read and the index just after the last character of the path. */
  record Parsed(List<PathSegment> segments, int end) {}

  private final String source;
  private int pos;

  private PathParser(String source, int start) {
    this.source = source;
    this.pos = start;
  }

  /** Reads the longest path starting at {@code start}, which must begin a path. */
  static Parsed parsePrefix(String source, int start) {
    return new PathParser(source, start).parse();
  }

  /** Whether a path can start with {@code c}. */
  static boolean canStart(char c) {
    return c == '$' || isKeyChar(c);
  }

  static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private Parsed parse() {
    List<PathSegment> segments = new ArrayList<>();
    if (pos >= source.length()) {
      throw ExpressionException.at("expected a path", source, pos);
    }
    char first = source.charAt(pos);
    if (first == '$') {
      pos++;
    } else if (isKeyChar(first)) {
      segments.add(new PathSegment.Key(readKey()));
    } else {
      throw ExpressionException.at(
          "unexpected " + ExpressionException.quote(String.valueOf(first)),
          source,
          pos,
          "expected a path such as $.name");
    }
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == '.') {
        pos++;
        if (pos >= source.length() || !isKeyChar(source.charAt(pos))) {
          throw ExpressionException.at("expected a key after '.'", source, pos);
        }
        segments.add(new PathSegment.Key(readKey()));
      } else if (c == '[') {
        segments.add(readBracket());
      } else {
        break;
      }
    }
    return new Parsed(List.copyOf(segments), pos);
  }

  private String readKey() {
    int start = pos;
    while (pos < source.length() && isKeyChar(source.charAt(pos))) {
      pos++;
    }
    return source.substring(start, pos);
  }

  private PathSegment readBracket() {
    int open = pos;
    pos++;
    if (pos >= source.length()) {
      throw ExpressionException.at(
          "missing ']'", source, pos, "'[' opened at column " + (open + 1));
    }
    char c = source.charAt(pos);
    PathSegment segment;
    if (QuotedText.isQuote(c)) {
      QuotedText.Read read = QuotedText.read(source, pos);
      pos = read.end();
      segment = new PathSegment.Key(read.text());
    } else if (isAsciiDigit(c)) {
      segment = new PathSegment.Index(readIndex());
    } else if (c == '-') {
      throw ExpressionException.at("array index must be >= 0", source, pos);
    } else {
      throw ExpressionException.at(
          "unexpected " + ExpressionException.quote(String.valueOf(c)),
          source,
          pos,
          "expected an index or a quoted key after '['");
    }
    if (pos >= source.length() || source.charAt(pos) != ']') {
      throw ExpressionException.at(
          "missing ']'", source, pos, "'[' opened at column " + (open + 1));
    }
    pos++;
    return segment;
  }

  private int readIndex() {
    int start = pos;
    while (pos < source.length() && isAsciiDigit(source.charAt(pos))) {
      pos++;
    }
    String digits = source.substring(start, pos);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw ExpressionException.at("array index " + digits + " is too large", source, start);
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
