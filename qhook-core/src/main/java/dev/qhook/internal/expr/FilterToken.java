package dev.qhook.internal.expr;

/**
 * A token of a filter expression. {@code text} is the unescaped content for {@link Kind#STRING} and
 * the characters as written otherwise; {@code start} and {@code end} index the source.
 */
record FilterToken(FilterToken.Kind kind, String text, int start, int end) {

  enum Kind {
    /**
     * A bare word: a run of characters other than whitespace, quotes, {@code ()[],} and {@code
     * =!<>}.
     */
    WORD,
    /** A single- or double-quoted string. */
    STRING,
    /** One of {@code == != > >= < <=}. */
    SYMBOL_OPERATOR,
    OPEN_PAREN,
    CLOSE_PAREN,
    OPEN_BRACKET,
    CLOSE_BRACKET,
    COMMA,
    END
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  /** How the token is named in an error message. */
  String describe(String source) {
    return kind == Kind.END
        ? "end of expression"
        : ExpressionException.quote(source.substring(start, end));
  }
}
