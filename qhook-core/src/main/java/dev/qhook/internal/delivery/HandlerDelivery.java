package dev.qhook.internal.delivery;

import dev.qhook.Alert;
import dev.qhook.config.DeliveryConfig;
import dev.qhook.config.RetryPolicy;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.routing.CompiledHandler;
import dev.qhook.internal.routing.Router;
import dev.qhook.spi.AttemptRecord;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Job;
import dev.qhook.spi.LostJobs;
import dev.qhook.spi.Transport;
import dev.qhook.spi.TransportResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed handler job (docs/reference/http-api.md, "Deliveries to handlers"): TTL, circuit
 * breaker, rate limit, the HTTP attempt, and the decision between completed, retry and dead.
 */
public final class HandlerDelivery implements Function<ClaimedJob, Completion> {
  private static final Logger log = LoggerFactory.getLogger(HandlerDelivery.class);
  static final String CIRCUIT_OPEN = "circuit breaker open";
  static final String RATE_LIMITED = "waiting for the handler's rate limit";

  private final Router router;
  private final HandlerRequests requests;
  private final Transport transport;
  private final HandlerGuards guards;
  private final DeliveryConfig delivery;
  private final Clock clock;
  private final RandomGenerator random;
  private final EngineMetrics metrics;
  private final Consumer<Alert> alerts;

  public HandlerDelivery(
      Router router,
      HandlerRequests requests,
      Transport transport,
      HandlerGuards guards,
      DeliveryConfig delivery,
      Clock clock,
      RandomGenerator random,
      EngineMetrics metrics,
      Consumer<Alert> alerts) {
    this.router = router;
    this.requests = requests;
    this.transport = transport;
    this.guards = guards;
    this.delivery = delivery;
    this.clock = clock;
    this.random = random;
    this.metrics = metrics;
    this.alerts = alerts;
  }

  /** Delivers the job and returns its outcome, for the caller to store. Never throws. */
  @Override
  public Completion apply(ClaimedJob claimed) {
    Job job = claimed.job();
    Instant now = clock.instant();
    Optional<CompiledHandler> found = router.handler(job.target());
    if (found.isEmpty()) {
      return dead(job, null, "handler '" + job.target() + "' is no longer configured");
    }
    CompiledHandler handler = found.get();
    if (isExpired(claimed, now)) {
      return dead(job, null, LostJobs.TTL_EXPIRED);
    }
    CircuitBreaker breaker = guards.breaker(handler.name());
    CircuitBreaker.Permit permit = breaker.tryAcquire(now);
    if (!permit.granted()) {
      metrics.circuitRejected(handler.name());
      return new Completion.Released(job.id(), job.attempt(), permit.retryAt(), CIRCUIT_OPEN);
    }
    try {
      return attempt(handler, claimed, breaker);
    } finally {
      breaker.release(permit); // a probe that recorded no outcome, even after an Error
    }
  }

  /**
   * Sends, and records the outcome in the breaker; a job whose handler's rate limit has no permit
   * now goes back to the store until the permit booked for it is due, so that it holds no worker
   * while other handlers' jobs wait.
   */
  private Completion attempt(CompiledHandler handler, ClaimedJob claimed, CircuitBreaker breaker) {
    Job job = claimed.job();
    Optional<Instant> limited =
        guards.rateLimitedUntil(handler.config(), job.id(), clock.instant());
    if (limited.isPresent()) {
      log.debug(
          "job {} waits for the rate limit of handler {} until {}",
          job.id(),
          handler.name(),
          limited.get());
      return new Completion.Released(job.id(), job.attempt(), limited.get(), RATE_LIMITED);
    }
    Instant sentAt = clock.instant();
    TransportResult result = send(handler, claimed, sentAt);
    Instant doneAt = clock.instant();
    AttemptOutcome outcome = AttemptOutcome.classify(result, doneAt);
    metrics.deliveryAttempt(
        handler.name(), outcome instanceof AttemptOutcome.Success, outcome.durationMs());
    if (outcome instanceof AttemptOutcome.Success) {
      breaker.onSuccess();
      return new Completion.Succeeded(job.id(), job.attempt(), record(job, outcome, null, sentAt));
    }
    AttemptOutcome.Failure failure = (AttemptOutcome.Failure) outcome;
    metrics.deliveryError(failure.errorClass());
    if (breaker.onFailure(doneAt)) {
      metrics.circuitOpened(handler.name());
      log.warn("circuit breaker opened for handler {}", handler.name());
      alerts.accept(Alert.circuitOpened(handler.name()));
    }
    AttemptRecord record = record(job, outcome, failure, sentAt);
    RetryPolicy policy = handler.config().retry();
    if (policy.errors().contains(failure.errorClass()) && job.attempt() < job.maxAttempts()) {
      Duration delay =
          failure.retryAfter() != null
              ? failure.retryAfter()
              : RetryDelays.delay(policy, job.attempt(), random);
      return new Completion.Retry(
          job.id(), job.attempt(), record, doneAt.plus(delay), failure.error());
    }
    return dead(job, record, failure.error());
  }

  private Completion dead(Job job, @Nullable AttemptRecord record, String error) {
    metrics.deadLettered(job.target());
    log.warn(
        "job {} of event {} for handler {} is dead after attempt {}: {}",
        job.id(),
        job.eventId(),
        job.target(),
        job.attempt(),
        error);
    alerts.accept(Alert.deadLetter(job.id(), job.target(), job.attempt(), error));
    return new Completion.Dead(job.id(), job.attempt(), record, error);
  }

  /**
   * Whether the event outlived {@code delivery.event_ttl} (docs/reference/configuration.md,
   * "delivery"): never deliver late.
   */
  private boolean isExpired(ClaimedJob claimed, Instant at) {
    Duration ttl = delivery.eventTtl();
    return ttl != null && !at.isBefore(claimed.event().createdAt().plus(ttl));
  }

  /**
   * Builds and sends the request. Whatever goes wrong becomes a classified failure, so the breaker
   * permit is always resolved and the job always completes.
   */
  private TransportResult send(CompiledHandler handler, ClaimedJob claimed, Instant sentAt) {
    try {
      return transport.send(requests.build(handler, claimed, sentAt));
    } catch (RuntimeException e) {
      log.warn("delivery of job {} could not be sent", claimed.job().id(), e);
      return new TransportResult.NetworkError("request not sendable: " + e.getMessage(), 0);
    }
  }

  static AttemptRecord record(
      Job job, AttemptOutcome outcome, AttemptOutcome.@Nullable Failure failure, Instant at) {
    return new AttemptRecord(
        job.attempt(),
        outcome.statusCode(),
        failure == null ? null : failure.error(),
        outcome.durationMs(),
        at,
        failure == null ? null : failure.responseBody());
  }
}
