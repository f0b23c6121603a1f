package dev.qhook.server.internal.routes;

import dev.qhook.Admin;
import dev.qhook.WorkflowRuns;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.spi.Event;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.Page;
import dev.qhook.spi.RunQuery;

/**
 * {@code GET /api/events} and {@code GET /api/events/{id}} (docs/reference/http-api.md, "GET
 * /api/events", "GET /api/events/{id}").
 */
public final class EventApi {
  private final Admin admin;
  private final WorkflowRuns runs;

  public EventApi(Admin admin, WorkflowRuns runs) {
    this.admin = admin;
    this.runs = runs;
  }

  public Response list(Request request) {
    ListParams p = ListParams.of(request);
    Page<Event> page =
        admin.events(
            new EventQuery(
                ListParams.emptyToNull(request.query("source")),
                ListParams.emptyToNull(request.query("event_type")),
                p.since(),
                p.until(),
                p.after(),
                p.limit(),
                p.descending()));
    return Response.ok(ApiViews.page("events", page, ApiViews::eventSummary));
  }

  public Response detail(Request request) {
    String id = request.pathParam("id");
    Event event = admin.event(id).orElseThrow(() -> ApiException.notFound("no event '" + id + "'"));
    return Response.ok(
        ApiViews.eventDetail(
            event,
            admin.jobs(JobQuery.forEvent(id)).items(),
            runs.runs(RunQuery.forEvent(id)).items()));
  }
}
