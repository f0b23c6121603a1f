package dev.qhook.jdbc.workflow;

import static dev.qhook.jdbc.workflow.HttpWorkflowTest.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.spi.WorkflowRun;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callback steps (docs/reference/configuration.md, "Callbacks"): the notification with a
 * 52-character token, completion exactly once through the API, and callback_timeout.
 */
class CallbackWorkflowTest {
  @TempDir Path dir;

  static final String YAML =
      BASE
          + """
          workflows:
            provision:
              source: app
              steps:
                - name: approve
                  type: callback
                  url: RECEIVER/notify
                  headers: { X-Team: ops }
                  callback_timeout: 30s
                  result_path: $.approval
                  retry: { max: 1 }
                - { name: done, url: RECEIVER/done, result_path: null }
          """;

  @Test
  void theNotificationCarriesATokenThatCompletesTheStepExactlyOnce() throws Exception {
    try (WorkflowFixture f = WorkflowFixture.start(dir, YAML)) {
      String run = f.runOf(f.send("app", "t", "{\"tenant\":\"acme\"}").eventId()).id();
      RecordedRequest notice = f.receiver.awaitRequests(1, WorkflowFixture.WAIT).get(0);
      JsonNode body = new ObjectMapper().readTree(notice.bodyText());
      String token = body.get("callback_token").asText();

      assertThat(token).hasSize(52).matches("[0-9A-HJKMNP-TV-Z]{52}");
      assertThat(notice.header("x-qhook-callback-token")).isEqualTo(token);
      assertThat(notice.header("x-team")).isEqualTo("ops");
      assertThat(body.get("workflow").asText()).isEqualTo("provision");
      assertThat(body.get("step").asText()).isEqualTo("approve");
      assertThat(body.get("run_id").asText()).isEqualTo(run);
      assertThat(body.get("payload").toString()).isEqualTo("{\"tenant\":\"acme\"}");
      assertThat(body.has("callback_url")).isFalse();
      org.awaitility.Awaitility.await()
          .atMost(WorkflowFixture.WAIT)
          .until(() -> f.detail(run).steps().get(0).job().status() == JobStatus.WAITING);

      byte[] answer = "{\"approved\":true}".getBytes(StandardCharsets.UTF_8);
      assertThat(f.qhook.completeCallback(token, answer)).isTrue();
      assertThat(f.qhook.completeCallback(token, answer)).isFalse();
      assertThat(f.qhook.completeCallback("not-a-token", answer)).isFalse();

      WorkflowRun done = f.awaitRun(run, RunStatus.COMPLETED);
      assertThat(f.receiver.requestsTo("/done").get(0).bodyText())
          .isEqualTo("{\"tenant\":\"acme\",\"approval\":{\"approved\":true}}");
      assertThat(done.output()).isEqualTo("{\"tenant\":\"acme\",\"approval\":{\"approved\":true}}");
    }
  }

  @Test
  void aCallbackThatDoesNotArriveInTimeFailsTheStepWithClassTimeout() throws Exception {
    try (WorkflowFixture f = WorkflowFixture.start(dir, YAML)) {
      String run = f.runOf(f.send("app", "t", "{}").eventId()).id();
      RecordedRequest notice = f.receiver.awaitRequests(1, WorkflowFixture.WAIT).get(0);
      String token = new ObjectMapper().readTree(notice.bodyText()).get("callback_token").asText();
      org.awaitility.Awaitility.await()
          .atMost(WorkflowFixture.WAIT)
          .until(() -> f.detail(run).steps().get(0).job().status() == JobStatus.WAITING);

      f.advance(Duration.ofSeconds(31));
      WorkflowRun failed = f.awaitRun(run, RunStatus.FAILED);

      assertThat(failed.error())
          .contains("\"message\":\"callback timeout\"")
          .contains("\"class\":\"timeout\"")
          .contains("\"failed_step\":\"approve\"");
      assertThat(f.qhook.completeCallback(token, new byte[0])).isFalse();
      assertThat(f.receiver.requestsTo("/done")).isEmpty();
    }
  }
}
