package dev.qhook.server.internal.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A route path such as {@code /api/jobs/{id}/attempts}: literal segments and {@code {name}}
 * parameters, each parameter matching exactly one non-empty segment.
 */
public final class PathPattern {
  private final String text;
  private final List<String> segments;

  private PathPattern(String text, List<String> segments) {
    this.text = text;
    this.segments = segments;
  }

  public static PathPattern parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a path pattern starts with '/': " + text);
    }
    return new PathPattern(text, split(text));
  }

  /** The decoded parameters when {@code segments} match, else null. */
  public @Nullable Map<String, String> match(List<String> requestSegments) {
    if (requestSegments.size() != segments.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = requestSegments.get(i);
      if (isParameter(expected)) {
        if (actual.isEmpty()) {
          return null;
        }
        params.put(expected.substring(1, expected.length() - 1), actual);
      } else if (!expected.equals(actual)) {
        return null;
      }
    }
    return params;
  }

  /** The segments of a raw path, each percent-decoded ({@code +} stays a plus sign). */
  public static List<String> split(String rawPath) {
    String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
    if (trimmed.isEmpty()) {
      return List.of();
    }
    List<String> segments = new ArrayList<>(8);
    int start = 0;
    while (true) {
      int slash = trimmed.indexOf('/', start);
      int end = slash < 0 ? trimmed.length() : slash;
      segments.add(PercentDecoding.decode(trimmed.substring(start, end)));
      if (slash < 0) {
        return segments;
      }
      start = slash + 1;
    }
  }

  private static boolean isParameter(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  @Override
  public String toString() {
    return text;
  }
}
