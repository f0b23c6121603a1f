package dev.qhook.internal.engine;

import dev.qhook.Admin;
import dev.qhook.Alert;
import dev.qhook.EntryResult;
import dev.qhook.Health;
import dev.qhook.InboundRequest;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.Outbound;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueStats;
import dev.qhook.Received;
import dev.qhook.Rejection;
import dev.qhook.StoreException;
import dev.qhook.StoreRefusedException;
import dev.qhook.UnavailableException;
import dev.qhook.WorkflowRuns;
import dev.qhook.config.AlertsConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.Version;
import dev.qhook.internal.cron.CronEvents;
import dev.qhook.internal.delivery.Hmac;
import dev.qhook.internal.delivery.StepRequests;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.inbound.InboundReceiver;
import dev.qhook.internal.inbound.SourceGates;
import dev.qhook.internal.ingest.Ingestor;
import dev.qhook.internal.ingest.Replayer;
import dev.qhook.internal.ingest.Submission;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.routing.Router;
import dev.qhook.internal.time.Timers;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.internal.workflow.WorkflowEngine;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the engine's parts together and runs their lifecycle; {@code QHook} is its facade. Each
 * feature's parts are built by an assembler of their own ({@link IngestParts}, {@link
 * InboundParts}, {@link PushDeliveryParts}, {@link QueueParts}, {@link OutboundParts}, {@link
 * ScheduledParts}; the workflow engine is {@link WorkflowEngine}) over the {@link SharedParts};
 * this class keeps the order in which they start and stop.
 */
public final class EngineRuntime {
  private static final Logger log = LoggerFactory.getLogger(EngineRuntime.class);
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /**
   * A lease outlasts the longest request timeout by this much; with lapsed leases swept every
   * {@link Maintenance#LOST_JOBS_EVERY}, a dead instance's job is reclaimed at most timeout + 30 s
   * after the crash (docs/architecture.md, "Storing and delivering").
   */
  static final Duration LEASE_MARGIN = Duration.ofSeconds(20);

  static final int APPEND_BATCH = 256;

  private enum State {
    NEW,
    RUNNING,
    STOPPING,
    STOPPED
  }

  private final QHookConfig config;
  private final Store store;
  private final boolean ownsStore;
  private final Transport transport;
  private final Clock clock;
  private final Timers timers;
  private final EngineMetrics metrics;
  private final DatabaseHealth dbHealth = new DatabaseHealth();
  private final IngestParts ingestParts;
  private final PushDeliveryParts delivery;
  private final QueueParts queues;
  private final Dispatcher dispatcher;
  private final Ingestor ingestor;
  private final InboundReceiver inbound;
  private final ScheduledParts scheduled;
  private final Admin admin;
  private final OutboundParts outbound;
  private final AlertSink alerts;
  private final HealthProbe healthProbe;
  private final WorkflowEngine workflows;
  private volatile State state = State.NEW;

  public EngineRuntime(EngineOptions options) {
    this.config = options.config();
    this.clock = options.clock();
    this.timers = Timers.of(clock);
    // First, so that a check that cannot be built fails before any thread or connection exists.
    SourceGates gates = SourceGates.of(config, clock);
    this.ownsStore = options.store() == null;
    this.store = options.store() != null ? options.store() : StoreLocator.create(config.database());
    SsrfGuard ssrfGuard = EngineDefaults.ssrfGuard(config);
    this.transport =
        options.transport() != null
            ? options.transport()
            : EngineDefaults.transport(config, ssrfGuard);
    this.metrics = new EngineMetrics(options.registry());
    this.alerts =
        options.alertSink() != null
            ? options.alertSink()
            : EngineDefaults.alerts(config.alerts(), transport, clock, metrics);
    metrics.registerStoreGauges(this.store::countJobsByStatus);
    this.healthProbe = new HealthProbe(this.store, dbHealth, clock);
    Router router = new Router(config);
    String secret = config.delivery().signingSecret();
    byte[] signingKey = secret == null ? null : Hmac.standardWebhooksKey(secret);
    UlidGenerator ids = new UlidGenerator(clock);
    SharedParts shared =
        new SharedParts(
            config,
            this.store,
            clock,
            options.random(),
            this.transport,
            metrics,
            router,
            ids,
            this::raiseAlert);
    this.workflows =
        new WorkflowEngine(
            config,
            new WorkflowEngine.Wiring(
                this.store,
                this.transport,
                clock,
                options.random(),
                ids,
                metrics,
                this::raiseAlert,
                new StepRequests(Version.NUMBER, signingKey),
                this::pollNow,
                DispatchSettings.of(config, POLL_INTERVAL, LEASE_MARGIN).lease()));
    this.outbound = new OutboundParts(shared, ssrfGuard, this::pollNow);
    this.delivery =
        new PushDeliveryParts(shared, dbHealth, this::onDbFailure, workflows, outbound.delivery());
    this.dispatcher = delivery.dispatcher();
    this.queues = new QueueParts(shared, this::requireAccepting);
    this.ingestParts =
        new IngestParts(
            shared, this::onStored, dispatcher, workflows.starter(), outbound.emission());
    this.ingestor = ingestParts.ingestor();
    this.inbound =
        InboundParts.receiver(
            shared,
            gates,
            ssrfGuard,
            options,
            new InboundReceiver.Ingest(this::ingestChecked, this::ingestAllChecked));
    this.scheduled =
        new ScheduledParts(
            shared,
            timers,
            dispatcher::wake,
            workflows,
            tick -> !ingest(CronEvents.request(tick)).duplicate());
    this.admin =
        new StoreAdmin(
            this.store,
            clock,
            dispatcher::wake,
            new Replayer(
                router,
                workflows.starter(),
                outbound.emission(),
                this.store,
                clock,
                replayed -> {
                  metrics.jobsCreated(replayed.size());
                  onStored(replayed);
                }));
  }

  /** After the commit of an event's jobs: wakes the dispatcher and the queues' consumers. */
  private void onStored(List<NewJob> jobs) {
    if (jobs.stream().anyMatch(j -> j.kind() != JobKind.QUEUE)) {
      dispatcher.wake();
    }
    queues.queues().onStored(jobs);
  }

  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("engine already " + state.name().toLowerCase());
    }
    store.migrate();
    if (!store.sharedAcrossInstances()) {
      scheduled.recoverOrphans();
    }
    state = State.RUNNING;
    dispatcher.start();
    scheduled.start();
    queues.start(timers);
  }

  public IngestResult ingest(IngestRequest request) {
    requireAccepting();
    try {
      IngestResult result = ingestor.ingest(request);
      dbHealth.onSuccess();
      return result;
    } catch (StoreException e) {
      if (!(e instanceof StoreRefusedException)) {
        onDbFailure();
      }
      throw e;
    }
  }

  /** {@link #ingest} without waiting for the commit; the future fails with the store error. */
  public CompletableFuture<IngestResult> ingestAsync(IngestRequest request) {
    requireAccepting();
    return trackingHealth(ingestor.ingestAsync(request));
  }

  /** {@link #ingestAllAsync}, waiting for the commit; throws what the future fails with. */
  public List<EntryResult> ingestAll(List<IngestRequest> requests) {
    return Ingestor.await(
        ingestAllAsync(requests), "storing a batch of " + requests.size() + " events");
  }

  /** Stores a batch in one transaction; the future fails with the store error. */
  public CompletableFuture<List<EntryResult>> ingestAllAsync(List<IngestRequest> requests) {
    if (requests.size() > QHook.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "a batch holds at most " + QHook.MAX_BATCH_SIZE + " events, was " + requests.size());
    }
    requireAccepting();
    return trackingHealth(
        ingestor.ingestAllAsync(requests.stream().map(Ingestor::submission).toList()));
  }

  /**
   * Checks, routes and stores an inbound request; completes with a rejection instead of failing for
   * anything the request or the engine's state causes.
   */
  public CompletableFuture<Received> receive(InboundRequest request) {
    String notReady = notReadyReason();
    if (notReady != null) {
      return CompletableFuture.completedFuture(
          new Received.Rejected(Rejection.UNAVAILABLE, "not accepting events: " + notReady));
    }
    try {
      return inbound.receive(request);
    } catch (
        RuntimeException e) { // a bug, or a transport that throws: fail the future, not the call
      return CompletableFuture.failedFuture(e);
    }
  }

  private CompletableFuture<IngestResult> ingestChecked(Submission submission) {
    requireAccepting();
    return trackingHealth(ingestor.ingestAsync(submission));
  }

  private CompletableFuture<List<EntryResult>> ingestAllChecked(List<Submission> submissions) {
    requireAccepting();
    return trackingHealth(ingestor.ingestAllAsync(submissions));
  }

  private <T> CompletableFuture<T> trackingHealth(CompletableFuture<T> stored) {
    return stored.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            dbHealth.onSuccess();
          } else if (DatabaseHealth.countsToward(failure)) {
            onDbFailure();
          }
        });
  }

  private void requireAccepting() {
    if (state != State.RUNNING) {
      throw new UnavailableException(notRunningReason());
    }
    if (!dbHealth.healthy()) {
      throw new UnavailableException("database unhealthy");
    }
  }

  private void onDbFailure() {
    metrics.dbError();
    if (dbHealth.onFailure()) {
      log.error("database marked unhealthy after repeated failures");
      raiseAlert(Alert.dbUnhealthy("repeated database failures"));
    }
  }

  /**
   * Logs the alert and, unless {@code alerts.on} excludes its kind, hands it to the alert sink
   * (which sends it in the background). Never blocks and never throws.
   */
  public void raiseAlert(Alert alert) {
    log.warn("alert {}: {}", alert.kind().label(), alert.message());
    AlertsConfig settings = config.alerts();
    if (settings != null && !settings.sends(alert.kind())) {
      return;
    }
    try {
      alerts.raise(alert);
    } catch (RuntimeException e) {
      log.warn("alert sink failed on a {} alert: {}", alert.kind().label(), e.toString());
    }
  }

  /** Asks the dispatcher for a claim round now (see {@link dev.qhook.QHook#pollNow()}). */
  public void pollNow() {
    dispatcher.wake();
  }

  public Admin admin() {
    return admin;
  }

  public WorkflowRuns workflowRuns() {
    return workflows.runs();
  }

  public Outbound outbound() {
    return outbound.manager();
  }

  public QueueClient queue(String name) {
    return queues.queues().client(name);
  }

  public Map<String, QueueStats> queueStats() {
    return queues.queues().stats();
  }

  public Health health() {
    return healthProbe.health();
  }

  public boolean isReady() {
    return notReadyReason() == null;
  }

  public @Nullable String notReadyReason() {
    if (state != State.RUNNING) {
      return notRunningReason();
    }
    return dbHealth.healthy() ? null : "database unhealthy";
  }

  private String notRunningReason() {
    return switch (state) {
      case NEW -> "starting";
      case RUNNING -> "running";
      case STOPPING, STOPPED -> "shutting down";
    };
  }

  public QHookConfig config() {
    return config;
  }

  public MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  public void close() {
    synchronized (this) {
      if (state == State.STOPPING || state == State.STOPPED) {
        return;
      }
      state = State.STOPPING;
    }
    scheduled.close();
    queues.stop(); // waiting consumers return; leases are left to expire
    timers.close();
    delivery.stop();
    ingestParts.close();
    delivery.close();
    workflows.close();
    queues.close();
    alerts.close(); // before the transport it sends through
    transport.close();
    if (ownsStore) {
      store.close();
    }
    state = State.STOPPED;
  }
}
