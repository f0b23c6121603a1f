package dev.qhook.internal.json;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;

/**
 * Keeps a decimal exact while its exponent is within ±{@value #MAX_EXACT_EXPONENT}, and reads a
 * larger or smaller one as a double (an infinity or zero). Work on an exact decimal grows with its
 * exponent, and a JSON schema's {@code multipleOf} divides by it: {@code 1e999999} takes minutes.
 * The bound matches Jackson's limit of 1000 characters per number, so no decimal here costs more
 * than one the limit already allows (docs/reference/configuration.md, "Filters").
 */
final class BoundedDecimalNodes extends JsonNodeFactory {
  static final int MAX_EXACT_EXPONENT = 1000;

  private static final long serialVersionUID = 1L;

  @Override
  public ValueNode numberNode(BigDecimal value) {
    if (value != null && Math.abs(exponentOf(value)) > MAX_EXACT_EXPONENT) {
      return numberNode(value.doubleValue());
    }
    return super.numberNode(value);
  }

  /** The power of ten of the leading digit: 2 for 123, -3 for 0.00123. */
  private static long exponentOf(BigDecimal value) {
    return (long) value.precision() - value.scale() - 1;
  }
}
