package dev.qhook.server.internal.http;

import static java.util.Objects.requireNonNull;

/**
 * One entry of the route table.
 *
 * @param method an HTTP method, or {@link #ANY_METHOD}
 */
public record Route(String method, PathPattern pattern, RouteHandler handler) {
  public static final String ANY_METHOD = "*";

  public Route {
    requireNonNull(method, "method");
    requireNonNull(pattern, "pattern");
    requireNonNull(handler, "handler");
  }

  public static Route get(String path, RouteHandler handler) {
    return new Route("GET", PathPattern.parse(path), handler);
  }

  public static Route post(String path, RouteHandler handler) {
    return new Route("POST", PathPattern.parse(path), handler);
  }

  public static Route any(String path, RouteHandler handler) {
    return new Route(ANY_METHOD, PathPattern.parse(path), handler);
  }

  boolean accepts(String requestMethod) {
    return method.equals(ANY_METHOD) || method.equals(requestMethod);
  }
}
