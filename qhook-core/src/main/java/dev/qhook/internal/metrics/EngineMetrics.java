package dev.qhook.internal.metrics;

import dev.qhook.config.ErrorClass;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.NewRun;
import dev.qhook.spi.RunAdvance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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
  private static final Duration MAX_NEVER_DECAYS = Duration.ofDays(36_500);
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
    this.eventsReceived =
        counter("qhook.events.received", "Accepted events, duplicates and unmatched included");
    this.eventsDuplicated =
        counter("qhook.events.duplicated", "Events answered as duplicates of a stored event");
    this.eventsUnmatched =
        counter(
            "qhook.events.unmatched",
            "Stored events that matched no handler, queue, workflow or outbound subscription");
    this.jobsCreated =
        counter(
            "qhook.jobs.created",
            "Jobs created, of every kind: at ingest, by replays and by workflow transitions");
    this.deliveriesSuccess = deliveries("success");
    this.deliveriesFailure = deliveries("failure");
    this.deliveryDuration =
        Timer.builder("qhook.delivery.duration")
            .description("Duration of delivery attempts; the max is the longest since start")
            // One window as long as a process lives: the max never decays (the default forgets
            // it after two minutes).
            .distributionStatisticExpiry(MAX_NEVER_DECAYS)
            .distributionStatisticBufferLength(1)
            .register(registry);
    this.dbErrors = counter("qhook.db.errors", "Database errors");
    this.alertsSent = counter("qhook.alerts.sent", "Alerts sent");
    this.alertsFailed = counter("qhook.alerts.failed", "Alerts given up after retries");
    LabelCount.register(registry);
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  private Counter counter(String name, String description, String... tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  private Counter deliveries(String result) {
    return counter("qhook.deliveries", "Delivery attempts by result", "result", result);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void eventAccepted(String source, boolean duplicate, int jobs, boolean unmatched) {
    eventsReceived.increment();
    eventsBySource
        .computeIfAbsent(
            source,
            s -> counter("qhook.events.by.source", "Accepted events per source", "source", s))
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

  /** Jobs created outside ingest: by a replay. */
  public void jobsCreated(int jobs) {
    if (jobs > 0) {
      jobsCreated.increment(jobs);
    }
  }

  /** The step jobs a workflow transition created: its next steps and a child run's first step. */
  public void stepJobsCreated(RunAdvance advance) {
    NewRun child = advance.childRun();
    jobsCreated(advance.next().size() + (child != null && child.firstStep() != null ? 1 : 0));
  }

  public void deliveryAttempt(String handler, boolean success, long durationMs) {
    (success ? deliveriesSuccess : deliveriesFailure).increment();
    (success ? deliveriesByHandlerSuccess : deliveriesByHandlerFailure)
        .computeIfAbsent(
            handler,
            h ->
                counter(
                    "qhook.deliveries.by.handler",
                    "Delivery attempts per handler and result",
                    "handler",
                    h,
                    "result",
                    success ? "success" : "failure"))
        .increment();
    deliveryDuration.record(durationMs, TimeUnit.MILLISECONDS);
  }

  public void deliveryError(ErrorClass errorClass) {
    counter(
            "qhook.delivery.errors.by.type",
            "Failed delivery attempts by class: 4xx, 5xx, timeout, network",
            "type",
            errorClass.label())
        .increment();
  }

  public void deadLettered(String handler) {
    counter("qhook.dlq", "Jobs that went dead, per handler", "handler", handler).increment();
  }

  public void circuitOpened(String handler) {
    counter(
            "qhook.circuit.breaker.opened",
            "Circuit breaker trips, per handler",
            "handler",
            handler)
        .increment();
  }

  public void circuitRejected(String handler) {
    counter(
            "qhook.circuit.breaker.rejected",
            "Deliveries skipped by an open circuit breaker, per handler",
            "handler",
            handler)
        .increment();
  }

  /** A cron tick's outcome: stored, duplicate (fired by another instance), failed or skipped. */
  public void cronTick(String source, String result) {
    counter(
            "qhook.cron.ticks",
            "Cron ticks by source and result",
            "source",
            source,
            "result",
            result)
        .increment();
  }

  public void dbError() {
    dbErrors.increment();
  }

  /** {@code qhook_verification_failures_total{source}}: a rejected webhook or SNS signature. */
  public void verificationFailed(String source) {
    counter(
            "qhook.verification.failures",
            "Rejected webhook and SNS signatures, per source",
            "source",
            source)
        .increment();
  }

  public void alertSent() {
    alertsSent.increment();
  }

  public void alertFailed() {
    alertsFailed.increment();
  }

  /**
   * Registers {@code qhook_queue_depth} and {@code qhook_dead_jobs}, read from the database at most
   * once a second. The gauges hold the counts strongly: a gauge holds its object weakly by default,
   * and once the collector took it (soon after start) the gauge read NaN.
   */
  public void registerStoreGauges(Supplier<Map<JobStatus, Long>> counts) {
    CachedRead<Map<JobStatus, Long>> cached = new CachedRead<>(counts);
    Gauge.builder(
            "qhook.queue.depth",
            cached,
            c -> count(c, JobStatus.AVAILABLE) + count(c, JobStatus.RETRYABLE))
        .description("Jobs available or retryable, read from the database at most once a second")
        .strongReference(true)
        .register(registry);
    Gauge.builder("qhook.dead.jobs", cached, c -> count(c, JobStatus.DEAD))
        .description(
            "Jobs that are dead (delivery given up), read from the database at most once a second")
        .strongReference(true)
        .register(registry);
  }

  private static double count(CachedRead<Map<JobStatus, Long>> cached, JobStatus status) {
    Map<JobStatus, Long> counts = cached.get();
    return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
  }
}
