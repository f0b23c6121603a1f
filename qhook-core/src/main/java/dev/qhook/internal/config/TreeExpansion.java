package dev.qhook.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link EnvExpander} to every scalar string of a parsed tree (values only, not keys). A
 * value that is exactly one reference becomes an {@link Expanded}, so it may fill a numeric or
 * boolean key.
 */
final class TreeExpansion {
  private final EnvExpander expander;
  private final Problems problems;

  TreeExpansion(EnvExpander expander, Problems problems) {
    this.expander = expander;
    this.problems = problems;
  }

  Map<String, Object> expandRoot(Map<String, Object> root) {
    Map<String, Object> out = new LinkedHashMap<>();
    root.forEach((key, value) -> out.put(key, expand(value, key)));
    return out;
  }

  private @Nullable Object expand(@Nullable Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, expand(v, path + "." + k)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(expand(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    if (value instanceof String text && text.contains("${")) {
      try {
        List<EnvExpander.Blank> blanks = new ArrayList<>();
        String expanded = expander.expandReporting(text, blanks::add);
        report(path, expanded, blanks);
        return EnvExpander.isWholeReference(text) ? new Expanded(expanded) : expanded;
      } catch (IllegalArgumentException e) {
        problems.error(path, e.getMessage());
        return text;
      }
    }
    return value;
  }

  /**
   * An unset variable is a warning; a secret that expands to empty because of a reference without a
   * default is an error naming the first such variable (docs/reference/configuration.md,
   * "Environment variables").
   */
  private void report(String path, String expanded, List<EnvExpander.Blank> blanks) {
    if (expanded.isEmpty() && !blanks.isEmpty() && SecretKeys.isSecret(path)) {
      EnvExpander.Blank first = blanks.get(0);
      problems.error(
          path,
          "variable '"
              + first.name()
              + (first.unset() ? "' is not set" : "' is empty")
              + ": a secret must not expand to empty (write ${"
              + first.name()
              + ":-} to allow an empty value)");
      return;
    }
    for (EnvExpander.Blank blank : blanks) {
      if (blank.unset()) {
        problems.warn(path + ": variable '" + blank.name() + "' is not set and has no default");
      }
    }
  }
}
