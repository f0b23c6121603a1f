package dev.qhook.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The shared Jackson mapper and lenient parsing of bodies that may or may not be JSON. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** The body as a JSON tree, or null when it is not JSON. */
  public static @Nullable JsonNode parseOrNull(byte[] body) {
    if (!mayBeJson(body)) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + e.getMessage(), e);
    }
  }

  private static boolean mayBeJson(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '{'
          || b == '['
          || b == '"'
          || b == '-'
          || (b >= '0' && b <= '9')
          || b == 't'
          || b == 'f'
          || b == 'n';
    }
    return false;
  }
}
