package dev.qhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.QHookConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumers waiting in long polls hold no {@code max_inbound} place and no request thread. */
class QueueLongPollTest {
  private RunningServer server;

  @BeforeEach
  void start() {
    QHookConfig config =
        QHookConfig.fromYaml(
            """
            server: { max_inbound: 2 }
            sources:
              app: { type: event }
            queues:
              work: { source: app }
            """);
    server = RunningServer.start(config, engine -> engine, options -> options);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void longPollsBeyondMaxInboundLeaveRoomForIngest() throws Exception {
    List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      polls.add(server.getLater("/api/queues/work/messages?wait=20s"));
      int waiting = i + 1;
      Awaitility.await().until(() -> server.server.requestsInProgress() == waiting);
    }

    HttpResponse<String> ingest = server.post("/events/app/job.created", "{}");

    assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(202);
    HttpResponse<String> woken =
        CompletableFuture.anyOf(polls.toArray(CompletableFuture[]::new))
            .thenApply(r -> (HttpResponse<String>) r)
            .get(10, TimeUnit.SECONDS);
    assertThat(woken.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(woken).get("messages")).hasSize(1);
  }

  @Test
  void aServerStoppingAnswersItsWaitingConsumersWithinASecond() {
    CompletableFuture<HttpResponse<String>> poll =
        server.getLater("/api/queues/work/messages?wait=30s");
    Awaitility.await().until(() -> server.server.requestsInProgress() == 1);

    long before = System.nanoTime();
    server.server.stop(Duration.ofSeconds(10));

    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    HttpResponse<String> answer = poll.join();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(RunningServer.json(answer).get("messages")).isEmpty();
  }
}
