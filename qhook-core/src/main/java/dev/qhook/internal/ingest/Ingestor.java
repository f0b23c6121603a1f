package dev.qhook.internal.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.InvalidEventException;
import dev.qhook.StoreException;
import dev.qhook.UnknownSourceException;
import dev.qhook.config.QHookConfig;
import dev.qhook.internal.engine.GroupCommitter;
import dev.qhook.internal.ids.UlidGenerator;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.internal.routing.RoutedConsumer;
import dev.qhook.internal.routing.Router;
import dev.qhook.spi.AppendResult;
import dev.qhook.spi.Event;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

  public Ingestor(
      QHookConfig config,
      Router router,
      GroupCommitter<NewEvent, AppendResult> appender,
      UlidGenerator ids,
      Clock clock,
      EngineMetrics metrics,
      Consumer<List<NewJob>> onStored) {
    this.config = config;
    this.router = router;
    this.appender = appender;
    this.ids = ids;
    this.clock = clock;
    this.metrics = metrics;
    this.onStored = onStored;
  }

  /** Accepts an event and returns once it is stored; {@link #ingestAsync} without the wait. */
  public IngestResult ingest(IngestRequest request) {
    try {
      return ingestAsync(request).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new StoreException("storing an event of " + request.source(), cause);
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
    return ingestAsync(
        new Submission(
            request.source(),
            request.eventType(),
            Payload.of(request.body()),
            storedHeaders(request.headers()),
            request.header("idempotency-key"),
            request.fallbackIdempotencyKey()));
  }

  /**
   * {@link #ingestAsync(IngestRequest)} for an event that passed the inbound checks.
   *
   * @throws InvalidEventException a value of the event cannot be stored or delivered
   *     (docs/reference/http-api.md, "Limits of event values"); nothing is queued
   */
  public CompletableFuture<IngestResult> ingestAsync(Submission request) {
    if (!config.sources().containsKey(request.source())) {
      throw new UnknownSourceException(request.source());
    }
    EventValues.checkEventType(request.eventType());
    EventValues.checkStoredHeaders(request.storedHeaders());
    EventValues.checkKey("header Idempotency-Key", request.idempotencyKey());
    Payload payload = request.payload();
    // Parsing is most of the CPU of routing: skip it when no consumer of the source looks inside.
    JsonNode json = router.needsPayload(request.source()) ? payload.json() : null;
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
    Instant now = clock.instant();
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
    for (int i = 0; i < consumers.size(); i++) {
      RoutedConsumer c = consumers.get(i);
      jobs.add(
          new NewJob(
              ids.next(),
              c.kind(),
              c.name(),
              c.jobUrl(),
              c.maxAttempts(),
              now,
              orderingKeys.get(i)));
    }
    CompletableFuture<IngestResult> answer = new CompletableFuture<>();
    appender
        .submit(new NewEvent(event, jobs))
        .whenComplete(
            (stored, failure) -> {
              try {
                if (failure != null) {
                  answer.completeExceptionally(storeFailure(event.id(), failure));
                } else {
                  answer.complete(accepted(request.source(), stored, jobs));
                }
              } catch (Throwable e) { // the answer must complete, or the request is never answered
                answer.completeExceptionally(e);
              }
            });
    return answer;
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

  private IngestResult accepted(String source, AppendResult stored, List<NewJob> jobs) {
    boolean duplicate = stored instanceof AppendResult.Duplicate;
    int created = duplicate ? 0 : jobs.size();
    metrics.eventAccepted(source, duplicate, created, !duplicate && jobs.isEmpty());
    if (created > 0) {
      onStored.accept(jobs);
    }
    return new IngestResult(stored.eventId(), duplicate, created, 0);
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
