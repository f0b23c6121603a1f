package dev.qhook.server.internal.routes;

import dev.qhook.InboundRequest;
import dev.qhook.QHook;
import dev.qhook.config.ServerConfig;
import dev.qhook.server.internal.http.BearerToken;
import dev.qhook.server.internal.http.Request;
import dev.qhook.server.internal.http.Response;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /webhooks/{source}}, {@code POST /events/{source}/{event_type}}, {@code POST
 * /events/{source}} (a batch) and {@code POST /sns/{source}}: read the request, one engine call,
 * write the answer. The pipeline has applied the global limits; the engine does every other check.
 * Answers follow the commit without holding a request thread meanwhile.
 */
public final class IngestRoutes {
  private final QHook engine;
  private final Readiness readiness;
  private final BearerToken apiToken;
  private final ServerConfig server;

  IngestRoutes(QHook engine, Readiness readiness, BearerToken apiToken) {
    this.engine = engine;
    this.readiness = readiness;
    this.apiToken = apiToken;
    this.server = engine.config().server();
  }

  /**
   * Readiness, then the token (before the engine looks the source up, so names cannot be probed).
   */
  public CompletableFuture<Response> events(Request request) {
    readiness.requireReady();
    apiToken.require(request);
    return receive(
        InboundRequest.event(request.pathParam("source"), request.pathParam("type")), request);
  }

  /** {@code POST /events/{source}}: a batch; guarded exactly as {@link #events}. */
  public CompletableFuture<Response> eventBatch(Request request) {
    readiness.requireReady();
    apiToken.require(request);
    return receive(InboundRequest.eventBatch(request.pathParam("source")), request);
  }

  public CompletableFuture<Response> webhooks(Request request) {
    readiness.requireReady();
    InboundRequest.Builder inbound =
        InboundRequest.webhook(request.pathParam("source")).clientAddress(request.clientIp());
    String url = RequestUrls.of(request, server);
    if (url != null) {
      inbound.url(url);
    }
    return receive(inbound, request);
  }

  public CompletableFuture<Response> sns(Request request) {
    readiness.requireReady();
    return receive(InboundRequest.sns(request.pathParam("source")), request);
  }

  private CompletableFuture<Response> receive(InboundRequest.Builder inbound, Request request) {
    InboundRequest built = inbound.headers(request.headers()).body(request.body()).build();
    return engine.receiveAsync(built).thenApply(InboundResponses::of);
  }
}
