package dev.qhook.server;

import dev.qhook.server.internal.http.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's route table against its OpenAPI description, both ways: routes the description
 * lacks, and described operations no route answers. Paths compare by shape (parameter names aside:
 * {@code /events/{source}/{type}} is {@code /events/{source}/{event_type}}); a route for any method
 * ({@code /_echo}) is described when its path has at least one operation, and answers every method.
 *
 * @param undescribed routes without an operation, as {@code METHOD /path} of the route table
 * @param unrouted operations without a route, as {@code METHOD /path} of the description
 */
record RouteCoverage(List<String> undescribed, List<String> unrouted) {

  static RouteCoverage of(List<Route> routes, OpenApiDescription description) {
    Set<String> described = new HashSet<>();
    Set<String> describedPaths = new HashSet<>();
    for (OpenApiDescription.Operation operation : description.operations()) {
      String shape = OpenApiDescription.shape(operation.path());
      described.add(operation.method() + " " + shape);
      describedPaths.add(shape);
    }
    Set<String> routed = new HashSet<>();
    Set<String> anyMethodPaths = new HashSet<>();
    List<String> undescribed = new ArrayList<>();
    for (Route route : routes) {
      String shape = OpenApiDescription.shape(route.pattern().toString());
      if (route.method().equals(Route.ANY_METHOD)) {
        anyMethodPaths.add(shape);
        if (!describedPaths.contains(shape)) {
          undescribed.add("ANY " + route.pattern());
        }
      } else {
        routed.add(route.method() + " " + shape);
        if (!described.contains(route.method() + " " + shape)) {
          undescribed.add(route.method() + " " + route.pattern());
        }
      }
    }
    List<String> unrouted = new ArrayList<>();
    for (OpenApiDescription.Operation operation : description.operations()) {
      String shape = OpenApiDescription.shape(operation.path());
      if (!routed.contains(operation.method() + " " + shape) && !anyMethodPaths.contains(shape)) {
        unrouted.add(operation.toString());
      }
    }
    return new RouteCoverage(List.copyOf(undescribed), List.copyOf(unrouted));
  }

  boolean complete() {
    return undescribed.isEmpty() && unrouted.isEmpty();
  }

  /** What is wrong, naming every route and operation concerned; empty when complete. */
  String report() {
    StringBuilder report = new StringBuilder();
    if (!undescribed.isEmpty()) {
      report
          .append("routes the server registers but openapi.yaml does not describe: ")
          .append(undescribed)
          .append('\n');
    }
    if (!unrouted.isEmpty()) {
      report
          .append("operations openapi.yaml describes but the server has no route for: ")
          .append(unrouted)
          .append('\n');
    }
    return report.toString();
  }
}
