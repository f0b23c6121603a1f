package dev.qhook.internal.expr;

import dev.qhook.internal.expr.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent parser for the filter grammar (docs/reference/configuration.md, "Filters"):
 *
 * <pre>
 * expr      := term ("or" term)*            term := factor ("and" factor)*
 * factor    := "not" factor | "(" expr ")" | predicate
 * predicate := path | path "exists" | path op literal | path "in" "[" literal ("," literal)* "]"
 * </pre>
 */
final class FilterParser {
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "exists", "in", "matches", "contains", "starts_with", "ends_with");

  private final FilterLexer lexer;
  private final String source;

  private FilterParser(String source) {
    this.lexer = new FilterLexer(source);
    this.source = source;
  }

  static FilterNode parse(String source) {
    if (source.isBlank()) {
      throw new ExpressionException("empty filter expression");
    }
    FilterParser parser = new FilterParser(source);
    FilterNode root = parser.expression();
    FilterToken rest = parser.lexer.peek();
    if (rest.kind() != Kind.END) {
      throw parser.unexpected(rest, "expected 'and', 'or' or the end");
    }
    return root;
  }

  private FilterNode expression() {
    List<FilterNode> operands = new ArrayList<>(List.of(term()));
    while (lexer.peek().isWord("or")) {
      lexer.next();
      operands.add(term());
    }
    return operands.size() == 1 ? operands.get(0) : new FilterNode.AnyOf(operands);
  }

  private FilterNode term() {
    List<FilterNode> operands = new ArrayList<>(List.of(factor()));
    while (lexer.peek().isWord("and")) {
      lexer.next();
      operands.add(factor());
    }
    return operands.size() == 1 ? operands.get(0) : new FilterNode.AllOf(operands);
  }

  private FilterNode factor() {
    FilterToken token = lexer.peek();
    if (token.isWord("not")) {
      lexer.next();
      return new FilterNode.Not(factor());
    }
    if (token.kind() == Kind.OPEN_PAREN) {
      lexer.next();
      FilterNode inner = expression();
      FilterToken close = lexer.peek();
      if (close.kind() != Kind.CLOSE_PAREN) {
        throw close.kind() == Kind.END
            ? ExpressionException.at(
                "missing ')'", source, close.start(), "'(' opened at column " + (token.start() + 1))
            : unexpected(close, "expected ')', 'and' or 'or'");
      }
      lexer.next();
      return inner;
    }
    return predicate();
  }

  private FilterNode predicate() {
    FilterToken start = lexer.peek();
    boolean pathCanStart =
        start.kind() == Kind.WORD
            && PathParser.canStart(start.text().charAt(0))
            && !start.isWord("and")
            && !start.isWord("or");
    if (!pathCanStart) {
      throw unexpected(start, "expected a path such as $.name");
    }
    JsonPath path = lexer.path();
    FilterToken next = lexer.peek();
    if (next.kind() == Kind.SYMBOL_OPERATOR || next.kind() == Kind.WORD) {
      Optional<FilterOperator> operator = FilterOperator.bySymbol(next.text());
      if (operator.isPresent()) {
        lexer.next();
        return new FilterNode.Comparison(path, operator.get(), literal(next));
      }
      switch (next.text()) {
        case "exists":
          lexer.next();
          return new FilterNode.Exists(path);
        case "matches":
          lexer.next();
          return matches(path, next);
        case "in":
          lexer.next();
          return in(path, next);
        default:
          break;
      }
    }
    return new FilterNode.Truthy(path);
  }

  private FilterNode matches(JsonPath path, FilterToken operator) {
    FilterToken regexToken = lexer.peek();
    Literal regex = literal(operator);
    try {
      return new FilterNode.Matches(path, Pattern.compile(regex.text()));
    } catch (PatternSyntaxException e) {
      throw ExpressionException.at(
          "invalid regex " + ExpressionException.quote(regex.text()),
          source,
          regexToken.start(),
          e.getDescription());
    }
  }

  private FilterNode in(JsonPath path, FilterToken operator) {
    FilterToken open = lexer.next();
    if (open.kind() != Kind.OPEN_BRACKET) {
      throw unexpected(open, "expected '[' after 'in'");
    }
    List<Literal> literals = new ArrayList<>();
    literals.add(literal(operator));
    while (lexer.peek().kind() == Kind.COMMA) {
      FilterToken comma = lexer.next();
      literals.add(literal(comma));
    }
    FilterToken close = lexer.next();
    if (close.kind() != Kind.CLOSE_BRACKET) {
      throw close.kind() == Kind.END
          ? ExpressionException.at(
              "missing ']'", source, close.start(), "'[' opened at column " + (open.start() + 1))
          : unexpected(close, "expected ',' or ']'");
    }
    return new FilterNode.In(path, literals);
  }

  /** Reads the literal that must follow {@code after} (an operator or a comma). */
  private Literal literal(FilterToken after) {
    FilterToken token = lexer.next();
    if (token.kind() == Kind.STRING || token.kind() == Kind.WORD) {
      return Literal.of(token.text());
    }
    String problem =
        token.kind() == Kind.END
            ? "missing value after " + after.describe(source)
            : "unexpected " + token.describe(source);
    throw ExpressionException.at(problem, source, token.start(), "expected a value");
  }

  private ExpressionException unexpected(FilterToken token, String hint) {
    String problem = "unexpected " + token.describe(source);
    if (token.kind() == Kind.WORD
        && KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT))
        && !KEYWORDS.contains(token.text())) {
      hint = "keywords are lowercase";
    }
    return ExpressionException.at(problem, source, token.start(), hint);
  }
}
