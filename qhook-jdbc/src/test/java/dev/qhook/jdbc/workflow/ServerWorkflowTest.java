package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.jdbc.ServerDatabase;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.testkit.ManualClock;
import dev.qhook.testkit.RecordingReceiver;
import java.nio.charset.StandardCharsets;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Workflows on a database server with many writers: joins of branches and items that complete
 * concurrently (each transition locks its run's row), and a callback. {@link PostgresWorkflowTest}
 * and {@link MysqlWorkflowTest} run them, each on a database of its own, dropped at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerWorkflowTest {
  private final ServerDatabase database;

  ServerWorkflowTest(ServerDatabase database) {
    this.database = database;
  }

  @AfterAll
  void dropDatabase() {
    database.drop();
  }

  @Test
  void parallelBranchesAndMapItemsFinishingTogetherJoinOnce() {
    try (EchoServer echo = EchoServer.start()) {
      String yaml =
          BASE
              + """
              workflows:
                fan:
                  source: app
                  steps:
                    - name: all
                      type: parallel
                      result_path: $.all
                      branches:
                        - { name: a, url: ECHO/a }
                        - { name: b, url: ECHO/b }
                        - { name: c, url: ECHO/c }
                        - { name: d, url: ECHO/d }
                    - name: each
                      type: map
                      items_path: $.items
                      max_concurrency: 3
                      url: ECHO/item
                      result_path: $.each
              """;
      try (WorkflowFixture f =
          WorkflowFixture.start(
              database.freshStore(),
              yaml.replace("ECHO", echo.url("")),
              RecordingReceiver.start(),
              new ManualClock(WorkflowFixture.START))) {
        String run = f.runOf(f.send("app", "x", "{\"items\":[1,2,3,4,5,6,7]}").eventId()).id();

        String output = f.awaitRun(run, RunStatus.COMPLETED).output();

        assertThat(output)
            .contains("\"each\":[1,2,3,4,5,6,7]")
            .contains("\"a\":{\"items\":[1,2,3,4,5,6,7]}")
            .contains("\"d\":{\"items\":[1,2,3,4,5,6,7]}");
        assertThat(f.detail(run).steps())
            .hasSize(2 + 4 + 7)
            .allSatisfy(s -> assertThat(s.job().status()).isEqualTo(JobStatus.COMPLETED));
      }
    }
  }

  @Test
  void aCallbackCompletesTheStepOnce() throws Exception {
    String yaml =
        BASE
            + """
            workflows:
              wait:
                source: app
                steps:
                  - { name: approve, type: callback, url: RECEIVER/notify }
            """;
    try (WorkflowFixture f =
        WorkflowFixture.start(
            database.freshStore(),
            yaml,
            RecordingReceiver.start(),
            new ManualClock(WorkflowFixture.START))) {
      String run = f.runOf(f.send("app", "x", "{}").eventId()).id();
      String token =
          new ObjectMapper()
              .readTree(f.receiver.awaitRequests(1, WorkflowFixture.WAIT).get(0).bodyText())
              .get("callback_token")
              .asText();
      Awaitility.await()
          .atMost(WorkflowFixture.WAIT)
          .until(() -> f.detail(run).steps().get(0).job().status() == JobStatus.WAITING);

      byte[] body = "done".getBytes(StandardCharsets.UTF_8);
      assertThat(f.qhook.completeCallback(token, body)).isTrue();
      assertThat(f.qhook.completeCallback(token, body)).isFalse();

      assertThat(f.awaitRun(run, RunStatus.COMPLETED).output()).isEqualTo("\"done\"");
    }
  }
}
