package dev.qhook.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The shared Jackson mapper and lenient parsing of bodies that may or may not be JSON. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Reads decimals as written ({@code 1e999}, {@code 0.1000000000000000000001}), so filters compare
   * them exactly (docs/reference/configuration.md, "Filters"); see {@link BoundedDecimalNodes} for
   * exponents beyond ±1000.
   */
  private static final ObjectMapper EXACT =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
          .setNodeFactory(new BoundedDecimalNodes());

  private Json() {}

  /** The body as a JSON tree with exact decimals, or null when it is not JSON. */
  public static @Nullable JsonNode parseOrNull(byte[] body) {
    if (!mayBeJson(body)) {
      return null;
    }
    try {
      return EXACT.readTree(body);
    } catch (IOException notJson) {
      return null;
    } catch (NumberFormatException exponentBeyondAnInt) {
      return readWithDoubles(body);
    }
  }

  /**
   * As {@link #parseOrNull}, but a body with anything other than whitespace after its first JSON
   * value is not JSON ({@code {"a":1} x} is text, not {@code {"a":1}}).
   */
  public static @Nullable JsonNode parseWholeOrNull(byte[] body) {
    if (!mayBeJson(body)) {
      return null;
    }
    try {
      return EXACT
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(body);
    } catch (IOException notJson) {
      return null;
    } catch (NumberFormatException exponentBeyondAnInt) {
      return parseWholeWithDoubles(body);
    }
  }

  private static @Nullable JsonNode parseWholeWithDoubles(byte[] body) {
    try {
      return MAPPER
          .readerFor(JsonNode.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(body);
    } catch (IOException | NumberFormatException notJson) {
      return null;
    }
  }

  /** A number such as {@code 1e9999999999} no BigDecimal holds: a double reads it as infinity. */
  private static @Nullable JsonNode readWithDoubles(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException | NumberFormatException notJson) {
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
