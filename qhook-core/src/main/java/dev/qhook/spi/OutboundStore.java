package dev.qhook.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound endpoints and their subscriptions (docs/reference/http-api.md, "Outbound endpoints"),
 * part of a {@link Store} ({@link Store#outbound()}). Deliveries to an endpoint are jobs of kind
 * {@link JobKind#OUTBOUND} whose target is the endpoint's id; they live with the other jobs.
 */
public interface OutboundStore {

  /** Stores a new endpoint. */
  void createEndpoint(Endpoint endpoint);

  Optional<Endpoint> endpoint(String id);

  /** Endpoints in id order, with secrets (callers that list them leave those out). */
  Page<Endpoint> endpoints(EndpointQuery query);

  /**
   * Replaces the stored endpoint of the same id with this one. Returns false when there is none.
   */
  boolean updateEndpoint(Endpoint endpoint);

  /** Deletes an endpoint with its subscriptions. Returns false when there is none. */
  boolean deleteEndpoint(String id);

  /**
   * Adds subscriptions in one transaction and returns those created, in order: a subscription whose
   * endpoint already has its event type (also earlier in the list) is left out. Every subscription
   * must belong to an existing endpoint.
   */
  List<Subscription> subscribe(List<Subscription> subscriptions);

  /** The endpoint's subscriptions, oldest first. */
  List<Subscription> subscriptions(String endpointId);

  /** Deletes one subscription of the endpoint. Returns false when the endpoint has no such one. */
  boolean unsubscribe(String endpointId, String subscriptionId);

  /**
   * The active endpoints of these sources that have at least one subscription, each with its event
   * types, in id order: one read for every endpoint an ingest may emit to.
   */
  List<EndpointRoute> activeRoutes(Collection<String> sources);

  /** The endpoint's deliveries (jobs of kind outbound targeting it) still kept, per status. */
  Map<JobStatus, Long> deliveryCounts(String endpointId);

  /**
   * Records a failed attempt: sets {@code failing_since} to {@code at} unless it is already set.
   * Returns the endpoint as stored afterwards, or empty when it is gone.
   */
  Optional<Endpoint> recordFailure(String id, Instant at);

  /** Records a successful attempt: clears {@code failing_since}. */
  void recordSuccess(String id, Instant at);

  /**
   * Disables an active endpoint with {@code reason}. Returns false when it is gone or already
   * disabled, so that of several instances only one reports the change.
   */
  boolean disable(String id, String reason, Instant at);
}
