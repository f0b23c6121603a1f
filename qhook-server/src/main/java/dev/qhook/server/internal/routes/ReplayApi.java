package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.Admin;
import dev.qhook.BulkReplayResult;
import dev.qhook.ReplayResult;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.EventQuery;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/events/{id}/replay} and {@code POST /api/events/replay}
 * (docs/reference/http-api.md, "Replay"): stored events routed again through the current config.
 */
public final class ReplayApi {
  /** Events replayed per bulk call when {@code limit} is absent. */
  static final int DEFAULT_LIMIT = 100;

  private final Admin admin;

  public ReplayApi(Admin admin) {
    this.admin = admin;
  }

  public Response replayOne(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    String id = request.pathParam("id");
    ReplayResult result =
        admin
            .replay(id, targets(body))
            .orElseThrow(() -> ApiException.notFound("no event '" + id + "'"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("event_id", result.eventId());
    out.put("jobs_created", result.jobsCreated());
    out.put("workflow_runs_started", result.workflowRunsStarted());
    return Response.ok(out);
  }

  public Response replayMany(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    JsonNode limit = body.get("limit");
    if (limit != null && !limit.isNull() && !limit.isIntegralNumber()) {
      throw ApiException.badRequest("limit: must be an integer from 1 to " + EventQuery.MAX_LIMIT);
    }
    EventQuery query =
        new EventQuery(
            OutboundParams.text(body, "source"),
            OutboundParams.text(body, "event_type"),
            ListParams.instant("since", OutboundParams.text(body, "since")),
            ListParams.instant("until", OutboundParams.text(body, "until")),
            OutboundParams.text(body, "after"),
            ListParams.limit(
                limit == null || limit.isNull() ? null : limit.asText(), DEFAULT_LIMIT),
            false);
    BulkReplayResult result = admin.replayAll(query, targets(body));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("replayed", result.replayed());
    out.put("jobs_created", result.jobsCreated());
    out.put("workflow_runs_started", result.workflowRunsStarted());
    out.put("has_more", result.hasMore());
    out.put("last_event_id", result.lastEventId());
    return Response.ok(out);
  }

  /** {@code targets}: an array of names, or absent for every consumer. */
  private static @Nullable Set<String> targets(JsonNode body) {
    List<String> names = OutboundParams.strings(body, "targets");
    return names == null ? null : new LinkedHashSet<>(names);
  }
}
