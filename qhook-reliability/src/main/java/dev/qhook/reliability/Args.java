package dev.qhook.reliability;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options of the kit's mains; unknown names are refused. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  static Args parse(String[] argv, String... allowed) {
    Args args = new Args();
    Set<String> names = Set.of(allowed);
    for (int i = 0; i < argv.length; i++) {
      String arg = argv[i];
      if (!arg.startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
      }
      String name = arg.substring(2);
      if (!names.contains(name)) {
        throw new IllegalArgumentException(
            "unknown option --" + name + " (allowed: " + names + ")");
      }
      args.values.put(name, argv[++i]);
    }
    return args;
  }

  String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing option --" + name);
    }
    return value;
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int getInt(String name, int fallback) {
    String value = values.get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  long getLong(String name, long fallback) {
    String value = values.get(name);
    return value == null ? fallback : Long.parseLong(value);
  }
}
