package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobAuditTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode job(String id, String status, int attempt, int max) {
    return JSON.valueToTree(
        Map.of(
            "id",
            id,
            "event_id",
            "e-" + id,
            "status",
            status,
            "attempt",
            attempt,
            "max_attempts",
            max,
            "last_error",
            status.equals("dead") ? "connection refused" : ""));
  }

  private static List<JsonNode> attempts(String... errors) {
    List<JsonNode> list = new ArrayList<>();
    for (int i = 0; i < errors.length; i++) {
      list.add(JSON.createObjectNode().put("attempt", i + 1).put("error", errors[i]).putNull("x"));
      if (errors[i] == null) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) list.get(i)).putNull("error");
      }
    }
    return list;
  }

  @Test
  void deadAfterAllAttemptsFailedIsDeadByConfig() throws Exception {
    List<JsonNode> jobs = List.of(job("j1", "dead", 3, 3), job("j2", "completed", 1, 3));
    JobAudit.Findings findings =
        JobAudit.audit(jobs, id -> attempts("refused", "refused", "refused"), false);

    assertThat(findings.violations()).isEmpty();
    assertThat(findings.deadByConfig()).containsExactly("e-j1");
    assertThat(findings.deadErrors()).containsEntry("connection refused", 1);
  }

  @Test
  void aSkippedDeliveryThatUsedAnAttemptBreaksTheRule() throws Exception {
    // Counter 3, but only 2 attempts were made: one was used up without a request.
    String violation =
        JobAudit.check(job("j1", "completed", 3, 3), attempts("refused", null), false);

    assertThat(violation).contains("attempt counter 3 but 2 attempts recorded");
  }

  @Test
  void deadBeforeItsLastAttemptBreaksTheRule() {
    String violation = JobAudit.check(job("j1", "dead", 1, 3), attempts("refused"), false);

    assertThat(violation).contains("dead after 1 of 3 attempts");
  }

  @Test
  void aManualRetryMayLeaveMoreAttemptsThanTheCounter() {
    JsonNode job = job("j1", "completed", 1, 2);

    assertThat(JobAudit.check(job, attempts("refused", "refused", null), true)).isNull();
    assertThat(JobAudit.check(job, attempts("refused", "refused", null), false)).isNotNull();
  }

  @Test
  void openJobsAreCountedNotChecked() throws Exception {
    JobAudit.Findings findings =
        JobAudit.audit(
            List.of(job("j1", "retryable", 1, 3), job("j2", "running", 1, 3)),
            id -> {
              throw new AssertionError("no attempts needed");
            },
            false);

    assertThat(findings.open()).isEqualTo(2);
    assertThat(findings.violations()).isEmpty();
  }
}
