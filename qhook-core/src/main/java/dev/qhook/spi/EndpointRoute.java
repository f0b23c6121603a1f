package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An active endpoint with its subscriptions (patterns and filters): what emission needs. */
public record EndpointRoute(Endpoint endpoint, List<Subscription> subscriptions) {
  public EndpointRoute {
    requireNonNull(endpoint, "endpoint");
    subscriptions = List.copyOf(subscriptions);
  }

  /** The event-type patterns of the subscriptions, in order. */
  public List<String> eventTypes() {
    return subscriptions.stream().map(Subscription::eventType).toList();
  }
}
