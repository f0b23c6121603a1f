package dev.qhook.internal.workflow.flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Expressions of a validated config, parsed once and kept. Bounded: when reloads keep bringing new
 * expressions it starts over rather than grow.
 */
final class ParseCache<T> {
  static final int LIMIT = 4096;

  private final Map<String, T> parsed = new ConcurrentHashMap<>();
  private final Function<String, T> parse;

  ParseCache(Function<String, T> parse) {
    this.parse = parse;
  }

  T get(String text) {
    T found = parsed.get(text);
    if (found != null) {
      return found;
    }
    if (parsed.size() >= LIMIT) {
      parsed.clear();
    }
    return parsed.computeIfAbsent(text, parse);
  }
}
