package dev.qhook.testkit;

import static java.util.Objects.requireNonNull;

import dev.qhook.Admin;
import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.QHook;
import dev.qhook.config.DatabaseConfig;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.EventQuery;
import dev.qhook.spi.Job;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.JobQuery;
import dev.qhook.spi.JobStatus;
import dev.qhook.testkit.QHookTest.StoreKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A started engine for a test, with its receiver and clock, and the waits a test needs instead of
 * sleeping. Made by {@link QHookExtension} for {@link QHookTest}, or by {@link #start} for a config
 * built in code. Waits are bounded by {@link #DEFAULT_WAIT} and poll the store; moving the clock
 * ({@link #advance}, {@link #advanceToNextRetry}) runs what the move made due before it returns
 * (see {@link ManualClock}) and makes the engine claim due deliveries at once.
 */
public final class QHookTester implements AutoCloseable {
  /** Replaced by the receiver's base URL (e.g. {@code http://127.0.0.1:40123}) in the YAML. */
  public static final String RECEIVER_URL = "RECEIVER_URL";

  /** Where the clock starts unless told otherwise. */
  public static final String DEFAULT_START = "2026-01-01T00:00:00Z";

  /** The longest any wait of this class takes before it fails. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final QHook qhook;
  private final RecordingReceiver receiver;
  private final ManualClock clock;
  private final @Nullable Path tempDir;

  private QHookTester(
      QHook qhook, RecordingReceiver receiver, ManualClock clock, @Nullable Path tempDir) {
    this.qhook = qhook;
    this.receiver = receiver;
    this.clock = clock;
    this.tempDir = tempDir;
  }

  /** Starts an engine on YAML in which {@value #RECEIVER_URL} stands for the receiver. */
  public static QHookTester start(String yaml, StoreKind store, Instant start) {
    requireNonNull(yaml, "yaml");
    return start(
        url -> QHookConfig.fromYaml(allowPrivateUrls(yaml.replace(RECEIVER_URL, url))),
        store,
        start);
  }

  /**
   * The YAML with {@code server.allow_private_urls: true}, which loading needs for handler URLs on
   * the loopback receiver.
   */
  private static String allowPrivateUrls(String yaml) {
    LoadSettings settings = LoadSettings.builder().build();
    Object doc = new Load(settings).loadFromString(yaml);
    Map<Object, Object> root =
        doc instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : new LinkedHashMap<>();
    Map<Object, Object> server =
        root.get("server") instanceof Map<?, ?> m ? new LinkedHashMap<>(m) : new LinkedHashMap<>();
    server.put("allow_private_urls", true);
    root.put("server", server);
    return new Dump(DumpSettings.builder().build()).dumpToString(root);
  }

  /**
   * Starts an engine on the config {@code config} makes from the receiver's base URL (which must
   * set {@code server.allow_private_urls} for handlers on the loopback receiver); with {@link
   * StoreKind#SQLITE} the config's {@code database} is replaced by a fresh file.
   */
  public static QHookTester start(
      Function<String, QHookConfig> config, StoreKind store, Instant start) {
    RecordingReceiver receiver = RecordingReceiver.start();
    ManualClock clock = new ManualClock(start);
    Path dir = null;
    try {
      QHookConfig.Builder cfg = config.apply(receiver.url("")).toBuilder();
      QHook.Builder builder = QHook.builder().clock(clock);
      if (store == StoreKind.SQLITE) {
        dir = Files.createTempDirectory("qhook-test");
        cfg.database(DatabaseConfig.sqlite(dir.resolve("qhook.db")));
      } else {
        builder.store(new InMemoryStore(clock));
      }
      QHook qhook = builder.config(cfg.build()).build();
      qhook.start();
      return new QHookTester(qhook, receiver, clock, dir);
    } catch (IOException e) {
      receiver.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      receiver.close();
      deleteTree(dir);
      throw e;
    }
  }

  public QHook qhook() {
    return qhook;
  }

  public RecordingReceiver receiver() {
    return receiver;
  }

  public ManualClock clock() {
    return clock;
  }

  public Admin admin() {
    return qhook.admin();
  }

  /** Ingests a JSON event. */
  public IngestResult send(String source, String eventType, String json) {
    return qhook.ingest(IngestRequest.of(source, eventType, json));
  }

  /** The event's jobs, in id order. */
  public List<Job> jobsOf(String eventId) {
    return qhook.admin().jobs(JobQuery.forEvent(eventId)).items();
  }

  /** Waits until the event has jobs and every one is in {@code status}; returns them. */
  public List<Job> awaitJobs(String eventId, JobStatus status) {
    await("every job of event " + eventId + " " + status.label())
        .until(
            () -> {
              List<Job> jobs = jobsOf(eventId);
              return !jobs.isEmpty() && jobs.stream().allMatch(j -> j.status() == status);
            });
    return jobsOf(eventId);
  }

  /** Waits until every job of the event is completed. */
  public List<Job> awaitDelivered(String eventId) {
    return awaitJobs(eventId, JobStatus.COMPLETED);
  }

  /** Waits until every job of the event is dead. */
  public List<Job> awaitDead(String eventId) {
    return awaitJobs(eventId, JobStatus.DEAD);
  }

  /**
   * Waits until no delivery is under way, then moves the clock forward: what the move made due runs
   * before this returns, and the engine claims due deliveries at once. Waiting first keeps a move
   * from lapsing the lease of a delivery in flight (in real time the engine renews it while the
   * delivery runs): to move time under a running delivery, use {@code clock().advance(by)}.
   */
  public void advance(Duration by) {
    requireNonNull(by, "by");
    awaitNoDeliveryRunning();
    clock.advance(by);
  }

  /**
   * Waits until no handler, outbound or workflow step job is running (claimed and not yet
   * finished); leased queue messages do not count.
   */
  public void awaitNoDeliveryRunning() {
    await("no delivery running").until(() -> runningDeliveries().isEmpty());
  }

  private List<Job> runningDeliveries() {
    return qhook
        .admin()
        .jobs(
            new JobQuery(
                JobStatus.RUNNING, null, null, null, null, null, EventQuery.MAX_LIMIT, false))
        .items()
        .stream()
        .filter(j -> j.kind() != JobKind.QUEUE)
        .toList();
  }

  /**
   * Waits until a job of the event waits for a retry due later than the clock's time, then moves
   * the clock to that due time so that the engine delivers it at once. Returns how far the clock
   * moved. Call it once per retry you expect.
   */
  public Duration advanceToNextRetry(String eventId) {
    Instant now = clock.instant();
    AtomicReference<Instant> due = new AtomicReference<>();
    await("a job of event " + eventId + " waiting for a retry after " + now)
        .until(
            () -> {
              nextRetryAfter(eventId, now).ifPresent(due::set);
              return due.get() != null;
            });
    awaitNoDeliveryRunning();
    clock.set(due.get());
    return Duration.between(now, due.get());
  }

  /** A bounded wait that looks often: a store read every 10 ms costs less than a test's idling. */
  private static ConditionFactory await(String what) {
    return Awaitility.await(what)
        .atMost(DEFAULT_WAIT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(10));
  }

  private Optional<Instant> nextRetryAfter(String eventId, Instant now) {
    return jobsOf(eventId).stream()
        .filter(j -> j.status() == JobStatus.RETRYABLE && j.scheduledAt().isAfter(now))
        .map(Job::scheduledAt)
        .min(Comparator.naturalOrder());
  }

  /** Closes the engine, then the receiver, and deletes a temporary database. */
  @Override
  public void close() {
    try {
      qhook.close();
    } finally {
      receiver.close();
      deleteTree(tempDir);
    }
  }

  private static void deleteTree(@Nullable Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary file is not worth failing a test for
    }
  }
}
