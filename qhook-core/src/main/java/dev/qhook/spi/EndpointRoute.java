package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An active endpoint with the event-type patterns of its subscriptions: what emission needs. */
public record EndpointRoute(Endpoint endpoint, List<String> eventTypes) {
  public EndpointRoute {
    requireNonNull(endpoint, "endpoint");
    eventTypes = List.copyOf(eventTypes);
  }
}
