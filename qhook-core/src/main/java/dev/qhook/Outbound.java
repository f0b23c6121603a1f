package dev.qhook;

import dev.qhook.spi.Endpoint;
import dev.qhook.spi.EndpointQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.Page;
import dev.qhook.spi.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Outbound webhooks (docs/reference/http-api.md, "Outbound endpoints"), from {@link
 * QHook#outbound()}: the customer endpoints of outbound sources, their subscriptions, secrets and
 * health. Every method fails with an {@link OutboundException} (or {@link UnknownSourceException})
 * for what the caller asked wrong; endpoints returned carry their secrets.
 */
public interface Outbound {
  /**
   * Creates an endpoint with a new secret ({@code whsec_} + base64 of 32 random bytes) after the
   * URL checks and, unless {@code server.skip_endpoint_verification}, the ownership challenge.
   */
  Endpoint createEndpoint(EndpointRequest request);

  Optional<Endpoint> endpoint(String id);

  Page<Endpoint> endpoints(EndpointQuery query);

  /** Applies a change and returns the endpoint as stored. */
  Endpoint updateEndpoint(String id, EndpointChange change);

  /** Deletes the endpoint and its subscriptions; false when there was none. */
  boolean deleteEndpoint(String id);

  /**
   * Installs a new secret; the current one keeps signing for {@code grace} (null: the source's
   * {@code rotation_grace}; zero: not at all). Returns the endpoint as stored.
   */
  Endpoint rotateSecret(String id, @Nullable Duration grace);

  /**
   * Requeues the endpoint's dead deliveries created in [{@code since}, {@code until}) (null: now)
   * with their attempts reset and the same job ids; returns how many. {@link
   * OutboundException.Reason#CONFLICT} when the endpoint is disabled.
   */
  int recover(String id, Instant since, @Nullable Instant until);

  /** The endpoint's deliveries still kept (see {@code worker.retention_hours}), per status. */
  Map<JobStatus, Long> deliveryCounts(String endpointId);

  /** Subscribes the endpoint to event-type patterns; returns the new subscriptions only. */
  default List<Subscription> subscribe(String endpointId, List<String> eventTypes) {
    return subscribe(endpointId, eventTypes, null);
  }

  /**
   * Subscribes the endpoint to event-type patterns, each with {@code filter} on the payload (null:
   * none; {@link OutboundException.Reason#INVALID} when it does not parse); returns the new
   * subscriptions only.
   */
  List<Subscription> subscribe(String endpointId, List<String> eventTypes, @Nullable String filter);

  List<Subscription> subscriptions(String endpointId);

  /** Deletes one subscription of the endpoint ({@link OutboundException.Reason#NOT_FOUND}). */
  void unsubscribe(String endpointId, String subscriptionId);
}
