package dev.qhook.internal.config;

import dev.qhook.internal.json.Json;
import dev.qhook.internal.schema.InvalidSchemaException;
import dev.qhook.internal.schema.SourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A source {@code schema}: JSON text, or an inline YAML mapping converted to JSON text. It must be
 * a valid JSON Schema (draft 2020-12 meta-schema) that compiles.
 */
final class SchemaText {
  private SchemaText() {}

  static @Nullable String read(Section s, String key) {
    Object raw = s.raw(key);
    if (raw == null) {
      return null;
    }
    String text = raw instanceof Map<?, ?> ? Json.write(plain(raw)) : s.string(key);
    if (text == null) {
      return null;
    }
    try {
      SourceSchema.compile(text);
    } catch (InvalidSchemaException e) {
      e.problems().forEach(problem -> s.error(key, problem));
      return null;
    }
    return text;
  }

  /** The tree with {@link Expanded} values turned into plain strings. */
  private static @Nullable Object plain(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value instanceof Expanded e ? e.text() : value;
  }
}
