package dev.qhook.internal.workflow.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.qhook.internal.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to and from the JSON documents a run passes between steps (docs/reference/configuration.md,
 * "Data flow"): a response body, a callback body or an event payload is parsed as JSON, else taken
 * as a JSON string of its UTF-8 text; an empty body is {@code null}.
 */
public final class StepResults {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StepResults() {}

  /**
   * The result a body stands for: the JSON value when the whole body is one JSON value (surrounding
   * whitespace allowed), a JSON null when it is empty, else a JSON string holding its text.
   */
  public static JsonNode result(byte[] body) {
    if (body.length == 0) {
      return NODES.nullNode();
    }
    JsonNode json = Json.parseWholeOrNull(body);
    return json != null ? json : NODES.textNode(new String(body, StandardCharsets.UTF_8));
  }

  /** {@link #result(byte[])} of the UTF-8 bytes of {@code text}. */
  public static JsonNode result(String text) {
    return result(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A document as compact JSON, e.g. a step's input as the body of its HTTP call. */
  public static byte[] bytes(JsonNode document) {
    return Json.write(document).getBytes(StandardCharsets.UTF_8);
  }

  /** A document as compact JSON text. */
  public static String text(JsonNode document) {
    return Json.write(document);
  }
}
