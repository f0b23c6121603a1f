package dev.qhook.server.internal.http;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Parses a raw query string; the first value of a repeated parameter wins. */
final class QueryString {
  private QueryString() {}

  static Map<String, String> parse(@Nullable String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = PercentDecoding.decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : PercentDecoding.decodeForm(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return params;
  }
}
