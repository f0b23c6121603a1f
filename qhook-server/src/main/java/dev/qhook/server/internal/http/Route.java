package dev.qhook.server.internal.http;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.CompletableFuture;

/**
 * One entry of the route table; every handler is held in its asynchronous form, a synchronous one
 * answering with an already completed future.
 *
 * @param method an HTTP method, or {@link #ANY_METHOD}
 * @param waits a long poll: its request gives its {@code max_inbound} place back once the handler
 *     has returned, so waiting consumers cannot use up the places ingest needs
 */
public record Route(String method, PathPattern pattern, AsyncRouteHandler handler, boolean waits) {
  public static final String ANY_METHOD = "*";

  public Route {
    requireNonNull(method, "method");
    requireNonNull(pattern, "pattern");
    requireNonNull(handler, "handler");
  }

  public Route(String method, PathPattern pattern, AsyncRouteHandler handler) {
    this(method, pattern, handler, false);
  }

  public static Route get(String path, RouteHandler handler) {
    return new Route("GET", PathPattern.parse(path), now(handler));
  }

  public static Route post(String path, RouteHandler handler) {
    return new Route("POST", PathPattern.parse(path), now(handler));
  }

  /** A POST route answered when its future completes (ingest: after the group commit). */
  public static Route postLater(String path, AsyncRouteHandler handler) {
    return new Route("POST", PathPattern.parse(path), handler);
  }

  public static Route put(String path, RouteHandler handler) {
    return new Route("PUT", PathPattern.parse(path), now(handler));
  }

  public static Route delete(String path, RouteHandler handler) {
    return new Route("DELETE", PathPattern.parse(path), now(handler));
  }

  /**
   * A GET route that may wait before it answers (a long poll): answered when its future completes,
   * holding no {@code max_inbound} place meanwhile.
   */
  public static Route getWaiting(String path, AsyncRouteHandler handler) {
    return new Route("GET", PathPattern.parse(path), handler, true);
  }

  public static Route any(String path, RouteHandler handler) {
    return new Route(ANY_METHOD, PathPattern.parse(path), now(handler));
  }

  private static AsyncRouteHandler now(RouteHandler handler) {
    requireNonNull(handler, "handler");
    return request -> CompletableFuture.completedFuture(handler.handle(request));
  }

  boolean accepts(String requestMethod) {
    return method.equals(ANY_METHOD) || method.equals(requestMethod);
  }
}
