package dev.qhook.internal.inbound;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body of {@code POST /events/{source}}: a JSON array of 1 to {@code maxEntries} entries
 * {@code {"type": string, "payload": any JSON, "idempotency_key"?: string}}
 * (docs/reference/http-api.md, "POST /events/{source}"). An entry's payload is kept as the bytes
 * the sender wrote (like the body of a single event), not re-serialised. A body that is not such an
 * array is refused whole; an entry that is not such an object is {@link Malformed}, alone.
 */
final class BatchBody {
  private static final JsonFactory JSON = new JsonFactory();

  /** What one entry of the array holds. */
  sealed interface Entry permits Valid, Malformed {}

  /**
   * @param payload the payload's JSON text, byte for byte as sent
   * @param idempotencyKey null when absent, null or empty
   */
  record Valid(String type, byte[] payload, @Nullable String idempotencyKey) implements Entry {
    Valid {
      requireNonNull(type, "type");
      requireNonNull(payload, "payload");
    }
  }

  /** An entry that is not {@code {type, payload, idempotency_key?}}: {@code message} says why. */
  record Malformed(String message) implements Entry {}

  /** The body cannot be read as a batch at all: nothing of it is stored. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private BatchBody() {}

  /**
   * @throws Refused not a JSON array of objects, malformed JSON anywhere, no entry, or more than
   *     {@code maxEntries}
   */
  static List<Entry> parse(byte[] body, int maxEntries) throws Refused {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new Refused("request body must be a JSON array of events");
      }
      List<Entry> entries = new ArrayList<>();
      JsonToken token;
      while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
        if (entries.size() == maxEntries) {
          throw new Refused("a batch holds at most " + maxEntries + " events");
        }
        entries.add(token == JsonToken.START_OBJECT ? entry(p, body) : notAnObject(p, token));
      }
      if (p.nextToken() != null) {
        throw new Refused("request body has more after the JSON array");
      }
      if (entries.isEmpty()) {
        throw new Refused("a batch holds at least one event");
      }
      return entries;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Refused(
          "request body is not valid JSON"
              + (at == null
                  ? ""
                  : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory body", e);
    }
  }

  private static Entry notAnObject(JsonParser p, JsonToken token) throws IOException {
    p.skipChildren();
    return new Malformed("an entry must be a JSON object, was " + kind(token));
  }

  /** Reads one object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private static Entry entry(JsonParser p, byte[] body) throws IOException {
    String type = null;
    byte[] payload = null;
    String key = null;
    String problem = null;
    Set<String> seen = new HashSet<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (!seen.add(field) && problem == null) {
        problem = "field '" + field + "' appears twice";
      }
      switch (field) {
        case "type" -> {
          if (value == JsonToken.VALUE_STRING) {
            type = p.getText();
          } else if (problem == null) {
            problem = "type: must be a string, was " + kind(value);
          }
        }
        case "payload" -> payload = rawValue(p, body);
        case "idempotency_key" -> {
          if (value == JsonToken.VALUE_STRING) {
            key = p.getText();
          } else if (value != JsonToken.VALUE_NULL && problem == null) {
            problem = "idempotency_key: must be a string, was " + kind(value);
          }
        }
        default -> {
          if (problem == null) {
            problem =
                "unknown field '" + field + "' (an entry has type, payload and idempotency_key)";
          }
        }
      }
      p.skipChildren();
    }
    if (problem != null) {
      return new Malformed(problem);
    }
    if (type == null) {
      return new Malformed("type: is required");
    }
    if (payload == null) {
      return new Malformed("payload: is required (any JSON value, null included)");
    }
    return new Valid(type, payload, key);
  }

  /** The bytes of the value the parser is on, as sent; leaves the parser on its last token. */
  private static byte[] rawValue(JsonParser p, byte[] body) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    p.finishToken();
    int end = (int) p.currentLocation().getByteOffset();
    return Arrays.copyOfRange(body, start, end);
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.asString();
    };
  }
}
