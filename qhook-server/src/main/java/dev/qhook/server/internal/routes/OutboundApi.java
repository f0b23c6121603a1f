package dev.qhook.server.internal.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.EndpointChange;
import dev.qhook.EndpointRequest;
import dev.qhook.Outbound;
import dev.qhook.OutboundException;
import dev.qhook.server.internal.http.ApiException;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import dev.qhook.server.internal.http.ServerJson;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.EndpointStatus;
import dev.qhook.spi.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code /api/outbound/endpoints} routes (docs/reference/http-api.md, "Outbound endpoints"):
 * the server parses and answers; {@link Outbound} decides. Its refusals become 400 {@code
 * bad_request}, 404 {@code not_found}, 409 {@code conflict} and 422 {@code
 * endpoint_verification_failed}.
 */
public final class OutboundApi {
  private final Outbound outbound;

  public OutboundApi(Outbound outbound) {
    this.outbound = outbound;
  }

  public Response create(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    Map<String, String> metadata = OutboundParams.metadata(body);
    Map<String, String> headers = OutboundParams.stringMap(body, "headers");
    EndpointStatus status = OutboundParams.status(body);
    EndpointRequest create =
        new EndpointRequest(
            OutboundParams.requiredText(body, "source"),
            OutboundParams.requiredText(body, "url"),
            OutboundParams.text(body, "description"),
            status == null ? EndpointStatus.ACTIVE : status,
            metadata == null ? Map.of() : metadata,
            headers == null ? Map.of() : headers,
            OutboundParams.rateLimit(body),
            OutboundParams.retry(body));
    Endpoint created = call(() -> outbound.createEndpoint(create));
    return Response.json(201, OutboundViews.withSecret(created));
  }

  /** Paging, order and the time window (on {@code created_at}) as every list (SPEC §9.1). */
  public Response list(Request request) {
    ListParams p = ListParams.of(request);
    EndpointQuery query =
        new EndpointQuery(
            ListParams.emptyToNull(request.query("source")),
            p.after(),
            p.limit(),
            p.descending(),
            p.since(),
            p.until());
    return Response.ok(
        ApiViews.page("endpoints", outbound.endpoints(query), OutboundViews::endpoint));
  }

  public Response detail(Request request) {
    Endpoint e = require(request.pathParam("id"));
    Map<String, Object> body = OutboundViews.withSecret(e);
    body.putAll(OutboundViews.subscriptions(call(() -> outbound.subscriptions(e.id()))));
    body.put("deliveries", OutboundViews.deliveries(call(() -> outbound.deliveryCounts(e.id()))));
    return Response.ok(body);
  }

  public Response update(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    EndpointChange change =
        new EndpointChange(
            OutboundParams.text(body, "url"),
            OutboundParams.text(body, "description"),
            OutboundParams.status(body),
            OutboundParams.metadata(body),
            OutboundParams.stringMap(body, "headers"),
            OutboundParams.rateLimit(body),
            OutboundParams.retry(body));
    String id = request.pathParam("id");
    return Response.ok(OutboundViews.endpoint(call(() -> outbound.updateEndpoint(id, change))));
  }

  public Response delete(Request request) {
    String id = request.pathParam("id");
    if (!outbound.deleteEndpoint(id)) {
      throw ApiException.notFound("no endpoint '" + id + "'");
    }
    return new Response(204, null, null, null, Map.of());
  }

  public Response rotateSecret(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    String id = request.pathParam("id");
    Endpoint rotated = call(() -> outbound.rotateSecret(id, OutboundParams.grace(body)));
    return Response.ok(OutboundViews.secret(rotated));
  }

  public Response recover(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    Instant since = ListParams.instant("since", OutboundParams.requiredText(body, "since"));
    Instant until = ListParams.instant("until", OutboundParams.text(body, "until"));
    String id = request.pathParam("id");
    int recovered = call(() -> outbound.recover(id, since, until));
    return Response.ok(Map.of("recovered", recovered));
  }

  public Response subscribe(Request request) {
    JsonNode body = ServerJson.requireObjectOrEmpty(request.body());
    List<String> types = OutboundParams.eventTypes(body);
    String filter = OutboundParams.text(body, "filter");
    String id = request.pathParam("id");
    List<Subscription> created = call(() -> outbound.subscribe(id, types, filter));
    return Response.json(201, OutboundViews.subscriptions(created));
  }

  public Response subscriptions(Request request) {
    String id = request.pathParam("id");
    return Response.ok(OutboundViews.subscriptions(call(() -> outbound.subscriptions(id))));
  }

  public Response unsubscribe(Request request) {
    String id = request.pathParam("id");
    String subscription = request.pathParam("sub_id");
    call(
        () -> {
          outbound.unsubscribe(id, subscription);
          return null;
        });
    return new Response(204, null, null, null, Map.of());
  }

  private Endpoint require(String id) {
    return outbound
        .endpoint(id)
        .orElseThrow(() -> ApiException.notFound("no endpoint '" + id + "'"));
  }

  /** Runs an engine call, answering its refusals as the API documents them. */
  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (OutboundException e) {
      throw switch (e.reason()) {
        case INVALID -> ApiException.badRequest(e.getMessage());
        case NOT_FOUND -> ApiException.notFound(e.getMessage());
        case CONFLICT -> ApiException.conflict(e.getMessage());
        case VERIFICATION_FAILED ->
            new ApiException(
                422, "endpoint_verification_failed", e.getMessage(), e.details(), null);
      };
    }
  }
}
