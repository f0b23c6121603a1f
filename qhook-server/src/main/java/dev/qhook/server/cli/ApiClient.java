package dev.qhook.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The management API (docs/reference/http-api.md, "Management API") as the commands that read and
 * repair data use it: through a running server ({@link RemoteApi}) or on the database itself
 * ({@link LocalApi}), answering the same JSON either way. Errors are a {@link CliFailure} with the
 * API's code and message.
 */
interface ApiClient extends AutoCloseable {
  /** One request: a path with its query string, and a JSON body or none when null. */
  JsonNode send(String method, String path, @Nullable String json);

  default JsonNode get(String path) {
    return send("GET", path, null);
  }

  default JsonNode post(String path, @Nullable String json) {
    return send("POST", path, json);
  }

  default JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  /** Whether this goes through a running server. */
  boolean remote();

  @Override
  default void close() {}
}
