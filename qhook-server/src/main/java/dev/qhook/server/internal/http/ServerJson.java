package dev.qhook.server.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** The server's Jackson mapper: writes response bodies and reads request bodies. */
public final class ServerJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private ServerJson() {}

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response is not serialisable as JSON", e);
    }
  }

  /** The body as JSON, or null when it is not JSON (bodies need not be). */
  public static @Nullable JsonNode parseOrNull(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /** A request body that must be a JSON object, or empty (treated as {@code {}}). */
  public static JsonNode requireObjectOrEmpty(byte[] body) {
    if (body.length == 0) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("malformed JSON body: " + originalMessage(e));
    }
    if (node == null || node.isMissingNode()) {
      return MAPPER.createObjectNode();
    }
    if (!node.isObject()) {
      throw ApiException.badRequest("JSON body must be an object");
    }
    return node;
  }

  private static String originalMessage(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
