package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ANY /_echo}: answers the request's headers and body; a development target for handlers. A
 * JSON body's {@code challenge} is repeated at the top level, so that it also answers the ownership
 * check of an outbound endpoint.
 */
public final class EchoRoute {
  private EchoRoute() {}

  public static Response echo(Request request) {
    JsonNode json = ServerJson.parseOrNull(request.body());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("headers", request.headerMap());
    body.put("body", json != null ? json : request.bodyText());
    if (json != null && json.isObject() && json.has("challenge")) {
      body.put("challenge", json.get("challenge"));
    }
    return Response.ok(body);
  }
}
