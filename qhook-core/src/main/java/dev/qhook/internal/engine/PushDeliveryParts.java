package dev.qhook.internal.engine;

import dev.qhook.StoreRefusedException;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.Version;
import dev.qhook.internal.delivery.HandlerDelivery;
import dev.qhook.internal.delivery.HandlerGuards;
import dev.qhook.internal.delivery.HandlerRequests;
import dev.qhook.internal.delivery.Hmac;
import dev.qhook.internal.workflow.WorkflowEngine;
import dev.qhook.spi.ClaimedJob;
import dev.qhook.spi.Completion;
import dev.qhook.spi.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push delivery, assembled (docs/architecture.md, "Storing and delivering"): the workers, the
 * dispatcher that claims due jobs for them and hands each to the handler delivery, the outbound
 * delivery or the workflow step executor, and the writer of their outcomes; and how they stop
 * ("Shutdown"): unstarted jobs go back, deliveries in flight drain, the rest are returned.
 */
final class PushDeliveryParts {
  private static final Logger log = LoggerFactory.getLogger(PushDeliveryParts.class);

  /**
   * Outcomes wait this long for others before they are written: under a steady trickle, one
   * transaction per several deliveries instead of one each (docs/benchmarks.md, "Steady load").
   * Nobody waits on these writes; a job stays {@code running} that much longer.
   */
  static final Duration COMPLETION_LINGER = Duration.ofMillis(10);

  private final QHookConfig config;
  private final Store store;
  private final Clock clock;
  private final DatabaseHealth dbHealth;
  private final Runnable onDbFailure;
  private final WorkflowEngine workflows;
  private final GroupCommitter<Completion, Boolean> completer;
  private final ExecutorService workers;
  private final Dispatcher dispatcher;
  private volatile boolean abandoning;

  /**
   * @param onDbFailure counts a store failure toward database health
   * @param outboundDelivery delivers a claimed outbound job
   */
  PushDeliveryParts(
      SharedParts s,
      DatabaseHealth dbHealth,
      Runnable onDbFailure,
      WorkflowEngine workflows,
      Function<ClaimedJob, Completion> outboundDelivery) {
    this.config = s.config();
    this.store = s.store();
    this.clock = s.clock();
    this.dbHealth = dbHealth;
    this.onDbFailure = onDbFailure;
    this.workflows = workflows;
    this.completer =
        new GroupCommitter<>(
            "qhook-completer",
            EngineRuntime.APPEND_BATCH,
            batch -> {
              this.store.complete(batch);
              return Collections.nCopies(batch.size(), Boolean.TRUE);
            },
            COMPLETION_LINGER);
    int maxConcurrency = config.worker().maxConcurrency();
    this.workers = DeliveryExecutors.create("qhook-worker", maxConcurrency);
    String secret = config.delivery().signingSecret();
    Function<ClaimedJob, WorkerOutcome> steps = workflows.executor();
    HandlerDelivery delivery =
        new HandlerDelivery(
            s.router(),
            new HandlerRequests(
                Version.NUMBER, secret == null ? null : Hmac.standardWebhooksKey(secret)),
            s.transport(),
            new HandlerGuards(),
            config.delivery(),
            clock,
            s.random(),
            s.metrics(),
            s.alerts());
    this.dispatcher =
        new Dispatcher(
            this.store,
            clock,
            DispatchSettings.of(config, EngineRuntime.POLL_INTERVAL, EngineRuntime.LEASE_MARGIN),
            workers,
            claimed ->
                switch (claimed.job().kind()) {
                  case WORKFLOW_STEP -> steps.apply(claimed);
                  case OUTBOUND -> WorkerOutcome.complete(outboundDelivery.apply(claimed));
                  default -> WorkerOutcome.complete(delivery.apply(claimed));
                },
            this::storeCompletion,
            dbHealth,
            onDbFailure);
  }

  Dispatcher dispatcher() {
    return dispatcher;
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
                  onDbFailure.run();
                }
              }
            });
  }

  /**
   * Stops claiming and returns the jobs not started, drains the deliveries in flight, then closes
   * the dispatcher and returns what a claim under way had queued meanwhile.
   */
  void stop() {
    // Leases of running jobs keep being renewed while they drain; unstarted ones go back now.
    release(dispatcher.stopClaiming(), "shutdown before delivery");
    workers.shutdown();
    drain();
    dispatcher.close();
    // A claim that was under way when claiming stopped may have queued jobs no worker will take.
    release(dispatcher.stopClaiming(), "shutdown before delivery");
  }

  /** After {@link #stop}: writes the outcomes queued, then ends the workers. */
  void close() {
    completer.close();
    workers.shutdownNow();
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
