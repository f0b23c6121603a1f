package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.BearerToken;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.server.internal.http.Utf8;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /events/{source}/{event_type}} (202) and {@code POST /webhooks/{source}} (200), in
 * the processing order of SPEC §3.2. Global limits have already been applied by the pipeline.
 */
public final class IngestRoutes {
  private static final Logger log = LoggerFactory.getLogger(IngestRoutes.class);
  private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

  private final QHook engine;
  private final Readiness readiness;
  private final BearerToken apiToken;
  private final Map<String, IpAllowList> allowLists = new HashMap<>();

  public IngestRoutes(QHook engine, Readiness readiness, BearerToken apiToken) {
    this.engine = engine;
    this.readiness = readiness;
    this.apiToken = apiToken;
    engine
        .config()
        .sources()
        .forEach(
            (name, source) -> {
              if (!source.allowedIps().isEmpty()) {
                allowLists.put(name, IpAllowList.parse(source.allowedIps()));
              }
            });
  }

  /** Database health, then the token (before the source lookup, so names cannot be probed). */
  public Response events(Request request) {
    readiness.requireReady();
    apiToken.require(request);
    String source = request.pathParam("source");
    requireSource(source, Set.of(SourceType.EVENT, SourceType.OUTBOUND));
    Utf8.require(request.body());
    String eventType = firstNonEmpty(request.header("ce-type"), request.pathParam("type"));
    return Response.json(202, ingest(request, source, eventType));
  }

  /**
   * Sources with {@code verify} are refused until signature verification is part of the build, so
   * nothing unverified is ever stored.
   */
  public Response webhooks(Request request) {
    readiness.requireReady();
    String source = request.pathParam("source");
    SourceConfig config = requireSource(source, Set.of(SourceType.WEBHOOK));
    IpAllowList allowed = allowLists.get(source);
    if (allowed != null && !allowed.allows(request.clientIp())) {
      throw ApiException.ipNotAllowed(request.clientIp());
    }
    if (config.verify() != null) {
      throw ApiException.signatureInvalid("signature verification not available in this build");
    }
    Utf8.require(request.body());
    return Response.ok(ingest(request, source, webhookEventType(request)));
  }

  private SourceConfig requireSource(String name, Set<SourceType> types) {
    SourceConfig source = engine.config().sources().get(name);
    if (source == null || !types.contains(source.type())) {
      throw ApiException.notFound("no source '" + name + "' for this route");
    }
    return source;
  }

  /** SPEC §3.3 for webhooks without a verify scheme: ce-type, a CloudEvents body, else "event". */
  private static String webhookEventType(Request request) {
    String contentType = request.header("Content-Type");
    String fromBody = null;
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CLOUDEVENTS_JSON)) {
      JsonNode body = ServerJson.parseOrNull(request.body());
      if (body != null && body.path("type").isTextual()) {
        fromBody = body.path("type").textValue();
      }
    }
    return firstNonEmpty(request.header("ce-type"), firstNonEmpty(fromBody, "event"));
  }

  private Map<String, Object> ingest(Request request, String source, String eventType) {
    IngestResult result =
        engine.ingest(new IngestRequest(source, eventType, request.body(), request.headerMap()));
    log.debug(
        "accepted event_id={} source={} event_type={} duplicate={} jobs_created={}",
        result.eventId(),
        source,
        eventType,
        result.duplicate(),
        result.jobsCreated());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event_id", result.eventId());
    body.put("duplicate", result.duplicate());
    body.put("jobs_created", result.jobsCreated());
    body.put("workflow_runs_started", result.workflowRunsStarted());
    return body;
  }

  private static String firstNonEmpty(@Nullable String first, String second) {
    return first == null || first.isEmpty() ? second : first;
  }
}
