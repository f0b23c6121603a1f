package dev.qhook.internal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.internal.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * An event's raw body and its JSON tree, parsed at most once however many steps read it (schema,
 * event type, filters, keys). Used by the one thread that handles the request.
 */
public final class Payload {
  private final byte[] bytes;
  private boolean parsed;
  private @Nullable JsonNode json;

  private Payload(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Payload of(byte[] bytes) {
    return new Payload(bytes);
  }

  /** A payload whose JSON tree is already known (null: not JSON). */
  public static Payload parsed(byte[] bytes, @Nullable JsonNode json) {
    Payload payload = new Payload(bytes);
    payload.parsed = true;
    payload.json = json;
    return payload;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The body as a JSON tree, or null when it is not JSON; parsed on the first call only. */
  public @Nullable JsonNode json() {
    if (!parsed) {
      json = Json.parseOrNull(bytes);
      parsed = true;
    }
    return json;
  }
}
