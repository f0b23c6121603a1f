package dev.qhook.internal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.EntryResult;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.InvalidEventException;
import dev.qhook.Rejection;
import dev.qhook.StoreException;
import dev.qhook.UnknownSourceException;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.engine.GroupCommitter;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.outbound.OutboundEmission;
import dev.qhook.internal.routing.RoutedConsumer;
import dev.qhook.internal.routing.Router;
import dev.qhook.internal.workflow.RunStarter;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.NewRun;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Accepts events (docs/reference/http-api.md, "Ingest"): routes them, builds their jobs and stores
 * event and jobs in one transaction (shared with concurrent ingests through the group committer).
 * Nothing is reported accepted before the commit.
 */
public final class Ingestor {
  /** Longer idempotency keys are stored as {@code sha256:<hex>}. */
  static final int MAX_KEY_LENGTH = 200;

  private final QHookConfig config;
  private final Router router;
  private final GroupCommitter<NewEvent, AppendResult> appender;
  private final UlidGenerator ids;
  private final Clock clock;
  private final EngineMetrics metrics;
  private final Consumer<List<NewJob>> onStored;
  private final HandOff handOff;
  private final RunStarter runs;
  private final OutboundEmission outbound;

  /**
   * @param onStored called after a commit that created jobs to be claimed
   * @param handOff takes the jobs leased at ingest to the workers
   * @param runs starts the workflow runs of an event, in its transaction
   * @param outbound the jobs of outbound endpoints subscribed to an event
   */
  public Ingestor(
      QHookConfig config,
      Router router,
      GroupCommitter<NewEvent, AppendResult> appender,
      UlidGenerator ids,
      Clock clock,
      EngineMetrics metrics,
      Consumer<List<NewJob>> onStored,
      HandOff handOff,
      RunStarter runs,
      OutboundEmission outbound) {
    this.config = config;
    this.router = router;
    this.appender = appender;
    this.ids = ids;
    this.clock = clock;
    this.metrics = metrics;
    this.onStored = onStored;
    this.handOff = handOff;
    this.runs = runs;
    this.outbound = outbound;
  }

  /** Accepts an event and returns once it is stored; {@link #ingestAsync} without the wait. */
  public IngestResult ingest(IngestRequest request) {
    return await(ingestAsync(request), "storing an event of " + request.source());
  }

  /**
   * Waits for a write and throws what it failed with, as it was thrown (a checked cause becomes a
   * {@link StoreException} of {@code operation}).
   */
  public static <T> T await(CompletableFuture<T> write, String operation) {
    try {
      return write.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StoreException(operation, cause);
    }
  }

  /**
   * Routes the event and queues it with its jobs for the group commit.
   *
   * @return completes on the committer thread once event and jobs are committed, or fails with a
   *     {@link StoreException}; dependent stages must not block
   * @throws UnknownSourceException the source is not configured (nothing is queued)
   * @throws InvalidEventException a value of the event cannot be stored or delivered (nothing is
   *     queued)
   */
  public CompletableFuture<IngestResult> ingestAsync(IngestRequest request) {
    return ingestAsync(submission(request));
  }

  /** An event of the engine API as the ingestor takes it: trusted, no inbound checks. */
  public static Submission submission(IngestRequest request) {
    return new Submission(
        request.source(),
        request.eventType(),
        Payload.of(request.body()),
        storedHeaders(request.headers()),
        request.header("idempotency-key"),
        request.fallbackIdempotencyKey());
  }

  /**
   * {@link #ingestAsync(IngestRequest)} for an event that passed the inbound checks.
   *
   * @throws InvalidEventException a value of the event cannot be stored or delivered
   *     (docs/reference/http-api.md, "Limits of event values"); nothing is queued
   */
  public CompletableFuture<IngestResult> ingestAsync(Submission request) {
    Prepared prepared = prepare(request);
    CompletableFuture<IngestResult> answer = new CompletableFuture<>();
    appender
        .submit(prepared.event())
        .whenComplete(
            (stored, failure) -> {
              try {
                handOver(prepared, failure == null ? stored : null);
                if (failure != null) {
                  answer.completeExceptionally(storeFailure(prepared.id(), failure));
                } else {
                  answer.complete(accepted(prepared, stored));
                }
              } catch (Throwable e) { // the answer must complete, or the request is never answered
                answer.completeExceptionally(e);
              }
            });
    return answer;
  }

  /**
   * Routes every event of a batch and stores those that can be stored in one transaction (never
   * split by the group commit): one result per submission, in order. A submission of an unknown
   * source or with a value that cannot be stored is {@link EntryResult.Rejected} and the others go
   * on.
   *
   * @return completes on the committer thread once the batch is committed, or fails with a {@link
   *     StoreException} when nothing of it was stored; dependent stages must not block
   */
  public CompletableFuture<List<EntryResult>> ingestAllAsync(List<Submission> submissions) {
    EntryResult[] results = new EntryResult[submissions.size()];
    List<Prepared> prepared = new ArrayList<>(submissions.size());
    List<Integer> positions = new ArrayList<>(submissions.size());
    for (int i = 0; i < submissions.size(); i++) {
      try {
        prepared.add(prepare(submissions.get(i)));
        positions.add(i);
      } catch (UnknownSourceException e) {
        results[i] = new EntryResult.Rejected(Rejection.NOT_FOUND, e.getMessage());
      } catch (InvalidEventException e) {
        results[i] = new EntryResult.Rejected(Rejection.BAD_REQUEST, e.getMessage());
      }
    }
    CompletableFuture<List<EntryResult>> answer = new CompletableFuture<>();
    appender
        .submitAll(prepared.stream().map(Prepared::event).toList())
        .whenComplete(
            (stored, failure) -> {
              try {
                for (int i = 0; i < prepared.size(); i++) {
                  handOver(prepared.get(i), failure == null ? stored.get(i) : null);
                }
                if (failure != null) {
                  String first = prepared.get(0).id();
                  answer.completeExceptionally(storeFailure(first, failure));
                  return;
                }
                for (int i = 0; i < prepared.size(); i++) {
                  results[positions.get(i)] =
                      new EntryResult.Ingested(accepted(prepared.get(i), stored.get(i)));
                }
                answer.complete(Arrays.asList(results));
              } catch (Throwable e) { // the answer must complete, or the request is never answered
                answer.completeExceptionally(e);
              }
            });
    return answer;
  }

  /**
   * An event with its jobs, routed and checked, ready for the store.
   *
   * @param handedOff how many of its jobs are leased at ingest (places reserved with the hand-off)
   */
  private record Prepared(NewEvent event, String source, int handedOff) {
    String id() {
      return event.event().id();
    }
  }

  /**
   * Settles the event's hand-off places: its leased jobs go to the workers when the event was
   * stored; a duplicate or a failed write gives the places back.
   */
  private void handOver(Prepared prepared, @Nullable AppendResult stored) {
    if (prepared.handedOff() > 0) {
      handOff.settle(
          prepared.handedOff(),
          stored instanceof AppendResult.Stored ? LeasedJobs.claimed(prepared.event()) : List.of());
    }
  }

  /**
   * Routes the event and builds its jobs.
   *
   * @throws UnknownSourceException the source is not configured
   * @throws InvalidEventException a value of the event cannot be stored or delivered
   */
  private Prepared prepare(Submission request) {
    if (!config.sources().containsKey(request.source())) {
      throw new UnknownSourceException(request.source());
    }
    EventValues.checkEventType(request.eventType());
    EventValues.checkStoredHeaders(request.storedHeaders());
    EventValues.checkKey("header Idempotency-Key", request.idempotencyKey());
    Payload payload = request.payload();
    // Parsing is most of the CPU of routing: skip it when no consumer of the source looks inside.
    JsonNode json = router.needsPayload(request.source()) ? payload.json() : null;
    Instant now = clock.instant();
    List<NewRun> started = runs.runs(request.source(), request.eventType(), payload.bytes(), now);
    List<RoutedConsumer> consumers = router.matching(request.source(), request.eventType(), json);
    String key = request.idempotencyKey();
    if (key == null) {
      key = keyOfConsumers(consumers, json);
    }
    if (key == null) {
      key = request.fallbackIdempotencyKey();
      EventValues.checkKey("fallback idempotency key", key);
    }
    List<@Nullable String> orderingKeys = orderingKeys(consumers, json);
    Event event =
        new Event(
            ids.next(),
            request.source(),
            request.eventType(),
            payload.bytes(),
            request.storedHeaders(),
            normaliseKey(key),
            now);
    List<NewJob> jobs = new ArrayList<>(consumers.size());
    int leasable = 0;
    boolean[] leasableAt = new boolean[consumers.size()];
    for (int i = 0; i < consumers.size(); i++) {
      RoutedConsumer c = consumers.get(i);
      jobs.add(c.newJob(ids.next(), now, orderingKeys.get(i)));
      leasableAt[i] = LeasedJobs.leasable(c, orderingKeys.get(i));
      leasable += leasableAt[i] ? 1 : 0;
    }
    // Only while ingest keeps up: a backlog of appends means a saturated instance (a cold start,
    // a burst), where deliveries started at once would take the CPU the appends are waiting for,
    // and batched claims cost less (docs/benchmarks.md, "Steady load").
    int granted = leasable == 0 || appender.backlogged() ? 0 : handOff.reserve(leasable);
    if (granted > 0) {
      LeasedJobs.lease(jobs, leasableAt, granted, now.plus(handOff.lease()));
    }
    jobs.addAll(
        outbound.jobs(request.source(), request.eventType(), payload::json, now, ids::next));
    return new Prepared(new NewEvent(event, jobs, started), request.source(), granted);
  }

  /**
   * The key at the {@code idempotency_key} path of the first matched consumer that yields one
   * (docs/reference/configuration.md, "Idempotency keys"), checked; null when none does.
   */
  private static @Nullable String keyOfConsumers(
      List<RoutedConsumer> consumers, @Nullable JsonNode json) {
    for (RoutedConsumer c : consumers) {
      String key = c.rule().idempotencyKeyOf(json).orElse(null);
      if (key != null) {
        EventValues.checkKey(keyField(c, "idempotency_key", c.rule().idempotencyKey()), key);
        return key;
      }
    }
    return null;
  }

  /** Each matched consumer's ordering key, in order, checked before anything is queued. */
  private static List<@Nullable String> orderingKeys(
      List<RoutedConsumer> consumers, @Nullable JsonNode json) {
    List<@Nullable String> keys = new ArrayList<>(consumers.size());
    for (RoutedConsumer c : consumers) {
      String key = c.rule().orderingKeyOf(json);
      if (key != null) {
        EventValues.checkOrderingKey(keyField(c, "ordering_key", c.rule().orderingKey()), key);
      }
      keys.add(key);
    }
    return keys;
  }

  /** {@code handlers.billing.ordering_key ($.customer)}: the config path and the JSON path. */
  private static String keyField(RoutedConsumer c, String key, @Nullable Object path) {
    return c.path(key) + " (" + path + ")";
  }

  private IngestResult accepted(Prepared prepared, AppendResult stored) {
    String source = prepared.source();
    List<NewJob> jobs = prepared.event().jobs();
    boolean duplicate = stored instanceof AppendResult.Duplicate;
    int created = duplicate ? 0 : jobs.size();
    boolean unmatched = !duplicate && jobs.isEmpty() && prepared.event().runs().isEmpty();
    List<NewRun> started = duplicate ? List.of() : prepared.event().runs();
    int firstSteps = (int) started.stream().filter(r -> r.firstStep() != null).count();
    metrics.eventAccepted(source, duplicate, created + firstSteps, unmatched);
    IngestLog.accepted(prepared.event().event(), stored, created, started.size());
    if (created > prepared.handedOff() || !started.isEmpty()) { // jobs to claim, messages
      List<NewJob> toClaim = new ArrayList<>();
      jobs.stream().filter(j -> j.leaseUntil() == null).forEach(toClaim::add);
      started.stream()
          .filter(r -> r.firstStep() != null)
          .forEach(r -> toClaim.add(r.firstStep().job()));
      onStored.accept(toClaim);
    }
    runs.stored(started);
    return new IngestResult(stored.eventId(), duplicate, created, started.size());
  }

  private static StoreException storeFailure(String eventId, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof StoreException se
        ? se
        : new StoreException("storing event " + eventId, cause);
  }

  /** Keeps {@code ce-*} headers and {@code content-type}. */
  public static Map<String, String> storedHeaders(Map<String, String> headers) {
    Map<String, String> kept = new TreeMap<>();
    headers.forEach(
        (name, value) -> {
          if (name.startsWith("ce-") || name.equals("content-type")) {
            kept.put(name, value);
          }
        });
    return kept;
  }

  static @Nullable String normaliseKey(@Nullable String key) {
    if (key == null || key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
