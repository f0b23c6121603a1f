package dev.qhook.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.IngestRequest;
import dev.qhook.QHook;
import dev.qhook.QueueClient;
import dev.qhook.QueueMessage;
import dev.qhook.QueueStats;
import dev.qhook.config.QHookConfig;
import dev.qhook.memory.InMemoryStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Regression: an ingest signal could fire the waiter of an asynchronous receive that then found
 * messages on its own; the second try it started leased a batch for an answer already given, and
 * those messages stayed in flight, unseen, until their lease lapsed (a delivery counted). Under a
 * steady ingest most messages were lost that way for 30 s (found by bench/run.sh pull).
 */
class ReceiveDuringIngestTest {
  private static final int EVENTS = 4000;

  @Test
  void everyMessageLeasedByAnAsyncReceiveReachesItsCaller() throws Exception {
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            sources:
              app: { type: event }
            queues:
              work: { source: app, visibility_timeout: 10m }
            """);
    try (QHook qhook = QHook.builder().config(config).store(new InMemoryStore()).build()) {
      qhook.start();
      QueueClient work = qhook.queue("work");
      ExecutorService producers = Executors.newFixedThreadPool(4);
      for (int p = 0; p < 4; p++) {
        producers.execute(
            () -> {
              for (int i = 0; i < EVENTS / 4; i++) {
                qhook.ingest(IngestRequest.of("app", "job.created", "{}"));
              }
            });
      }
      int received = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (received < EVENTS && System.nanoTime() < deadline) {
        List<QueueMessage> batch =
            work.receiveAsync(10, Duration.ofMillis(200)).get(10, TimeUnit.SECONDS);
        received += batch.size();
        work.ack(batch.stream().map(QueueMessage::id).toList());
      }
      producers.shutdown();
      assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      QueueStats stats = work.stats();
      assertThat(stats.inFlight()).as("leased but never handed to a consumer").isZero();
      assertThat(received).isEqualTo(EVENTS);
    }
  }
}
