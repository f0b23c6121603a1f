package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interrupt that ends a late read reaches only a thread still reading. */
class ReadDeadlinesTest {
  private static final Duration SHORT = Duration.ofMillis(100);

  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  private final ReadDeadlines deadlines = new ReadDeadlines(SHORT, SHORT);
  private final CountDownLatch never = new CountDownLatch(1);

  @AfterEach
  void stop() {
    deadlines.close();
    thread.shutdownNow();
  }

  /** Runs {@code task} as an exchange and returns whether a wait after it was interrupted. */
  private CompletableFuture<Boolean> exchange(Runnable beforeWaiting) {
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    deadlines
        .watching(thread)
        .execute(
            () -> {
              beforeWaiting.run();
              try {
                never.await(1, TimeUnit.SECONDS); // well past both deadlines
                interrupted.complete(false);
              } catch (InterruptedException e) {
                interrupted.complete(true);
              }
            });
    return interrupted;
  }

  @Test
  void aThreadStillReadingItsHeadersIsInterruptedAndTheNextTaskIsNot() throws Exception {
    assertThat(exchange(() -> {}).get(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> next = new CompletableFuture<>();
    thread.execute(() -> next.complete(Thread.currentThread().isInterrupted()));
    assertThat(next.get(10, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void aThreadReadingItsBodyIsInterrupted() throws Exception {
    assertThat(exchange(() -> assertThat(deadlines.startBody()).isTrue()).get(10, TimeUnit.SECONDS))
        .isTrue();
  }

  @Test
  void aThreadThatReadItsWholeRequestIsNeverInterrupted() throws Exception {
    CompletableFuture<Boolean> interrupted =
        exchange(
            () -> {
              assertThat(deadlines.startBody()).isTrue();
              assertThat(deadlines.endBody()).isTrue();
            });

    assertThat(interrupted.get(10, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void outsideAWatchedExchangeThereIsNoDeadline() {
    assertThat(deadlines.startBody()).isTrue();
    assertThat(deadlines.endBody()).isTrue();
  }
}
