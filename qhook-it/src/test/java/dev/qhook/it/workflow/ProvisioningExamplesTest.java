package dev.qhook.it.workflow;

import static dev.qhook.it.workflow.ExampleWorkflows.bytes;
import static dev.qhook.it.workflow.ExampleWorkflows.json;
import static dev.qhook.it.workflow.ExampleWorkflows.step;
import static dev.qhook.it.workflow.ExampleWorkflows.steps;
import static dev.qhook.it.workflow.ExampleWorkflows.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.RunDetail;
import dev.qhook.spi.JobStatus;
import dev.qhook.spi.RunStatus;
import dev.qhook.testkit.RecordingReceiver.RecordedRequest;
import dev.qhook.testkit.RecordingReceiver.Response;
import dev.qhook.testkit.signers.WebhookSigners;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/tenant-provision.yaml} (params, a callback completed through {@code POST
 * /callback/{token}}, catch to a rollback chain) and {@code examples/terraform-post-apply.yaml}
 * (retry, catch, {@code on_failure: continue}) end to end against loopback receivers.
 */
class ProvisioningExamplesTest {
  private static final String TENANT = "tenant-provision.yaml";
  private static final String TERRAFORM = "terraform-post-apply.yaml";
  private static final String NOTIFY = "/api.terraform.io/v2/notification-configs";

  @TempDir Path dir;

  /** Starts a tenant run, completes its callback over HTTP, and answers the run id. */
  private static String provisionThroughCallback(ExampleWorkflows f, String callbackBody) {
    String runId = f.event("platform", "tenant.create", "{\"tenant_id\":\"t1\",\"region\":\"eu\"}");
    Awaitility.await().atMost(ExampleWorkflows.WAIT).until(() -> !f.requestsTo(NOTIFY).isEmpty());
    RecordedRequest notice = f.requestsTo(NOTIFY).get(0);
    JsonNode body = tree(notice.bodyText());
    String token = body.get("callback_token").asText();
    assertThat(token).matches("[0-9A-HJKMNP-TV-Z]{52}");
    assertThat(notice.header("x-qhook-callback-token")).isEqualTo(token);
    assertThat(notice.header("authorization")).isEqualTo("Bearer tf-token");
    assertThat(body.get("workflow").asText()).isEqualTo("tenant-provision");
    assertThat(body.get("step").asText()).isEqualTo("wait-infra");
    assertThat(body.get("run_id").asText()).isEqualTo(runId);
    assertThat(body.get("payload"))
        .isEqualTo(tree("{\"tenant_id\":\"t1\",\"region\":\"eu\",\"infra\":{\"run_id\":\"r1\"}}"));

    HttpResponse<String> first = f.post("/callback/" + token, bytes(callbackBody), Map.of());
    HttpResponse<String> second = f.post("/callback/" + token, bytes(callbackBody), Map.of());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(tree(second.body()).get("code").asText()).isEqualTo("not_found");
    return runId;
  }

  @Test
  void tenantProvisionRunsThroughItsCallbackToActivation() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, TENANT)) {
      f.receiver.respondTo("/api.terraform.io/v2/runs", json("{\"run_id\":\"r1\"}"));
      f.receiver.respondTo("/db-service/tenant", json("{\"db_id\":\"d1\"}"));
      f.receiver.respondTo("/integration/setup", json("{\"configured\":true}"));

      String runId = provisionThroughCallback(f, "{\"status\":\"applied\"}");
      RunDetail detail = f.awaitRun(runId, RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly(
              "create-infra", "wait-infra", "create-db", "configure-services", "activate");
      assertThat(tree(step(detail, "create-infra").output()))
          .isEqualTo(
              tree("{\"tenant_id\":\"t1\",\"region\":\"eu\",\"infra\":{\"run_id\":\"r1\"}}"));
      // wait-infra has no result_path: the callback body replaces its input
      assertThat(tree(step(detail, "wait-infra").output()))
          .isEqualTo(tree("{\"status\":\"applied\"}"));
      assertThat(tree(step(detail, "create-db").input()))
          .isEqualTo(tree("{\"status\":\"applied\"}"));
      assertThat(tree(step(detail, "create-db").output()))
          .isEqualTo(tree("{\"status\":\"applied\",\"db\":{\"db_id\":\"d1\"}}"));
      assertThat(f.bodiesTo("/platform/tenant/activate"))
          .containsExactly(tree("{\"configured\":true}"));
      assertThat(detail.run().output()).isEqualTo("null"); // activate answered an empty body
      assertThat(detail.run().error()).isNull();
      assertThat(f.requestsTo("/slack/notify")).isEmpty();
    }
  }

  @Test
  void tenantProvisionRollsBackTheInfraWhenTheDatabaseCannotBeCreated() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, TENANT)) {
      f.receiver.respondTo("/api.terraform.io/v2/runs", json("{\"run_id\":\"r1\"}"));
      f.receiver.respondTo("/db-service/tenant", Response.status(500));

      String runId = provisionThroughCallback(f, "{\"status\":\"applied\"}");
      RunDetail detail = f.finish(runId);

      assertThat(detail.run().status()).isEqualTo(RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly(
              "create-infra", "wait-infra", "create-db", "rollback-infra", "notify-failure");
      assertThat(f.requestsTo("/db-service/tenant")).hasSize(3); // the example's default_retry
      assertThat(step(detail, "create-db").job().status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(step(detail, "create-db").job().lastError()).isEqualTo("HTTP 500");
      // the rollback gets the failed step's input with the error object at $.error
      List<RecordedRequest> rollbacks = f.requestsTo("/api.terraform.io/v2/runs");
      JsonNode rollback = tree(rollbacks.get(rollbacks.size() - 1).bodyText());
      assertThat(rollback.get("status").asText()).isEqualTo("applied");
      JsonNode error = rollback.get("error");
      assertThat(error.get("message").asText()).isEqualTo("HTTP 500");
      assertThat(error.get("class").asText()).isEqualTo("5xx");
      assertThat(error.get("failed_step").asText()).isEqualTo("create-db");
      assertThat(error.get("job_id").asText()).isEqualTo(step(detail, "create-db").job().id());
      assertThat(error.get("status_code").asInt()).isEqualTo(500);
      assertThat(f.requestsTo("/slack/notify")).hasSize(1);
      assertThat(f.requestsTo("/platform/tenant/activate")).isEmpty();
    }
  }

  @Test
  void tenantProvisionRefusesAPayloadWithoutItsRequiredParams() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, TENANT)) {
      String runId = f.event("platform", "tenant.create", "{\"plan\":\"pro\"}");

      RunDetail detail = f.awaitRun(runId, RunStatus.FAILED);

      JsonNode error = tree(detail.run().error());
      assertThat(error.get("message").asText())
          .isEqualTo("params: missing required 'tenant_id'; missing required 'region'");
      assertThat(error.get("class").asText()).isEqualTo("4xx");
      assertThat(detail.steps()).isEmpty();
      assertThat(f.receiver.requests()).isEmpty();
    }
  }

  private static String terraformRun(ExampleWorkflows f) {
    byte[] body =
        bytes("{\"run_id\":\"run-1\",\"notifications\":[{\"trigger\":\"run:completed\"}]}");
    return f.webhook("terraform", WebhookSigners.terraform("tf-secret", body));
  }

  @Test
  void terraformPostApplyUpdatesChecksAndNotifiesSuccess() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, TERRAFORM)) {
      f.receiver.respondTo("/config-service/apply", json("{\"applied\":true}"));
      f.receiver.respondTo("/health-service/check", json("{\"healthy\":true}"));

      RunDetail detail = f.awaitRun(terraformRun(f), RunStatus.COMPLETED);

      assertThat(steps(detail)).containsExactly("update-config", "health-check", "notify-success");
      assertThat(
              tree(f.requestsTo("/config-service/apply").get(0).bodyText()).get("run_id").asText())
          .isEqualTo("run-1");
      assertThat(f.bodiesTo("/health-service/check")).containsExactly(tree("{\"applied\":true}"));
      assertThat(f.bodiesTo("/slack/notify"))
          .containsExactly(tree("{\"text\": \"Terraform apply succeeded, config updated.\"}"));
      assertThat(f.requestsTo("/config-service/rollback")).isEmpty();
    }
  }

  @Test
  void terraformPostApplyRollsBackAndNotifiesFailureEvenWhenTheRollbackFails() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, TERRAFORM)) {
      f.receiver.respondTo("/config-service/apply", json("{\"applied\":true}"));
      f.receiver.respondTo("/health-service/check", Response.status(503));
      f.receiver.respondTo("/config-service/rollback", Response.status(502));

      String runId = terraformRun(f);
      RunDetail detail = f.finish(runId);

      assertThat(detail.run().status()).isEqualTo(RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly("update-config", "health-check", "rollback-config", "notify-failure");
      JsonNode rollback = f.bodiesTo("/config-service/rollback").get(0);
      assertThat(rollback.get("applied").asBoolean()).isTrue();
      assertThat(rollback.at("/error/failed_step").asText()).isEqualTo("health-check");
      assertThat(rollback.at("/error/status_code").asInt()).isEqualTo(503);
      // rollback-config failed for good and continued: its job completed with its error kept
      assertThat(step(detail, "rollback-config").job().status()).isEqualTo(JobStatus.COMPLETED);
      assertThat(step(detail, "rollback-config").job().lastError()).isEqualTo("HTTP 502");
      assertThat(f.bodiesTo("/slack/notify"))
          .containsExactly(
              tree("{\"text\": \"Terraform post-apply failed. Manual intervention required.\"}"));
    }
  }
}
