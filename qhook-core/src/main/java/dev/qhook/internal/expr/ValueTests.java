package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * How a resolved JSON value is tested against a literal (the predicate table of
 * docs/reference/configuration.md, "Filters").
 */
final class ValueTests {
  private ValueTests() {}

  /** True, a non-empty string, a non-zero number, an array or an object. */
  static boolean truthy(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    if (value.isNumber()) {
      return Numbers.nonZero(value);
    }
    return value.isArray() || value.isObject();
  }

  /**
   * A string equals the literal's text; a number equals a numeric literal numerically; a boolean or
   * null equals the literal {@code true}/{@code false}/{@code null}. Arrays and objects never do.
   */
  static boolean equalTo(JsonNode value, Literal literal) {
    if (value.isTextual()) {
      return value.textValue().equals(literal.text());
    }
    if (value.isNumber()) {
      BigDecimal number = literal.number();
      return number != null && Numbers.compare(value, number).orElse(1) == 0;
    }
    if (value.isBoolean()) {
      return literal.text().equals(value.booleanValue() ? "true" : "false");
    }
    if (value.isNull()) {
      return literal.text().equals("null");
    }
    return false;
  }

  /** A numeric comparison; false unless the value is a number and the literal reads as one. */
  static boolean ordered(JsonNode value, Literal literal, FilterOperator operator) {
    BigDecimal number = literal.number();
    if (!value.isNumber() || number == null) {
      return false;
    }
    OptionalInt comparison = Numbers.compare(value, number);
    if (comparison.isEmpty()) { // NaN orders with nothing
      return false;
    }
    int sign = comparison.getAsInt();
    return switch (operator) {
      case GREATER -> sign > 0;
      case GREATER_OR_EQUAL -> sign >= 0;
      case LESS -> sign < 0;
      case LESS_OR_EQUAL -> sign <= 0;
      default -> throw new IllegalArgumentException("not an ordering: " + operator);
    };
  }

  /**
   * A substring of a string, or an element of an array that {@link #equalTo equals} the literal.
   */
  static boolean contains(JsonNode value, Literal literal) {
    if (value.isTextual()) {
      return value.textValue().contains(literal.text());
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (equalTo(element, literal)) {
          return true;
        }
      }
    }
    return false;
  }
}
