package dev.qhook.internal.delivery;

import dev.qhook.Alert;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.config.SourceConfig;
import dev.qhook.internal.config.RetryBlocks;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.outbound.EndpointHealth;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Endpoint;
import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.OutboundStore;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed outbound job (docs/reference/http-api.md, "Deliveries to outbound endpoints"):
 * reads the endpoint (gone or disabled: dead), TTL, the endpoint's circuit breaker, the signed
 * request with the source's timeout, endpoint health, and the decision between completed, retry
 * (the endpoint's {@code retry}, else the source's; {@code Retry-After}) and dead. The transport's
 * SSRF guard checks the endpoint's address at every delivery.
 *
 * <p>Metrics are labelled {@code outbound/<source>}, not per endpoint: endpoints are created at
 * runtime, without bound (docs/reference/http-api.md, "GET /metrics").
 */
public final class OutboundDelivery implements Function<ClaimedJob, Completion> {
  private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);
  static final String ENDPOINT_DISABLED = "endpoint disabled";
  static final String ENDPOINT_DELETED = "endpoint deleted";
  static final String RATE_LIMITED = "waiting for the endpoint's rate limit";

  /** What the delivery works with besides the job. */
  public record Wiring(
      Map<String, SourceConfig> sources,
      DeliveryConfig delivery,
      OutboundStore store,
      Transport transport,
      Clock clock,
      RandomGenerator random,
      EngineMetrics metrics,
      Consumer<Alert> alerts) {}

  private final Wiring w;
  private final OutboundRequests requests;
  private final EndpointHealth health;

  /** Per endpoint: its circuit breaker and its rate limit's permits. */
  private final HandlerGuards breakers = new HandlerGuards();

  public OutboundDelivery(Wiring wiring, OutboundRequests requests, EndpointHealth health) {
    this.w = wiring;
    this.requests = requests;
    this.health = health;
  }

  /** Delivers the job and returns its outcome, for the caller to store. Never throws. */
  @Override
  public Completion apply(ClaimedJob claimed) {
    Job job = claimed.job();
    Optional<Endpoint> found;
    try {
      found = w.store().endpoint(job.target());
    } catch (RuntimeException e) {
      log.warn("reading endpoint {} failed: {}", job.target(), e.getMessage());
      return new Completion.Released(
          job.id(), job.attempt(), w.clock().instant().plusSeconds(5), "endpoint unreadable");
    }
    if (found.isEmpty()) {
      return dead(job, "outbound", null, ENDPOINT_DELETED);
    }
    Endpoint endpoint = found.get();
    SourceConfig source = w.sources().get(endpoint.source());
    String label = "outbound/" + endpoint.source();
    if (source == null) {
      return dead(job, label, null, "source '" + endpoint.source() + "' is no longer configured");
    }
    if (!endpoint.active()) {
      return dead(job, label, null, ENDPOINT_DISABLED);
    }
    Instant now = w.clock().instant();
    Duration ttl = w.delivery().eventTtl();
    if (ttl != null && !now.isBefore(claimed.event().createdAt().plus(ttl))) {
      return dead(job, label, null, LostJobs.TTL_EXPIRED);
    }
    CircuitBreaker breaker = breakers.breaker(endpoint.id());
    CircuitBreaker.Permit permit = breaker.tryAcquire(now);
    if (!permit.granted()) {
      w.metrics().circuitRejected(label);
      return new Completion.Released(
          job.id(), job.attempt(), permit.retryAt(), HandlerDelivery.CIRCUIT_OPEN);
    }
    try {
      return attempt(endpoint, source, label, claimed, breaker);
    } finally {
      breaker.release(permit);
    }
  }

  private Completion attempt(
      Endpoint endpoint,
      SourceConfig source,
      String label,
      ClaimedJob claimed,
      CircuitBreaker breaker) {
    Job job = claimed.job();
    Optional<Instant> limited =
        breakers.rateLimitedUntil(
            endpoint.id(), endpoint.rateLimit(), job.id(), w.clock().instant());
    if (limited.isPresent()) {
      return new Completion.Released(job.id(), job.attempt(), limited.get(), RATE_LIMITED);
    }
    Instant sentAt = w.clock().instant();
    TransportResult result = send(endpoint, source, claimed, sentAt);
    Instant doneAt = w.clock().instant();
    AttemptOutcome outcome = AttemptOutcome.classify(result, doneAt);
    boolean success = outcome instanceof AttemptOutcome.Success;
    w.metrics().deliveryAttempt(label, success, outcome.durationMs());
    if (success) {
      breaker.onSuccess();
      health.succeeded(endpoint, doneAt);
      return new Completion.Succeeded(
          job.id(), job.attempt(), HandlerDelivery.record(job, outcome, null, sentAt));
    }
    AttemptOutcome.Failure failure = (AttemptOutcome.Failure) outcome;
    w.metrics().deliveryError(failure.errorClass());
    if (breaker.onFailure(doneAt)) {
      w.metrics().circuitOpened(label);
      log.warn("circuit breaker opened for endpoint {}", endpoint.id());
      w.alerts().accept(Alert.circuitOpened("outbound/" + endpoint.id()));
    }
    health.failed(endpoint, doneAt);
    AttemptRecord record = HandlerDelivery.record(job, outcome, failure, sentAt);
    RetryPolicy policy =
        endpoint.retry() == null ? source.retry() : RetryBlocks.parse(endpoint.retry());
    if (policy.errors().contains(failure.errorClass()) && job.attempt() < job.maxAttempts()) {
      Duration delay =
          failure.retryAfter() != null
              ? failure.retryAfter()
              : RetryDelays.delay(policy, job.attempt(), w.random());
      return new Completion.Retry(
          job.id(), job.attempt(), record, doneAt.plus(delay), failure.error());
    }
    return dead(job, label, record, failure.error());
  }

  private Completion dead(Job job, String label, @Nullable AttemptRecord record, String error) {
    w.metrics().deadLettered(label);
    String target = "outbound/" + job.target();
    log.warn(
        "job {} of event {} for {} is dead after attempt {}: {}",
        job.id(),
        job.eventId(),
        target,
        job.attempt(),
        error);
    w.alerts().accept(Alert.deadLetter(job.id(), target, job.attempt(), error));
    return new Completion.Dead(job.id(), job.attempt(), record, error);
  }

  private TransportResult send(
      Endpoint endpoint, SourceConfig source, ClaimedJob claimed, Instant sentAt) {
    try {
      return w.transport().send(requests.delivery(endpoint, claimed, sentAt, source.timeout()));
    } catch (RuntimeException e) {
      log.warn("delivery of job {} could not be sent", claimed.job().id(), e);
      return new TransportResult.NetworkError("request not sendable: " + e.getMessage(), 0);
    }
  }
}
