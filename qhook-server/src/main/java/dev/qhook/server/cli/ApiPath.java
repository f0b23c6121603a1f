package dev.qhook.server.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** A management API path with its query string; parameters without a value are left out. */
final class ApiPath {
  private final StringBuilder text;
  private boolean hasQuery;

  private ApiPath(String path) {
    this.text = new StringBuilder(path);
  }

  /** A path of literal segments and encoded parameters: {@code of("/api/jobs/", id)}. */
  static ApiPath of(String prefix, String... segments) {
    StringBuilder path = new StringBuilder(prefix);
    for (String segment : segments) {
      path.append(encode(segment));
    }
    return new ApiPath(path.toString());
  }

  ApiPath segment(String literal) {
    text.append(literal);
    return this;
  }

  ApiPath param(String name, @Nullable Object value) {
    if (value == null || value.toString().isEmpty()) {
      return this;
    }
    text.append(hasQuery ? '&' : '?').append(name).append('=').append(encode(value.toString()));
    hasQuery = true;
    return this;
  }

  /** One path segment or query value, percent-encoded. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
