package dev.qhook.server.internal.routes;

import dev.qhook.IngestRequest;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /events/{source}/{event_type}} (202) and {@code POST /webhooks/{source}} (200), in
 * the processing order of SPEC §3.2. Global limits have already been applied by the pipeline. Both
 * answer once the event is committed, without holding a request thread meanwhile.
 */
public final class IngestRoutes {
  private static final Set<SourceType> EVENT_SOURCES =
      Set.of(SourceType.EVENT, SourceType.OUTBOUND);
  private static final Set<SourceType> WEBHOOK_SOURCES = Set.of(SourceType.WEBHOOK);
  private final QHook engine;
  private final Readiness readiness;
  private final BearerToken apiToken;
  private final SourceVerifiers verifiers;
  private final SourceSchemas schemas;
  private final IngestResponses responses;
  private final Map<String, IpAllowList> allowLists = new HashMap<>();

  IngestRoutes(
      QHook engine,
      Readiness readiness,
      BearerToken apiToken,
      VerificationSettings verification,
      IngestResponses responses) {
    this.engine = engine;
    this.readiness = readiness;
    this.apiToken = apiToken;
    this.verifiers = new SourceVerifiers(engine, verification.clock());
    this.schemas = new SourceSchemas(engine.config());
    this.responses = responses;
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

  /**
   * Database health, the token (before the source lookup, so names cannot be probed), source,
   * UTF-8, schema, event type.
   */
  public CompletableFuture<Response> events(Request request) {
    readiness.requireReady();
    apiToken.require(request);
    String source = request.pathParam("source");
    requireSource(source, EVENT_SOURCES);
    Utf8.require(request.body());
    schemas.require(source, request.body());
    String eventType = firstNonEmpty(request.header("ce-type"), request.pathParam("type"));
    return ingest(request, source, eventType, 202);
  }

  /**
   * Database health, source, {@code allowed_ips}, signature on the raw bytes, UTF-8, schema, event
   * type; nothing is stored unless every check passes.
   */
  public CompletableFuture<Response> webhooks(Request request) {
    readiness.requireReady();
    String source = request.pathParam("source");
    SourceConfig config = requireSource(source, WEBHOOK_SOURCES);
    IpAllowList allowed = allowLists.get(source);
    if (allowed != null && !allowed.allows(request.clientIp())) {
      throw ApiException.ipNotAllowed(request.clientIp());
    }
    verifiers.require(source, request);
    Utf8.require(request.body());
    schemas.require(source, request.body());
    String eventType =
        WebhookEventTypes.of(
            config.verify(), request, () -> ServerJson.parseOrNull(request.body()));
    return ingest(request, source, eventType, 200);
  }

  private SourceConfig requireSource(String name, Set<SourceType> types) {
    SourceConfig source = engine.config().sources().get(name);
    if (source == null || !types.contains(source.type())) {
      throw ApiException.notFound("no source '" + name + "' for this route");
    }
    return source;
  }

  private CompletableFuture<Response> ingest(
      Request request, String source, String eventType, int status) {
    return responses.ingestLater(
        new IngestRequest(source, eventType, request.body(), request.headerMap()), status);
  }

  private static String firstNonEmpty(@Nullable String first, String second) {
    return first == null || first.isEmpty() ? second : first;
  }
}
