package dev.qhook.internal.config;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Names of sources, handlers, queues, workflows, steps and branches
 * (docs/reference/configuration.md, "Names").
 */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private Names() {}

  /** Reports {@code name} at {@code path} unless it is a valid name. */
  static void check(Problems problems, String path, String name) {
    if (!NAME.matcher(name).matches()) {
      problems.error(
          path,
          "invalid name '"
              + name
              + "' (letters, digits, '_', '.', '-'; starting with a letter or digit; at most 64)");
    }
  }

  /** {@code (did you mean 'x'?)} or {@code (defined: a, b)} for an unknown {@code name}. */
  static String hint(String name, Collection<String> defined) {
    if (defined.isEmpty()) {
      return "(none defined)";
    }
    return Suggestions.nearest(name, defined)
        .map(s -> "(did you mean '" + s + "'?)")
        .orElse("(defined: " + String.join(", ", defined) + ")");
  }
}
