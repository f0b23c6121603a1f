package dev.qhook.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** The platform-thread pool of Java 17-20 (21+ uses virtual threads). */
@EnabledForJreRange(max = JRE.JAVA_20)
class RequestExecutorTest {
  private ExecutorService executor;

  @BeforeEach
  void start() {
    executor = RequestExecutor.create("test-http", 3);
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void reusesAnIdleThreadInsteadOfStartingOne() throws Exception {
    for (int i = 0; i < 20; i++) {
      CountDownLatch done = new CountDownLatch(1);
      executor.execute(done::countDown);
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      // The thread that ran it is back waiting for work before the next request arrives.
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> ((TransferQueue<Runnable>) pool().getQueue()).hasWaitingConsumer());
    }
    assertThat(pool().getLargestPoolSize()).isEqualTo(1);
  }

  @Test
  void growsToTheLimitThenQueuesUntilAThreadIsFree() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      executor.execute(
          () -> {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            finished.incrementAndGet();
          });
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> pool().getActiveCount() == 3);
    assertThat(pool().getQueue()).hasSize(2);
    assertThat(finished).hasValue(0);

    release.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 5);
    assertThat(pool().getLargestPoolSize()).isEqualTo(3);
  }

  private ThreadPoolExecutor pool() {
    return (ThreadPoolExecutor) executor;
  }
}
