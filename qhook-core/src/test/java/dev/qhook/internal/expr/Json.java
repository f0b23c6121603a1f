package dev.qhook.internal.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helper: parses JSON text. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads decimals exactly, so a rendered number compares with the value it came from. */
  static final ObjectMapper EXACT_MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  static JsonNode parse(String json) {
    return parse(MAPPER, json);
  }

  static JsonNode parseExactly(String json) {
    return parse(EXACT_MAPPER, json);
  }

  private static JsonNode parse(ObjectMapper mapper, String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON: " + json, e);
    }
  }
}
