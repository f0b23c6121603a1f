package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.Admin;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /api/jobs} routes (docs/reference/http-api.md, "Management API"): list, detail,
 * attempts, retry one, retry dead; and an event's jobs ({@code /api/events/{id}/jobs}).
 */
public final class JobApi {
  private final Admin admin;

  public JobApi(Admin admin) {
    this.admin = admin;
  }

  public Response list(Request request) {
    return page(request, ListParams.emptyToNull(request.query("event_id")));
  }

  /**
   * {@code GET /api/events/{id}/jobs}: the event's jobs, filtered and paged as the list is; 404 for
   * an unknown event.
   */
  public Response ofEvent(Request request) {
    String id = request.pathParam("id");
    if (admin.event(id).isEmpty()) {
      throw ApiException.notFound("no event '" + id + "'");
    }
    return page(request, id);
  }

  private Response page(Request request, @Nullable String eventId) {
    ListParams p = ListParams.of(request);
    Page<Job> page =
        admin.jobs(
            new JobQuery(
                status(request.query("status")),
                ListParams.emptyToNull(request.query("handler")),
                eventId,
                p.since(),
                p.until(),
                p.after(),
                p.limit(),
                p.descending()));
    return Response.ok(ApiViews.page("jobs", page, ApiViews::job));
  }

  public Response detail(Request request) {
    Job job = requireJob(request.pathParam("id"));
    Map<String, Object> body = ApiViews.job(job);
    if ("true".equalsIgnoreCase(request.query("include_attempts"))) {
      body.put("attempts", admin.attempts(job.id()).stream().map(ApiViews::attempt).toList());
    }
    return Response.ok(body);
  }

  public Response attempts(Request request) {
    Job job = requireJob(request.pathParam("id"));
    return Response.ok(
        Map.of("attempts", admin.attempts(job.id()).stream().map(ApiViews::attempt).toList()));
  }

  /** 409 unless the job is dead or retryable, and for workflow jobs (those use run redrive). */
  public Response retry(Request request) {
    Job job = requireJob(request.pathParam("id"));
    if (job.kind() == JobKind.WORKFLOW_STEP) {
      throw ApiException.conflict(
          "job " + job.id() + " belongs to a workflow run; redrive the run instead");
    }
    if (job.status() != JobStatus.DEAD && job.status() != JobStatus.RETRYABLE) {
      throw ApiException.conflict(
          "job "
              + job.id()
              + " is "
              + job.status().label()
              + "; only dead or retryable jobs can be retried");
    }
    if (!admin.retryJob(job.id())) {
      throw ApiException.conflict("job " + job.id() + " changed state; not retried");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", job.id());
    body.put("status", JobStatus.AVAILABLE.label());
    return Response.ok(body);
  }

  /** Parameters from the query string or a JSON body; only {@code status=dead} is allowed. */
  public Response retryDead(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    String status = ListParams.queryOrBody(request, body, "status");
    if (status != null && !status.equals(JobStatus.DEAD.label())) {
      throw ApiException.badRequest(
          "status: only 'dead' can be retried in bulk, was '" + status + "'");
    }
    int retried =
        admin.retryDead(
            new JobQuery(
                JobStatus.DEAD,
                ListParams.queryOrBody(request, body, "handler"),
                null,
                ListParams.instant("since", ListParams.queryOrBody(request, body, "since")),
                ListParams.instant("until", ListParams.queryOrBody(request, body, "until")),
                null,
                EventQuery.MAX_LIMIT,
                false));
    return Response.ok(Map.of("retried", retried));
  }

  private Job requireJob(String id) {
    return admin.job(id).orElseThrow(() -> ApiException.notFound("no job '" + id + "'"));
  }

  private static @Nullable JobStatus status(@Nullable String label) {
    if (label == null || label.isEmpty()) {
      return null;
    }
    try {
      return JobStatus.fromLabel(label);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "status: unknown job status '"
              + label
              + "' (one of "
              + Arrays.stream(JobStatus.values())
                  .map(JobStatus::label)
                  .collect(Collectors.joining(", "))
              + ")");
    }
  }
}
