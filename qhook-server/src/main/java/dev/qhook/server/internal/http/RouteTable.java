package dev.qhook.server.internal.http;

import java.util.List;
import java.util.Map;

/** Finds the route for a method and path: 404 when no pattern matches, 405 for another method. */
public final class RouteTable {
  /** A matched route with its decoded path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes;

  public RouteTable(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** Every route, in matching order. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * @throws ApiException 404 {@code not_found} or 405 {@code method_not_allowed}
   */
  public Match match(String method, String rawPath) {
    List<String> segments = PathPattern.split(rawPath);
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.pattern().match(segments);
      if (params == null) {
        continue;
      }
      if (route.accepts(method)) {
        return new Match(route, params);
      }
      pathKnown = true;
    }
    if (pathKnown) {
      throw ApiException.methodNotAllowed(method, rawPath);
    }
    throw ApiException.notFound("no route " + method + " " + rawPath);
  }
}
