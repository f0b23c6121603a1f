package dev.qhook.server.internal.http;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a route answers: a status, a body (a value written as JSON, or raw bytes with their content
 * type) and extra headers.
 */
public record Response(
    int status,
    @Nullable Object json,
    byte @Nullable [] raw,
    @Nullable String contentType,
    Map<String, String> headers) {

  public Response {
    headers = Map.copyOf(headers);
  }

  public static Response json(int status, Object body) {
    return new Response(status, requireNonNull(body, "body"), null, null, Map.of());
  }

  public static Response ok(Object body) {
    return json(200, body);
  }

  /** A body that is already JSON text, served as {@code application/json}. */
  public static Response jsonText(int status, String json) {
    return new Response(
        status, null, json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
  }

  public static Response text(int status, String contentType, String body) {
    return new Response(status, null, body.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
  }

  /**
   * The JSON error body (docs/reference/http-api.md, "Conventions"), with {@code Retry-After} when
   * the error has one.
   */
  public static Response error(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", e.code());
    body.put("message", e.getMessage());
    if (e.details() != null) {
      body.put("details", e.details());
    }
    Map<String, String> headers =
        e.retryAfterSeconds() == null
            ? Map.of()
            : Map.of("Retry-After", Integer.toString(e.retryAfterSeconds()));
    return new Response(e.status(), body, null, null, headers);
  }
}
