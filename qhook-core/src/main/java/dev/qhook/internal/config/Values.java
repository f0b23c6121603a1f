package dev.qhook.internal.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Conversions of parsed YAML scalars, honouring {@link Expanded} for numbers and booleans. */
final class Values {
  private Values() {}

  static boolean isScalar(Object value) {
    return !(value instanceof Map) && !(value instanceof List);
  }

  static @Nullable Long asLong(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : null;
    }
    if (value instanceof Expanded expanded) {
      try {
        return Long.parseLong(expanded.text().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static @Nullable Double asDouble(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof Expanded expanded) {
      try {
        return Double.parseDouble(expanded.text().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static @Nullable Boolean asBoolean(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    }
    if (value instanceof Expanded expanded) {
      return switch (expanded.text().strip()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }

  /** How a value is shown in a type error: quoted scalars, or the kind of collection. */
  static String describe(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "'" + value + "'";
  }
}
