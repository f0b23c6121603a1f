package dev.qhook.internal.expr;

import org.jspecify.annotations.Nullable;

/**
 * Splits a filter expression into {@link FilterToken}s on demand. Paths are read separately with
 * {@link #path()} because they may contain brackets and quotes ({@code $['detail-type']}), which
 * end a bare word.
 */
final class FilterLexer {
  private static final String SYMBOL_CHARS = "=!<>";
  private static final String WORD_BREAKS = "'\"()[]," + SYMBOL_CHARS;

  private final String source;
  private int pos;
  private @Nullable FilterToken peeked;

  FilterLexer(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  FilterToken peek() {
    if (peeked == null) {
      peeked = scan(skipWhitespace(pos));
    }
    return peeked;
  }

  FilterToken next() {
    FilterToken token = peek();
    peeked = null;
    pos = token.end();
    return token;
  }

  /** Reads a path at the next non-blank character; the caller has checked one can start there. */
  JsonPath path() {
    int start = skipWhitespace(pos);
    peeked = null;
    PathParser.Parsed parsed = PathParser.parsePrefix(source, start);
    pos = parsed.end();
    return JsonPath.of(source.substring(start, pos), parsed.segments());
  }

  private int skipWhitespace(int from) {
    int i = from;
    while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
      i++;
    }
    return i;
  }

  private FilterToken scan(int start) {
    if (start >= source.length()) {
      return new FilterToken(FilterToken.Kind.END, "", start, start);
    }
    char c = source.charAt(start);
    switch (c) {
      case '(':
        return single(FilterToken.Kind.OPEN_PAREN, start);
      case ')':
        return single(FilterToken.Kind.CLOSE_PAREN, start);
      case '[':
        return single(FilterToken.Kind.OPEN_BRACKET, start);
      case ']':
        return single(FilterToken.Kind.CLOSE_BRACKET, start);
      case ',':
        return single(FilterToken.Kind.COMMA, start);
      case '\'':
      case '"':
        QuotedText.Read read = QuotedText.read(source, start);
        return new FilterToken(FilterToken.Kind.STRING, read.text(), start, read.end());
      default:
        return SYMBOL_CHARS.indexOf(c) >= 0 ? symbol(start) : word(start);
    }
  }

  private FilterToken single(FilterToken.Kind kind, int start) {
    return new FilterToken(kind, source.substring(start, start + 1), start, start + 1);
  }

  private FilterToken symbol(int start) {
    char c = source.charAt(start);
    boolean equalsFollows = start + 1 < source.length() && source.charAt(start + 1) == '=';
    if (equalsFollows) {
      return new FilterToken(
          FilterToken.Kind.SYMBOL_OPERATOR, source.substring(start, start + 2), start, start + 2);
    }
    if (c == '<' || c == '>') {
      return single(FilterToken.Kind.SYMBOL_OPERATOR, start);
    }
    String hint = c == '=' ? "did you mean '=='?" : "did you mean '!=' or 'not'?";
    throw ExpressionException.at("unexpected '" + c + "'", source, start, hint);
  }

  private FilterToken word(int start) {
    int end = start;
    while (end < source.length()) {
      char c = source.charAt(end);
      if (Character.isWhitespace(c) || WORD_BREAKS.indexOf(c) >= 0) {
        break;
      }
      end++;
    }
    return new FilterToken(FilterToken.Kind.WORD, source.substring(start, end), start, end);
  }
}
