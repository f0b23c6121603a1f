package dev.qhook.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed, path-aware reading of one YAML mapping. A missing key yields the given default; a value of
 * the wrong type is reported to {@link Problems} (naming the key's path) and also yields the
 * default, so binding goes on and every problem is found in one pass.
 */
final class Section {
  private final Map<String, Object> map;
  private final String path;
  private final Problems problems;

  private Section(Map<String, Object> map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** The mapping {@code value} at {@code path}; anything else is reported and reads as empty. */
  @SuppressWarnings("unchecked")
  static Section of(@Nullable Object value, String path, Problems problems) {
    if (value == null) {
      return new Section(Map.of(), path, problems);
    }
    if (value instanceof Map<?, ?> map) {
      return new Section((Map<String, Object>) map, path, problems);
    }
    problems.error(path, "expected a mapping, was " + Values.describe(value));
    return new Section(Map.of(), path, problems);
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Problems problems() {
    return problems;
  }

  Collection<String> keys() {
    return map.keySet();
  }

  boolean has(String key) {
    return map.containsKey(key);
  }

  @Nullable Object raw(String key) {
    return map.get(key);
  }

  /** Reports every key not in {@code allowed}, suggesting the nearest allowed one. */
  void allowOnly(Collection<String> allowed) {
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        problems.error(pathOf(key), "unknown key" + Suggestions.didYouMean(key, allowed));
      }
    }
  }

  void error(String key, String message) {
    problems.error(pathOf(key), message);
  }

  Section section(String key) {
    return of(map.get(key), pathOf(key), problems);
  }

  @Nullable String string(String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (Values.isScalar(value)) {
      return value.toString();
    }
    error(key, "expected a string, was " + Values.describe(value));
    return null;
  }

  String string(String key, String fallback) {
    String value = string(key);
    return value == null ? fallback : value;
  }

  /** A string that must be present and non-empty; reports "required" otherwise. */
  @Nullable String required(String key) {
    if (map.get(key) == null) {
      error(key, "required");
      return null;
    }
    String value = string(key);
    if (value != null && value.isBlank()) {
      error(key, "required (is empty)");
      return null;
    }
    return value;
  }

  /**
   * A value from {@code allowed} (compared as written unless {@code ignoreCase}), or {@code
   * fallback} when absent; anything else is reported as {@code unsupported <what> 'x' (supported:
   * a, b)}.
   */
  String oneOf(String key, String what, List<String> allowed, String fallback, boolean ignoreCase) {
    String value = string(key);
    if (value == null) {
      return fallback;
    }
    String normalized = ignoreCase ? value.toLowerCase(java.util.Locale.ROOT) : value;
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(normalized) && (ignoreCase || candidate.equals(value))) {
        return candidate;
      }
    }
    error(key, unsupported(what, value, allowed));
    return fallback;
  }

  static String unsupported(String what, String value, List<String> allowed) {
    return "unsupported "
        + what
        + " '"
        + value
        + "' (supported: "
        + String.join(", ", allowed)
        + ")"
        + Suggestions.nearest(value, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String key, int fallback, int min, int max) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    Long parsed = Values.asLong(value);
    if (parsed == null) {
      error(key, "expected an integer, was " + Values.describe(value));
      return fallback;
    }
    if (parsed < min || parsed > max) {
      error(key, rangeMessage(min, max) + ", was " + parsed);
      return fallback;
    }
    return parsed.intValue();
  }

  /** A number greater than zero, or null when absent. */
  @Nullable Double positiveNumber(String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    Double parsed = Values.asDouble(value);
    if (parsed == null || parsed.isNaN() || parsed.isInfinite()) {
      error(key, "expected a number, was " + Values.describe(value));
      return null;
    }
    if (parsed <= 0) {
      error(key, "must be > 0, was " + Values.describe(value));
      return null;
    }
    return parsed;
  }

  boolean bool(String key, boolean fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    Boolean parsed = Values.asBoolean(value);
    if (parsed == null) {
      error(key, "expected true or false, was " + Values.describe(value));
      return fallback;
    }
    return parsed;
  }

  @Nullable Duration duration(String key) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    Duration parsed =
        Values.isScalar(value) && !(value instanceof Boolean)
            ? Durations.parse(value.toString()).orElse(null)
            : null;
    if (parsed == null) {
      error(key, "invalid duration '" + value + "' (" + Durations.EXAMPLES + ")");
    }
    return parsed;
  }

  Duration duration(String key, Duration fallback) {
    Duration value = duration(key);
    return value == null ? fallback : value;
  }

  /** A list of strings; a single string is not accepted (use {@code [a]}). */
  List<String> stringList(String key) {
    List<String> out = new ArrayList<>();
    List<Object> items = list(key);
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item != null && Values.isScalar(item)) {
        out.add(item.toString());
      } else {
        problems.error(
            pathOf(key) + "[" + i + "]", "expected a string, was " + Values.describe(item));
      }
    }
    return out;
  }

  /** The list at {@code key}; absent or null is empty. */
  @SuppressWarnings("unchecked")
  List<Object> list(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    error(key, "expected a list, was " + Values.describe(value));
    return List.of();
  }

  /** A mapping of strings to strings (header maps). */
  Map<String, String> stringMap(String key) {
    Section inner = section(key);
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : inner.keys()) {
      String value = inner.string(name);
      if (value != null) {
        out.put(name, value);
      } else if (inner.raw(name) == null) {
        inner.error(name, "expected a string, was null");
      }
    }
    return out;
  }

  private static String rangeMessage(long min, long max) {
    if (max == Integer.MAX_VALUE) {
      return "must be >= " + min;
    }
    return "must be between " + min + " and " + max;
  }
}
