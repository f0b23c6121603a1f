package dev.qhook.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A source {@code schema}: JSON text, or an inline YAML mapping converted to JSON text. It must be
 * a JSON object (or boolean), as a JSON Schema document is.
 */
final class SchemaText {
  private SchemaText() {}

  static @Nullable String read(Section s, String key) {
    Object raw = s.raw(key);
    if (raw == null) {
      return null;
    }
    if (raw instanceof Map<?, ?>) {
      return Json.write(plain(raw));
    }
    String text = s.string(key);
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (node == null || !(node.isObject() || node.isBoolean())) {
        s.error(key, "must be a JSON object (a JSON Schema)");
        return null;
      }
    } catch (JsonProcessingException e) {
      s.error(key, "invalid JSON: " + e.getOriginalMessage());
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
