package dev.qhook.internal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code .env.NAME} file (docs/reference/configuration.md, "Environments: overlays and
 * .env.NAME"): {@code KEY=VALUE} lines; blank lines and {@code #} comments skipped; one pair of
 * surrounding single or double quotes removed from a value.
 */
final class DotEnvFile {
  private DotEnvFile() {}

  /** The pairs of {@code text}, in file order; lines without {@code =} are ignored. */
  static Map<String, String> parse(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String rawLine : text.split("\\R")) {
      String line = rawLine.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      pairs.put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
    }
    return pairs;
  }

  /** {@code env} plus every pair of {@code file} whose variable is not already set. */
  static Map<String, String> addUnset(Map<String, String> env, Map<String, String> file) {
    Map<String, String> out = new LinkedHashMap<>(env);
    file.forEach(out::putIfAbsent);
    return out;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if ((first == '"' || first == '\'') && first == last) {
        return value.substring(1, value.length() - 1);
      }
    }
    return value;
  }
}
