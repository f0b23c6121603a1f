package dev.qhook.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * JSON numbers as filters, templates and keys read them (docs/reference/configuration.md,
 * "Filters", "Templates"). Exact wherever the tree holds the exact value (integers of any size and
 * decimals, which the engine parses as {@link BigDecimal}); a double that is infinite compares
 * beyond every literal and NaN with none. Nothing here throws, whatever the number.
 */
final class Numbers {
  private Numbers() {}

  /**
   * The sign of {@code number - literal}, or empty when {@code number} is NaN. {@link
   * BigDecimal#compareTo} compares adjusted exponents before it scales, so exponents far apart cost
   * nothing.
   */
  static OptionalInt compare(JsonNode number, BigDecimal literal) {
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue();
      if (Double.isNaN(value)) {
        return OptionalInt.empty();
      }
      if (Double.isInfinite(value)) {
        return OptionalInt.of(value > 0 ? 1 : -1);
      }
    }
    return OptionalInt.of(number.decimalValue().compareTo(literal));
  }

  /** Whether the number is non-zero; NaN is not. */
  static boolean nonZero(JsonNode number) {
    if (number.isDouble() || number.isFloat()) {
      double value = number.doubleValue();
      return !Double.isNaN(value) && value != 0;
    }
    return number.decimalValue().signum() != 0;
  }

  /**
   * A number's text: what a double would print when the double holds the value exactly ({@code
   * 1.50} is {@code 1.5}, {@code 1e2} is {@code 100.0}, as before decimals were read exactly),
   * otherwise the exact decimal ({@code 1E+999}, {@code 0.1000000000000000000001}). An infinite
   * double is {@code Infinity} or {@code -Infinity}, NaN is {@code NaN}.
   */
  static String text(JsonNode number) {
    if (!number.isBigDecimal()) {
      return number.asText();
    }
    BigDecimal exact = number.decimalValue();
    double approximate = exact.doubleValue();
    if (!Double.isInfinite(approximate) && BigDecimal.valueOf(approximate).compareTo(exact) == 0) {
      return Double.toString(approximate);
    }
    return exact.toString();
  }
}
