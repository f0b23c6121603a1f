package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.QHookConfig;
import dev.qhook.internal.engine.EngineRuntime;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The event gateway engine: accepts events, stores each once with the jobs it creates, and delivers
 * them.
 *
 * <pre>{@code
 * try (QHook qhook = QHook.builder().config(QHookConfig.load(Path.of("qhook.yaml"))).build()) {
 *   qhook.start();
 *   qhook.ingest(IngestRequest.of("app", "order.created", "{\"id\":1}"));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops claiming work, lets deliveries in flight finish for up to
 * {@code worker.drain_timeout}, and returns the rest to the store without consuming attempts.
 */
public final class QHook implements AutoCloseable {
  /** The version sent in {@code User-Agent: qhook/<version>}. */
  public static final String VERSION = "0.1.0";

  private final EngineRuntime runtime;

  private QHook(EngineRuntime runtime) {
    this.runtime = runtime;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Migrates the store, recovers orphaned jobs and starts delivering. */
  public void start() {
    runtime.start();
  }

  /**
   * Stores the event and every job it creates in one transaction, then returns.
   *
   * @throws UnknownSourceException the source is not configured
   * @throws UnavailableException not started, shutting down, or the database is unhealthy
   * @throws StoreException the write failed; nothing was stored
   */
  public IngestResult ingest(IngestRequest request) {
    return runtime.ingest(request);
  }

  /**
   * {@link #ingest(IngestRequest)} without blocking the caller: the future completes once the event
   * and its jobs are committed (shared with concurrent ingests in one transaction), or fails with a
   * {@link StoreException} when nothing was stored.
   *
   * <p>The future completes on the engine's commit thread, which every ingest shares: stages
   * chained to it must be short and must never block (use the {@code *Async} variants with your own
   * executor for anything else, such as writing to a client).
   *
   * @throws UnknownSourceException the source is not configured (nothing is queued)
   * @throws UnavailableException not started, shutting down, or the database is unhealthy
   */
  public CompletableFuture<IngestResult> ingestAsync(IngestRequest request) {
    return runtime.ingestAsync(request);
  }

  /** Shorthand for {@link #ingest(IngestRequest)}. */
  public IngestResult ingest(
      String source, String eventType, byte[] body, Map<String, String> headers) {
    return ingest(new IngestRequest(source, eventType, body, headers));
  }

  /** Queries and repairs of stored events and jobs. */
  public Admin admin() {
    return runtime.admin();
  }

  /** Database health, queue depth and dead jobs (SPEC §10.1). Reads the database. */
  public Health health() {
    return runtime.health();
  }

  /** Whether the engine is started, not stopping, and its database is healthy. */
  public boolean isReady() {
    return runtime.isReady();
  }

  /** Why {@link #isReady()} is false, or null when ready. */
  public @Nullable String notReadyReason() {
    return runtime.notReadyReason();
  }

  /**
   * Raises an operational alert (SPEC §10.3): logged, and sent to {@code alerts.url} when that
   * section is configured and {@code alerts.on} includes its kind. Never blocks.
   */
  public void raiseAlert(Alert alert) {
    runtime.raiseAlert(requireNonNull(alert, "alert"));
  }

  /**
   * Records that a request to {@code source} failed signature verification: counts {@code
   * qhook_verification_failures_total{source}} and raises a {@code verification_failure} alert.
   *
   * @param reason the class of failure (missing header, stale timestamp, mismatch); never a secret
   */
  public void reportVerificationFailure(String source, String reason) {
    runtime.reportVerificationFailure(requireNonNull(source, "source"), requireNonNull(reason));
  }

  public QHookConfig config() {
    return runtime.config();
  }

  public MeterRegistry meterRegistry() {
    return runtime.meterRegistry();
  }

  /** Stops claiming, drains in-flight deliveries, and closes the store if the engine made it. */
  @Override
  public void close() {
    runtime.close();
  }

  /** Assembles a {@link QHook}. Only the config is required. */
  public static final class Builder {
    private @Nullable QHookConfig config;
    private @Nullable Store store;
    private @Nullable Transport transport;
    private Clock clock = Clock.systemUTC();
    private @Nullable MeterRegistry meterRegistry;
    private RandomGenerator random = RandomGenerator.getDefault();
    private @Nullable AlertSink alertSink;

    private Builder() {}

    public Builder config(QHookConfig config) {
      this.config = requireNonNull(config, "config");
      return this;
    }

    /**
     * The store to use; the caller keeps ownership and closes it. When omitted, a {@link
     * dev.qhook.spi.StoreProvider} on the class path makes one from the {@code database} section
     * (qhook-jdbc provides SQLite and PostgreSQL), and the engine closes it.
     */
    public Builder store(Store store) {
      this.store = requireNonNull(store, "store");
      return this;
    }

    /** Sends deliveries; defaults to java.net.http with the SSRF guard. */
    public Builder transport(Transport transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public Builder meterRegistry(MeterRegistry meterRegistry) {
      this.meterRegistry = requireNonNull(meterRegistry, "meterRegistry");
      return this;
    }

    /** The source of retry jitter. */
    public Builder random(RandomGenerator random) {
      this.random = requireNonNull(random, "random");
      return this;
    }

    /**
     * Where alerts go instead of the built-in sender to {@code alerts.url}; the engine closes it.
     */
    public Builder alertSink(AlertSink alertSink) {
      this.alertSink = requireNonNull(alertSink, "alertSink");
      return this;
    }

    public QHook build() {
      if (config == null) {
        throw new IllegalStateException("config is required");
      }
      return new QHook(
          new EngineRuntime(
              config,
              store,
              transport,
              clock,
              meterRegistry != null ? meterRegistry : new SimpleMeterRegistry(),
              random,
              alertSink));
    }
  }
}
