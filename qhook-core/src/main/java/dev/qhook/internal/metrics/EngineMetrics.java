package dev.qhook.internal.metrics;

import dev.qhook.config.ErrorClass;
import dev.qhook.spi.JobStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The engine's meters, named so that the Prometheus registry renders the names listed in
 * docs/reference/http-api.md, "GET /metrics" ({@code qhook.events.received} becomes {@code
 * qhook_events_received_total}).
 */
public final class EngineMetrics {
  private final MeterRegistry registry;
  private final Counter eventsReceived;
  private final Counter eventsDuplicated;
  private final Counter eventsUnmatched;
  private final Counter jobsCreated;
  private final Counter deliveriesSuccess;
  private final Counter deliveriesFailure;
  private final Timer deliveryDuration;
  private final Counter dbErrors;
  private final Counter alertsSent;
  private final Counter alertsFailed;
  // Tagged meters looked up once per tag value: a registry lookup builds ids and tags every call.
  private final Map<String, Counter> eventsBySource = new ConcurrentHashMap<>();
  private final Map<String, Counter> deliveriesByHandlerSuccess = new ConcurrentHashMap<>();
  private final Map<String, Counter> deliveriesByHandlerFailure = new ConcurrentHashMap<>();

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.eventsReceived = registry.counter("qhook.events.received");
    this.eventsDuplicated = registry.counter("qhook.events.duplicated");
    this.eventsUnmatched = registry.counter("qhook.events.unmatched");
    this.jobsCreated = registry.counter("qhook.jobs.created");
    this.deliveriesSuccess = registry.counter("qhook.deliveries", "result", "success");
    this.deliveriesFailure = registry.counter("qhook.deliveries", "result", "failure");
    this.deliveryDuration = registry.timer("qhook.delivery.duration");
    this.dbErrors = registry.counter("qhook.db.errors");
    this.alertsSent = registry.counter("qhook.alerts.sent");
    this.alertsFailed = registry.counter("qhook.alerts.failed");
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void eventAccepted(String source, boolean duplicate, int jobs, boolean unmatched) {
    eventsReceived.increment();
    eventsBySource
        .computeIfAbsent(source, s -> registry.counter("qhook.events.by.source", "source", s))
        .increment();
    if (duplicate) {
      eventsDuplicated.increment();
    }
    if (unmatched) {
      eventsUnmatched.increment();
    }
    if (jobs > 0) {
      jobsCreated.increment(jobs);
    }
  }

  public void deliveryAttempt(String handler, boolean success, long durationMs) {
    (success ? deliveriesSuccess : deliveriesFailure).increment();
    (success ? deliveriesByHandlerSuccess : deliveriesByHandlerFailure)
        .computeIfAbsent(
            handler,
            h ->
                registry.counter(
                    "qhook.deliveries.by.handler",
                    "handler",
                    h,
                    "result",
                    success ? "success" : "failure"))
        .increment();
    deliveryDuration.record(durationMs, TimeUnit.MILLISECONDS);
  }

  public void deliveryError(ErrorClass errorClass) {
    registry.counter("qhook.delivery.errors.by.type", "type", errorClass.label()).increment();
  }

  public void deadLettered(String handler) {
    registry.counter("qhook.dlq", "handler", handler).increment();
  }

  public void circuitOpened(String handler) {
    registry.counter("qhook.circuit.breaker.opened", "handler", handler).increment();
  }

  public void circuitRejected(String handler) {
    registry.counter("qhook.circuit.breaker.rejected", "handler", handler).increment();
  }

  public void dbError() {
    dbErrors.increment();
  }

  /** {@code qhook_verification_failures_total{source}}: a rejected webhook or SNS signature. */
  public void verificationFailed(String source) {
    registry.counter("qhook.verification.failures", "source", source).increment();
  }

  public void alertSent() {
    alertsSent.increment();
  }

  public void alertFailed() {
    alertsFailed.increment();
  }

  /**
   * Registers {@code qhook_queue_depth} and {@code qhook_dead_jobs}, read from the database at most
   * once a second.
   */
  public void registerStoreGauges(Supplier<Map<JobStatus, Long>> counts) {
    CachedCounts cached = new CachedCounts(counts);
    Gauge.builder(
            "qhook.queue.depth",
            cached,
            c -> c.get(JobStatus.AVAILABLE) + c.get(JobStatus.RETRYABLE))
        .register(registry);
    Gauge.builder("qhook.dead.jobs", cached, c -> c.get(JobStatus.DEAD)).register(registry);
  }

  private static final class CachedCounts {
    private final Supplier<Map<JobStatus, Long>> source;
    private Map<JobStatus, Long> counts = Map.of();
    private long readAtNanos;
    private boolean read;

    CachedCounts(Supplier<Map<JobStatus, Long>> source) {
      this.source = source;
    }

    synchronized double get(JobStatus status) {
      long now = System.nanoTime();
      if (!read || now - readAtNanos > 1_000_000_000L) {
        try {
          counts = source.get();
        } catch (RuntimeException e) {
          return Double.NaN;
        }
        readAtNanos = now;
        read = true;
      }
      return counts.getOrDefault(status, 0L);
    }
  }
}
