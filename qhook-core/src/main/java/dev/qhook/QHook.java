package dev.qhook;

import static java.util.Objects.requireNonNull;

import dev.qhook.config.ConfigException;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.Version;
import dev.qhook.internal.engine.EngineOptions;
import dev.qhook.internal.engine.EngineRuntime;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import dev.qhook.verify.CertificateFetcher;
import dev.qhook.verify.SnsUrls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
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
  public static final String VERSION = Version.NUMBER;

  /** The most entries of one batch ({@link #ingestAll}, {@code POST /events/{source}}): 100. */
  public static final int MAX_BATCH_SIZE = 100;

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
   * @throws InvalidEventException a value of the event cannot be stored or delivered: a control
   *     character in the type or a {@code ce-*} header, NUL in a key, a type or ordering key longer
   *     than 256 characters (docs/reference/http-api.md, "Limits of event values"); nothing was
   *     stored
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
   * @throws InvalidEventException a value of the event cannot be stored or delivered, as for {@link
   *     #ingest(IngestRequest)} (nothing is queued)
   * @throws UnavailableException not started, shutting down, or the database is unhealthy
   */
  public CompletableFuture<IngestResult> ingestAsync(IngestRequest request) {
    return runtime.ingestAsync(request);
  }

  /**
   * Stores a batch of events in one transaction, each with every job it creates, then returns one
   * result per request, in order (docs/reference/http-api.md, "POST /events/{source}"). A request
   * whose source is not configured ({@link Rejection#NOT_FOUND}) or whose values cannot be stored
   * or delivered ({@link Rejection#BAD_REQUEST}, as {@link InvalidEventException} of {@link
   * #ingest}) is {@link EntryResult.Rejected} and the others are stored; an idempotency key known
   * already, or repeated within the batch, makes the later request a duplicate of the first ({@code
   * duplicate} true, the first one's event id). The requests may name different sources.
   *
   * @param requests at most {@link #MAX_BATCH_SIZE}; none is stored for an empty list
   * @throws IllegalArgumentException more than {@link #MAX_BATCH_SIZE} requests
   * @throws UnavailableException not started, shutting down, or the database is unhealthy
   * @throws StoreException the write failed (a {@link StoreRefusedException} when the database
   *     refused a value of one of the events); nothing of the batch was stored
   */
  public List<EntryResult> ingestAll(List<IngestRequest> requests) {
    return runtime.ingestAll(requests);
  }

  /**
   * {@link #ingestAll} without blocking the caller: the future completes once the batch is
   * committed, or fails with a {@link StoreException} when nothing of it was stored. It completes
   * on the engine's commit thread: chain only short, non-blocking stages to it.
   *
   * @throws IllegalArgumentException more than {@link #MAX_BATCH_SIZE} requests
   * @throws UnavailableException not started, shutting down, or the database is unhealthy
   */
  public CompletableFuture<List<EntryResult>> ingestAllAsync(List<IngestRequest> requests) {
    return runtime.ingestAllAsync(requests);
  }

  /**
   * Receives a request as an HTTP stack has it and does everything the standalone server does with
   * it, in order: the source and entry point, {@code allowed_ips}, the signature on the raw bytes
   * (every {@code verify} scheme, and for SNS the envelope, subscription confirmation and
   * unsubscription), UTF-8, the source's {@code schema}, the event type (provider conventions and
   * CloudEvents), idempotency, routing, and the durable store. The answer follows the commit, so an
   * {@link Received.Accepted} event is never lost. Rejected signatures are counted ({@code
   * qhook_verification_failures_total}) and alerted by the engine.
   *
   * <p>Blocks until the event is committed (shared with concurrent requests in one transaction);
   * use {@link #receiveAsync} to wait without holding a thread.
   *
   * @return every outcome of the request, including an unavailable database, as a {@link Received}
   * @throws RuntimeException only for what no request can cause: a bug, or a {@link Transport} that
   *     throws instead of returning a result
   */
  public Received receive(InboundRequest request) {
    try {
      return receiveAsync(request).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * {@link #receive} without waiting for the commit. The future completes on the engine's commit
   * thread: chain only short, non-blocking stages to it. SNS messages make their HTTP calls on the
   * calling thread before this returns: a signing certificate not cached yet is fetched (up to 10
   * s, then kept for an hour; a failed fetch is remembered for 60 s per URL) and a subscription
   * confirmation is sent (up to 10 s).
   *
   * @return completes with every outcome of the request; fails only as {@link #receive} throws
   */
  public CompletableFuture<Received> receiveAsync(InboundRequest request) {
    return runtime.receive(requireNonNull(request, "request"));
  }

  /** Shorthand for {@link #ingest(IngestRequest)}. */
  public IngestResult ingest(
      String source, String eventType, byte[] body, Map<String, String> headers) {
    return ingest(new IngestRequest(source, eventType, body, headers));
  }

  /**
   * The pull queue {@code name} (docs/reference/http-api.md, "Pull queues"): receive, ack, nack,
   * extend, and its management. Cheap: the same client for the same name.
   *
   * @throws UnknownQueueException the queue is not configured
   */
  public QueueClient queue(String name) {
    return runtime.queue(requireNonNull(name, "name"));
  }

  /**
   * The counts of every configured queue, in config order, from one read of the database: for
   * listings and {@code GET /api/stats}.
   */
  public Map<String, QueueStats> queueStats() {
    return runtime.queueStats();
  }

  /**
   * Looks for due deliveries now instead of at the next poll (every 500 ms): for tests that move an
   * injected {@link Clock} past a retry's due time and want the retry at once. An engine on a
   * {@link dev.qhook.spi.SteppedClock} (the testkit's {@code ManualClock}) does this itself after
   * each move. Never needed in production, where time moves by itself; harmless there (one extra
   * claim).
   */
  public void pollNow() {
    runtime.pollNow();
  }

  /**
   * Workflow runs: listing, detail (each step's input and output), cancel, redrive and callback
   * completion (docs/reference/http-api.md, "Workflow runs").
   */
  public WorkflowRuns workflowRuns() {
    return runtime.workflowRuns();
  }

  /**
   * Completes the callback step waiting on {@code token} with {@code body} as its result: true
   * exactly once per valid token, false otherwise ({@link WorkflowRuns#completeCallback}).
   */
  public boolean completeCallback(String token, byte[] body) {
    return runtime.workflowRuns().completeCallback(token, body);
  }

  /** Queries and repairs of stored events and jobs. */
  public Admin admin() {
    return runtime.admin();
  }

  /**
   * Outbound endpoints and their subscriptions (docs/reference/http-api.md, "Outbound endpoints").
   */
  public Outbound outbound() {
    return runtime.outbound();
  }

  /**
   * Database health, queue depth and dead jobs (docs/reference/http-api.md, "GET /health"). Reads
   * the database at most once a second: calls within a second of a read get its answer.
   */
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
   * Raises an operational alert (docs/reference/configuration.md, "alerts"): logged, and sent to
   * {@code alerts.url} when that section is configured and {@code alerts.on} includes its kind.
   * Never blocks.
   */
  public void raiseAlert(Alert alert) {
    runtime.raiseAlert(requireNonNull(alert, "alert"));
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
    private @Nullable CertificateFetcher certificateFetcher;
    private Predicate<String> subscribeUrlRule = SnsUrls::isSnsUrl;

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

    /**
     * Sends every request the engine makes: deliveries, alerts, SNS subscription confirmations and
     * certificate fetches. Defaults to Apache HttpClient 5 behind the SSRF guard.
     */
    public Builder transport(Transport transport) {
      this.transport = requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The clock every part of the engine reads (default {@link Clock#systemUTC()}). One that also
     * implements {@link dev.qhook.spi.SteppedClock} moves the engine's timers too: they run when
     * the clock is moved, not on real time (docs/testing.md).
     */
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

    /**
     * Where SNS signing certificates come from. By default they are fetched through the transport
     * (10 s timeout) and kept for an hour per URL, and a failed fetch is remembered for 60 s per
     * URL; tests and emulators serve fixed ones here.
     */
    public Builder certificateFetcher(CertificateFetcher fetcher) {
      this.certificateFetcher = requireNonNull(fetcher, "fetcher");
      return this;
    }

    /**
     * For tests only: which SNS {@code SubscribeURL}s of verifying sources may be called, instead
     * of the AWS host rule ({@link SnsUrls#isSnsUrl}), so that a loopback stand-in can receive the
     * confirmation (which still passes the transport's SSRF guard). No config key relaxes this
     * rule; a source's {@code skip_verify} replaces it by the SSRF guard.
     */
    public Builder subscribeUrlRuleForTesting(Predicate<String> rule) {
      this.subscribeUrlRule = requireNonNull(rule, "rule");
      return this;
    }

    /**
     * @throws ConfigException when the config configures what this version does not run (a config
     *     made with the record constructors is checked here; loading checks the rest)
     */
    public QHook build() {
      if (config == null) {
        throw new IllegalStateException("config is required");
      }
      config.requireSupported();
      return new QHook(
          new EngineRuntime(
              new EngineOptions(
                  config,
                  store,
                  transport,
                  clock,
                  meterRegistry != null ? meterRegistry : new SimpleMeterRegistry(),
                  random,
                  alertSink,
                  certificateFetcher,
                  subscribeUrlRule)));
    }
  }
}
