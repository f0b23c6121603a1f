package dev.qhook.internal.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How {@link ConfigTree} and {@link EntryTrees} write values as a config file holds them. */
final class TreeValues {
  private TreeValues() {}

  /**
   * {@code d} as the config writes durations; one that the config cannot express (negative, or
   * finer than a millisecond) in ISO form, which the binder reports as invalid.
   */
  static String duration(Duration d) {
    return d.isNegative() || d.getNano() % 1_000_000 != 0 ? d.toString() : Durations.format(d);
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static void putIf(Map<String, Object> m, boolean condition, String key, Object value) {
    if (condition) {
      m.put(key, value);
    }
  }

  static void putIfSet(Map<String, Object> m, String key, @Nullable Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
