package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Optional;

/**
 * The binary operators of a filter predicate {@code path op literal}
 * (docs/reference/configuration.md, "Filters").
 */
enum FilterOperator {
  EQUAL("=="),
  NOT_EQUAL("!="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  CONTAINS("contains"),
  STARTS_WITH("starts_with"),
  ENDS_WITH("ends_with");

  private final String symbol;

  FilterOperator(String symbol) {
    this.symbol = symbol;
  }

  static Optional<FilterOperator> bySymbol(String symbol) {
    return Arrays.stream(values()).filter(op -> op.symbol.equals(symbol)).findFirst();
  }

  String symbol() {
    return symbol;
  }

  /** Applies the operator to a value the path resolved to (a JSON null included). */
  boolean test(JsonNode value, Literal literal) {
    return switch (this) {
      case EQUAL -> ValueTests.equalTo(value, literal);
      case NOT_EQUAL -> !ValueTests.equalTo(value, literal);
      case GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL ->
          ValueTests.ordered(value, literal, this);
      case CONTAINS -> ValueTests.contains(value, literal);
      case STARTS_WITH -> value.isTextual() && value.textValue().startsWith(literal.text());
      case ENDS_WITH -> value.isTextual() && value.textValue().endsWith(literal.text());
    };
  }

  /** The result for a path that resolves to nothing: only {@code !=} is true. */
  boolean testMissing() {
    return this == NOT_EQUAL;
  }
}
