package dev.qhook.server.internal.routes;

import dev.qhook.WorkflowRuns;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import java.util.Map;

/**
 * {@code POST /callback/{token}} (docs/reference/http-api.md, "POST /callback/{token}"): completes
 * the waiting callback step that issued the token, with the request body (any content, up to {@code
 * server.max_body_size}) as its result. No authentication: the token is the credential. The first
 * call gets 200; every other call (used, unknown, expired, cancelled or malformed token) gets the
 * same 404, so a caller learns nothing about tokens it does not hold.
 */
final class CallbackRoute {
  static final String NOT_FOUND = "no waiting callback for this token";

  private final WorkflowRuns runs;

  CallbackRoute(WorkflowRuns runs) {
    this.runs = runs;
  }

  Response complete(Request request) {
    if (!runs.completeCallback(request.pathParam("token"), request.body())) {
      throw ApiException.notFound(NOT_FOUND);
    }
    return Response.ok(Map.of("status", "completed"));
  }
}
