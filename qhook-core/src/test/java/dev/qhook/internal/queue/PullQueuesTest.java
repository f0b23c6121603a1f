package dev.qhook.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.config.QHookConfig;
import dev.qhook.config.QueueConfig;
import dev.qhook.config.SourceConfig;
import dev.qhook.config.SourceType;
import dev.qhook.internal.engine.DeliveryExecutors;
import dev.qhook.internal.metrics.EngineMetrics;
import dev.qhook.memory.InMemoryStore;
import dev.qhook.spi.Event;
import dev.qhook.spi.JobKind;
import dev.qhook.spi.NewEvent;
import dev.qhook.spi.NewJob;
import dev.qhook.spi.Store;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Long polling (docs/reference/http-api.md, "Pull queues"): a waiting receive answers when a
 * message of its queue is stored on this instance (a wake-up, not a poll: the re-check is set to an
 * hour here unless a test is about it), at its next re-check for messages nobody signalled (other
 * instances), and empty when its wait ends or the engine closes.
 */
class PullQueuesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration LONG = Duration.ofSeconds(30);
  private static final AtomicInteger IDS = new AtomicInteger();

  private final InMemoryStore store = new InMemoryStore();
  private final AtomicInteger claims = new AtomicInteger();

  /** The store, counting finished claims: a receive's tries. */
  private final Store counted =
      (Store)
          Proxy.newProxyInstance(
              Store.class.getClassLoader(),
              new Class<?>[] {Store.class},
              (proxy, method, args) -> {
                try {
                  return method.invoke(store, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                } finally {
                  if (method.getName().equals("claim")) {
                    claims.incrementAndGet();
                  }
                }
              });

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private PullQueues queues = queues(Duration.ofHours(1));

  private PullQueues queues(Duration recheck) {
    QHookConfig config =
        QHookConfig.builder()
            .source(SourceConfig.of("app", SourceType.EVENT))
            .queue(QueueConfig.builder("q").source("app").build())
            .queue(QueueConfig.builder("other").source("app").build())
            .build();
    return new PullQueues(
        config,
        counted,
        Clock.fixed(NOW, ZoneOffset.UTC),
        RandomGenerator.getDefault(),
        executor,
        DeliveryExecutors.named("test-queue-timer"),
        new EngineMetrics(new SimpleMeterRegistry()),
        alert -> {},
        () -> {},
        recheck);
  }

  @AfterEach
  void stop() {
    queues.close();
    executor.shutdownNow();
  }

  /** Stores one message of {@code queue} directly, as another instance would. */
  private NewJob store(String queue) {
    Event event =
        new Event(
            String.format("E%025d", IDS.incrementAndGet()),
            "app",
            "order.created",
            "{}".getBytes(StandardCharsets.UTF_8),
            Map.of(),
            null,
            NOW);
    NewJob job =
        new NewJob(
            String.format("J%025d", IDS.incrementAndGet()),
            JobKind.QUEUE,
            queue,
            null,
            3,
            NOW,
            null);
    store.append(List.of(new NewEvent(event, List.of(job))));
    return job;
  }

  @Test
  void anAsynchronousReceiveAnswersWhenAMessageOfItsQueueIsStored() {
    CompletableFuture<List<QueueMessage>> waiting = queues.client("q").receiveAsync(5, LONG);
    assertThat(waiting).isNotDone();

    NewJob other = store("other");
    queues.onStored(List.of(other));
    NewJob mine = store("q");
    queues.onStored(List.of(mine));

    await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
    assertThat(waiting.join()).extracting(QueueMessage::id).containsExactly(mine.id());
  }

  @Test
  void aBlockingReceiveAnswersWhenAMessageOfItsQueueIsStored() {
    CompletableFuture<List<QueueMessage>> waiting =
        CompletableFuture.supplyAsync(() -> queues.client("q").receive(5, LONG), executor);
    await().atMost(Duration.ofSeconds(10)).until(() -> claims.get() > 0); // found nothing
    assertThat(waiting).isNotDone();

    NewJob mine = store("q");
    queues.onStored(List.of(mine));

    await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
    assertThat(waiting.join())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo(mine.id());
              assertThat(m.attempt()).isZero();
              assertThat(m.leaseExpiresAt()).isEqualTo(NOW.plusSeconds(30));
            });
  }

  @Test
  void aWaitingReceiveFindsUnsignalledMessagesAtItsNextRecheck() {
    queues.close();
    queues = queues(Duration.ofMillis(50));
    CompletableFuture<List<QueueMessage>> waiting = queues.client("q").receiveAsync(1, LONG);

    NewJob mine = store("q");

    await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
    assertThat(waiting.join()).extracting(QueueMessage::id).containsExactly(mine.id());
  }

  @Test
  void aReceiveAnswersEmptyWhenItsWaitEnds() {
    assertThat(queues.client("q").receive(1, Duration.ofMillis(100))).isEmpty();
    assertThat(queues.client("q").receiveAsync(1, Duration.ofMillis(100)).join()).isEmpty();
    assertThat(queues.client("q").receive(1, Duration.ZERO)).isEmpty();
  }

  @Test
  void closingAnswersWaitingReceives() {
    CompletableFuture<List<QueueMessage>> waiting = queues.client("q").receiveAsync(1, LONG);

    queues.close();

    await().atMost(Duration.ofSeconds(10)).until(waiting::isDone);
    assertThat(waiting.join()).isEmpty();
  }

  @Test
  void argumentsOutsideTheirRangesAreRefused() {
    QueueClient q = queues.client("q");
    assertThatThrownBy(() -> q.receive(0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch must be 1..100, was 0");
    assertThatThrownBy(() -> q.receiveAsync(101, Duration.ZERO))
        .hasMessage("batch must be 1..100, was 101");
    assertThatThrownBy(() -> q.receive(1, Duration.ofSeconds(-1)))
        .hasMessage("wait must not be negative, was PT-1S");
    assertThatThrownBy(() -> q.nack(List.of("x"), Duration.ofSeconds(43_201)))
        .hasMessage("delay must be 0..43200 seconds, was PT12H1S");
    assertThatThrownBy(() -> q.nack(List.of("x"), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.extend(List.of("x"), Duration.ofMillis(999)))
        .hasMessage("an extension must be 1..43200 seconds, was PT0.999S");
    assertThatThrownBy(() -> q.peek(0)).hasMessage("limit must be 1..1000, was 0");
    assertThat(q.nack(List.of("x"), Duration.ofHours(12)).retried()).isZero();
    assertThat(q.extend(List.of("x"), Duration.ofHours(12))).isZero();
  }
}
