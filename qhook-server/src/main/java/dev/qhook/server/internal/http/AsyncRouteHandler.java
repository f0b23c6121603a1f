package dev.qhook.server.internal.http;

import java.util.concurrent.CompletableFuture;

/**
 * Answers one matched request later: the request thread returns once the future is set up, and the
 * pipeline writes the response when it completes (on a request thread, never on the completing
 * one). Failures, thrown now or completing the future, are mapped like those of a {@link
 * RouteHandler}.
 */
@FunctionalInterface
public interface AsyncRouteHandler {
  CompletableFuture<Response> handle(Request request);
}
