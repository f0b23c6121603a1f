package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.qhook.IngestRequest;
import dev.qhook.IngestResult;
import dev.qhook.StoreException;
import dev.qhook.UnknownSourceException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ingest answers after the group commit without holding a request thread while it waits, and the
 * server drains such answers when it stops.
 */
class AsyncIngestTest {
  private final FaultyStore store = new FaultyStore();
  private final RunningServer server =
      RunningServer.start(new TestConfig().eventSource("app"), store, true, Clock.systemUTC());

  @AfterEach
  void stop() {
    store.releaseAppends();
    server.close();
  }

  @Test
  void answers202OnlyAfterTheCommitAndNoRequestThreadWaitsMeanwhile() throws Exception {
    store.holdAppends();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(server.postLater("/events/app/order.created", "{\"n\":" + i + "}"));
    }
    assertThat(store.appendsEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    // The write is held: no answer may exist yet, and the requests sit in the committer, not on
    // request threads.
    if (Runtime.version().feature() < 21) { // on 21+ request threads are virtual: not listed
      await().atMost(Duration.ofSeconds(5)).until(this::requestThreadsAllOutsideQhook);
    }
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    assertThat(server.get("/health").statusCode()).isEqualTo(200);

    store.releaseAppends();

    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(202);
      String id = RunningServer.json(response).get("event_id").asText();
      assertThat(server.engine.admin().event(id)).isPresent();
    }
  }

  @Test
  void aFailedCommitAnswers503() throws Exception {
    store.holdAppends();
    store.failAppends = true;
    CompletableFuture<HttpResponse<String>> answer = server.postLater("/events/app/x", "{}");
    assertThat(store.appendsEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

    store.releaseAppends();

    HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("unavailable");
  }

  @Test
  void stoppingWaitsForAnswersStillInTheCommitAndRefusesNewEvents() throws Exception {
    store.holdAppends();
    CompletableFuture<HttpResponse<String>> inFlight =
        server.postLater("/events/app/order.created", "{}");
    assertThat(store.appendsEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopped =
        CompletableFuture.runAsync(() -> server.server.stop(Duration.ofSeconds(20)));
    await().atMost(Duration.ofSeconds(5)).until(() -> server.get("/ready").statusCode() == 503);
    assertThat(server.post("/events/app/order.created", "{}").statusCode()).isEqualTo(503);
    assertThat(stopped).isNotDone();

    store.releaseAppends();

    assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
    stopped.get(10, TimeUnit.SECONDS);
  }

  @Test
  void engineIngestAsyncCompletesAfterTheCommitOrFailsWithTheStoreError() throws Exception {
    store.holdAppends();
    CompletableFuture<IngestResult> accepted =
        server.engine.ingestAsync(IngestRequest.of("app", "order.created", "{}"));
    assertThat(store.appendsEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    assertThat(accepted).isNotDone();
    store.releaseAppends();
    assertThat(accepted.get(10, TimeUnit.SECONDS).jobsCreated()).isZero();

    store.failAppends = true;
    CompletableFuture<IngestResult> failed =
        server.engine.ingestAsync(IngestRequest.of("app", "order.created", "{}"));
    assertThatThrownBy(failed::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(StoreException.class);

    assertThatThrownBy(
            () -> server.engine.ingestAsync(new IngestRequest("nope", "x", new byte[0], Map.of())))
        .isInstanceOf(UnknownSourceException.class);
  }

  /**
   * True when request threads exist and none is running qhook code (they wait for requests in the
   * pool). False when there is no request thread to look at, so the check cannot pass vacuously.
   */
  private boolean requestThreadsAllOutsideQhook() {
    List<StackTraceElement[]> requestThreads =
        Thread.getAllStackTraces().entrySet().stream()
            .filter(e -> e.getKey().getName().startsWith("qhook-request"))
            .map(Map.Entry::getValue)
            .toList();
    return !requestThreads.isEmpty()
        && requestThreads.stream()
            .noneMatch(
                stack ->
                    Arrays.stream(stack)
                        .anyMatch(frame -> frame.getClassName().startsWith("dev.qhook.")));
  }
}
