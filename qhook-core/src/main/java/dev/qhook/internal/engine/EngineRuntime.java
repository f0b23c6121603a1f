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
import dev.qhook.internal.alerts.AlertSender;
import dev.qhook.internal.cron.CronEvents;
import dev.qhook.internal.cron.CronTicker;
import dev.qhook.internal.delivery.HandlerDelivery;
import dev.qhook.internal.delivery.HandlerGuards;
import dev.qhook.internal.delivery.HandlerRequests;
import dev.qhook.internal.delivery.Hmac;
import dev.qhook.internal.delivery.OutboundDelivery;
import dev.qhook.internal.delivery.OutboundRequests;
import dev.qhook.internal.delivery.StepRequests;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.inbound.InboundReceiver;
import dev.qhook.internal.inbound.SourceGates;
import dev.qhook.internal.ingest.HandOff;
import dev.qhook.internal.ingest.Ingestor;
import dev.qhook.internal.ingest.Replayer;
import dev.qhook.internal.ingest.Submission;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.net.PrivateAddresses;
import dev.qhook.internal.outbound.EndpointHealth;
import dev.qhook.internal.outbound.EndpointManager;
import dev.qhook.internal.outbound.EndpointRoutes;
import dev.qhook.internal.outbound.OutboundEmission;
import dev.qhook.internal.outbound.OwnershipParts;
import dev.qhook.internal.queue.PullQueues;
import dev.qhook.internal.routing.Router;
import dev.qhook.internal.time.Timers;
import dev.qhook.internal.transport.ApacheHttpTransport;
import dev.qhook.internal.transport.SsrfGuard;
import dev.qhook.internal.workflow.RunSweeper;
import dev.qhook.internal.workflow.WorkflowEngine;
import dev.qhook.spi.AlertSink;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Store;
import dev.qhook.spi.Transport;
import dev.qhook.verify.CertificateFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the engine's parts together and runs their lifecycle; {@code QHook} is its facade. */
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

  /**
   * Outcomes wait this long for others before they are written: under a steady trickle, one
   * transaction per several deliveries instead of one each (docs/benchmarks.md, "Steady load").
   * Nobody waits on these writes; a job stays {@code running} that much longer.
   */
  static final Duration COMPLETION_LINGER = Duration.ofMillis(10);

  /** Threads for the later tries of asynchronous queue receives, on Java 17 (virtual on 21+). */
  static final int QUEUE_THREADS = 4;

  /** Connections beyond the workers', for alerts, SNS confirmations and certificate fetches. */
  static final int ENGINE_CONNECTIONS = 4;

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
  private final GroupCommitter<NewEvent, AppendResult> appender;
  private final GroupCommitter<Completion, Boolean> completer;
  private final ExecutorService workers;
  private final ExecutorService queueThreads;
  private final PullQueues queues;
  private final Dispatcher dispatcher;
  private final Ingestor ingestor;
  private final InboundReceiver inbound;
  private final Maintenance maintenance;
  private final CronTicker cron;
  private final Admin admin;
  private final Outbound outbound;
  private final AlertSink alerts;
  private final HealthProbe healthProbe;
  private final WorkflowEngine workflows;
  private final EndpointRoutes endpointRoutes;
  private volatile State state = State.NEW;
  private volatile boolean abandoning;

  public EngineRuntime(EngineOptions options) {
    this.config = options.config();
    this.clock = options.clock();
    this.timers = Timers.of(clock);
    // First, so that a check that cannot be built fails before any thread or connection exists.
    SourceGates gates = SourceGates.of(config, clock);
    this.ownsStore = options.store() == null;
    this.store = options.store() != null ? options.store() : StoreLocator.create(config.database());
    SsrfGuard ssrfGuard = ssrfGuard(config);
    this.transport =
        options.transport() != null ? options.transport() : defaultTransport(config, ssrfGuard);
    this.metrics = new EngineMetrics(options.registry());
    this.alerts =
        options.alertSink() != null
            ? options.alertSink()
            : defaultAlerts(config.alerts(), transport, clock, metrics);
    metrics.registerStoreGauges(this.store::countJobsByStatus);
    this.healthProbe = new HealthProbe(this.store, dbHealth, clock);
    this.appender = new GroupCommitter<>("qhook-appender", APPEND_BATCH, this.store::append);
    this.completer =
        new GroupCommitter<>(
            "qhook-completer",
            APPEND_BATCH,
            batch -> {
              this.store.complete(batch);
              return Collections.nCopies(batch.size(), Boolean.TRUE);
            },
            COMPLETION_LINGER);
    Router router = new Router(config);
    int maxConcurrency = config.worker().maxConcurrency();
    this.workers = DeliveryExecutors.create("qhook-worker", maxConcurrency);
    String secret = config.delivery().signingSecret();
    byte[] signingKey = secret == null ? null : Hmac.standardWebhooksKey(secret);
    UlidGenerator ids = new UlidGenerator(clock);
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
                this::wakeDispatcher,
                this::handOff));
    Function<ClaimedJob, WorkerOutcome> steps = workflows.executor();
    HandlerDelivery delivery =
        new HandlerDelivery(
            router,
            new HandlerRequests(
                Version.NUMBER, secret == null ? null : Hmac.standardWebhooksKey(secret)),
            this.transport,
            new HandlerGuards(),
            config.delivery(),
            clock,
            options.random(),
            metrics,
            this::raiseAlert);
    this.endpointRoutes = new EndpointRoutes(this.store.outbound(), config, clock);
    OutboundDelivery outboundDelivery =
        new OutboundDelivery(
            new OutboundDelivery.Wiring(
                config.sources(),
                config.delivery(),
                this.store.outbound(),
                this.transport,
                clock,
                options.random(),
                metrics,
                this::raiseAlert),
            new OutboundRequests(Version.NUMBER),
            new EndpointHealth(this.store.outbound(), config, endpointRoutes, this::raiseAlert));
    this.dispatcher =
        new Dispatcher(
            this.store,
            clock,
            Dispatcher.Settings.of(config, POLL_INTERVAL, LEASE_MARGIN),
            workers,
            claimed ->
                switch (claimed.job().kind()) {
                  case WORKFLOW_STEP -> steps.apply(claimed);
                  case OUTBOUND -> WorkerOutcome.complete(outboundDelivery.apply(claimed));
                  default -> WorkerOutcome.complete(delivery.apply(claimed));
                },
            this::storeCompletion,
            dbHealth,
            this::onDbFailure);
    this.queueThreads = DeliveryExecutors.create("qhook-queue", QUEUE_THREADS);
    this.queues =
        new PullQueues(
            config,
            this.store,
            clock,
            options.random(),
            queueThreads,
            DeliveryExecutors.named("qhook-queue-timer"),
            metrics,
            this::raiseAlert,
            this::requireAccepting,
            PullQueues.RECHECK);
    this.ingestor =
        new Ingestor(
            config,
            router,
            appender,
            ids,
            clock,
            metrics,
            this::onStored,
            dispatcher,
            workflows.starter(),
            new OutboundEmission(config, endpointRoutes));
    CertificateFetcher certificates =
        options.certificates() != null
            ? options.certificates()
            : InboundReceiver.certificatesThrough(transport, clock);
    this.inbound =
        new InboundReceiver(
            gates,
            new InboundReceiver.Wiring(
                clock, transport, ssrfGuard, certificates, options.subscribeUrlRule()),
            new InboundReceiver.Ingest(this::ingestChecked, this::ingestAllChecked),
            metrics::verificationFailed,
            (source, reason) -> raiseAlert(Alert.verificationFailure(source, reason)));
    this.maintenance =
        new Maintenance(
            this.store, clock, config, dispatcher::wake, metrics, this::raiseAlert, timers);
    timers.afterMove(dispatcher::wake); // a stepped clock's move may make retries due
    maintenance.onLostForGood(workflows::lostForGood);
    this.admin =
        new StoreAdmin(
            this.store,
            clock,
            dispatcher::wake,
            new Replayer(
                router,
                workflows.starter(),
                new OutboundEmission(config, endpointRoutes),
                this.store,
                clock,
                replayed -> {
                  metrics.jobsCreated(replayed.size());
                  onStored(replayed);
                }));
    this.outbound =
        new EndpointManager(
            config,
            this.store,
            endpointRoutes,
            new OwnershipParts(ssrfGuard, transport, new OutboundRequests(Version.NUMBER), clock),
            dispatcher::wake);
    this.cron =
        new CronTicker(
            config,
            clock,
            tick -> !ingest(CronEvents.request(tick)).duplicate(),
            (source, result) -> metrics.cronTick(source, result.name().toLowerCase(Locale.ROOT)),
            timers.scheduler(DeliveryExecutors.named("qhook-cron")));
  }

  private static AlertSink defaultAlerts(
      @Nullable AlertsConfig alerts, Transport transport, Clock clock, EngineMetrics metrics) {
    return alerts == null
        ? AlertSink.none()
        : new AlertSender(alerts, transport, clock, AlertSender.RETRY_WAITS, metrics);
  }

  private static SsrfGuard ssrfGuard(QHookConfig config) {
    return new SsrfGuard(
        config.server().allowPrivateUrls(), InetAddress::getAllByName, PrivateAddresses::isPrivate);
  }

  private static Transport defaultTransport(QHookConfig config, SsrfGuard ssrfGuard) {
    // One kept-alive connection per worker, to each handler host, and a few more for the engine's
    // own calls (alerts, SNS), so that hanging handlers holding every worker's connection do not
    // starve the alert about them.
    return new ApacheHttpTransport(
        ssrfGuard, config.worker().maxConcurrency() + ENGINE_CONNECTIONS);
  }

  private void wakeDispatcher() {
    dispatcher.wake();
  }

  private HandOff handOff() {
    return dispatcher;
  }

  /** After the commit of an event's jobs: wakes the dispatcher and the queues' consumers. */
  private void onStored(List<NewJob> jobs) {
    if (jobs.stream().anyMatch(j -> j.kind() != JobKind.QUEUE)) {
      dispatcher.wake();
    }
    queues.onStored(jobs);
  }

  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("engine already " + state.name().toLowerCase());
    }
    store.migrate();
    if (!store.sharedAcrossInstances()) {
      maintenance.recoverOrphans();
    }
    state = State.RUNNING;
    dispatcher.start();
    maintenance.start();
    cron.start();
    maintenance.scheduleEvery(workflows.sweeper(), RunSweeper.EVERY);
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
          } else if (countsTowardDbHealth(failure)) {
            onDbFailure();
          }
        });
  }

  /**
   * A store failure counts toward database health; a value the database refused does not: the
   * database answered, and the value is the sender's (docs/configuration.md, "Stores").
   */
  private static boolean countsTowardDbHealth(Throwable failure) {
    Throwable e =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return e instanceof StoreException && !(e instanceof StoreRefusedException);
  }

  private void requireAccepting() {
    if (state != State.RUNNING) {
      throw new UnavailableException(notRunningReason());
    }
    if (!dbHealth.healthy()) {
      throw new UnavailableException("database unhealthy");
    }
  }

  /** Queues an outcome for the completion committer; the future completes once it is stored. */
  private CompletableFuture<?> storeCompletion(Completion completion) {
    if (abandoning) {
      log.debug("dropping the outcome of abandoned job {}", completion.jobId());
      return CompletableFuture.completedFuture(null);
    }
    return completer
        .submit(completion)
        .whenComplete(
            (stored, failed) -> {
              if (failed == null) {
                dbHealth.onSuccess();
              } else if (!abandoning) {
                Throwable cause =
                    failed instanceof CompletionException ? failed.getCause() : failed;
                log.warn(
                    "recording the outcome of job {} failed; its lease will return it: {}",
                    completion.jobId(),
                    cause == null ? failed.getMessage() : cause.getMessage());
                if (!(cause instanceof StoreRefusedException)) {
                  onDbFailure();
                }
              }
            });
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
    return outbound;
  }

  public QueueClient queue(String name) {
    return queues.client(name);
  }

  public Map<String, QueueStats> queueStats() {
    return queues.stats();
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
    cron.close();
    maintenance.close();
    queues.close(); // waiting consumers return; leases are left to expire
    timers.close();
    // Leases of running jobs keep being renewed while they drain; unstarted ones go back now.
    release(dispatcher.stopClaiming(), "shutdown before delivery");
    workers.shutdown();
    drain();
    dispatcher.close();
    // A claim that was under way when claiming stopped may have queued jobs no worker will take.
    release(dispatcher.stopClaiming(), "shutdown before delivery");
    appender.close();
    completer.close();
    workflows.close();
    workers.shutdownNow();
    queueThreads.shutdownNow();
    alerts.close(); // before the transport it sends through
    transport.close();
    if (ownsStore) {
      store.close();
    }
    state = State.STOPPED;
  }

  /** Waits for in-flight deliveries, then returns the abandoned ones without using an attempt. */
  private void drain() {
    try {
      if (workers.awaitTermination(
          config.worker().drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // From here on a late outcome of an abandoned delivery is dropped, never written: the job is
    // returned below and may already be running elsewhere when that worker finishes.
    abandoning = true;
    // Everything not settled yet, taken before the committer closes (closing settles entries).
    // Outcomes already queued are written by close(); their jobs are then no longer running, so
    // the fenced release below leaves them alone and returns only the rest.
    List<ClaimedJob> unsettled = dispatcher.unsettled();
    completer.close();
    workflows.close(); // the transitions queued are written too
    workers.shutdownNow();
    release(unsettled, "delivery abandoned at shutdown");
  }

  /** Returns claimed jobs to the store without using their attempt. */
  private void release(List<ClaimedJob> jobs, String reason) {
    if (jobs.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Completion> released =
        jobs.stream()
            .<Completion>map(
                c -> new Completion.Released(c.job().id(), c.job().attempt(), now, reason))
            .toList();
    try {
      store.complete(released);
      log.warn("shutdown returned {} jobs ({}); they will run again", released.size(), reason);
    } catch (RuntimeException e) {
      log.warn("returning jobs failed; their leases will return them: {}", e.getMessage());
    }
  }
}
