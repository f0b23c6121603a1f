package dev.qhook.it.workflow;

import static dev.qhook.it.workflow.ExampleWorkflows.bytes;
import static dev.qhook.it.workflow.ExampleWorkflows.json;
import static dev.qhook.it.workflow.ExampleWorkflows.step;
import static dev.qhook.it.workflow.ExampleWorkflows.steps;
import static dev.qhook.it.workflow.ExampleWorkflows.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.RunDetail;
import dev.qhook.spi.RunStatus;
import dev.qhook.testkit.RecordingReceiver.Response;
import dev.qhook.testkit.signers.SignedRequest;
import dev.qhook.testkit.signers.WebhookSigners;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/deploy-pipeline.yaml} (signed GitHub push, input templates, catch to rollback)
 * and {@code examples/alert-remediation.yaml} (signed PagerDuty incident, choice, wait, catch to
 * escalation) end to end against loopback receivers.
 */
class OperationsExamplesTest {
  private static final String DEPLOY = "deploy-pipeline.yaml";
  private static final String ALERTS = "alert-remediation.yaml";

  @TempDir Path dir;

  private static String push(ExampleWorkflows f) {
    byte[] body = bytes("{\"ref\":\"refs/heads/main\",\"after\":\"abc123\"}");
    SignedRequest signed =
        WebhookSigners.github("gh-secret", body).withHeader("X-GitHub-Event", "push");
    return f.webhook("github", signed);
  }

  @Test
  void deployPipelineBuildsDeploysToStagingTestsAndDeploysToProduction() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, DEPLOY)) {
      f.receiver.respondTo("/ci/build", json("{\"image\":\"app:42\"}"));
      f.receiver.respondTo("/deployer/deploy", json("{\"deployed\":true}"));
      f.receiver.respondTo("/tester/smoke", json("{\"passed\":true}"));

      RunDetail detail = f.awaitRun(push(f), RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly("build", "deploy-staging", "smoke-test", "deploy-prod");
      assertThat(f.bodiesTo("/ci/build"))
          .containsExactly(tree("{\"ref\":\"refs/heads/main\",\"after\":\"abc123\"}"));
      assertThat(tree(step(detail, "build").output()).at("/build/image").asText())
          .isEqualTo("app:42");
      assertThat(f.bodiesTo("/deployer/deploy"))
          .containsExactly(
              tree("{\"env\": \"staging\", \"image\": \"\"}"),
              tree("{\"env\": \"production\", \"image\": \"\"}"));
      assertThat(f.bodiesTo("/tester/smoke")).containsExactly(tree("{\"deployed\":true}"));
      assertThat(detail.run().output()).isEqualTo("{\"deployed\":true}");
      assertThat(f.requestsTo("/deployer/rollback")).isEmpty();
      assertThat(f.requestsTo("/ci/build").get(0).header("x-qhook-handler"))
          .isEqualTo("deploy/build");
    }
  }

  @Test
  void deployPipelineRollsBackWhenTheSmokeTestKeepsFailing() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, DEPLOY)) {
      f.receiver.respondTo("/ci/build", json("{\"image\":\"app:42\"}"));
      f.receiver.respondTo("/deployer/deploy", json("{\"deployed\":true}"));
      f.receiver.respondTo("/tester/smoke", Response.status(422));

      String runId = push(f);
      RunDetail detail = f.finish(runId);

      assertThat(detail.run().status()).isEqualTo(RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly("build", "deploy-staging", "smoke-test", "rollback");
      assertThat(f.requestsTo("/tester/smoke")).hasSize(5); // the built-in retry: 5 attempts
      JsonNode rollback = f.bodiesTo("/deployer/rollback").get(0);
      assertThat(rollback.get("deployed").asBoolean()).isTrue();
      assertThat(rollback.at("/error/class").asText()).isEqualTo("4xx");
      assertThat(rollback.at("/error/failed_step").asText()).isEqualTo("smoke-test");
      assertThat(rollback.at("/error/status_code").asInt()).isEqualTo(422);
      assertThat(f.bodiesTo("/deployer/deploy")).hasSize(1); // never to production
    }
  }

  private static String incident(ExampleWorkflows f, String severity) {
    byte[] body =
        bytes(
            "{\"event\":{\"event_type\":\"incident.triggered\",\"id\":\"i-"
                + severity
                + "\"},\"severity\":\""
                + severity
                + "\"}");
    return f.webhook("pagerduty", WebhookSigners.pagerduty("pd-secret", body));
  }

  @Test
  void alertRemediationRoutesBySeverityAndChecksHealthAfterItsWait() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, ALERTS)) {
      String critical = incident(f, "critical");
      String warning = incident(f, "warning");
      String info = incident(f, "info");

      RunDetail notified = f.awaitRun(info, RunStatus.COMPLETED);
      assertThat(steps(notified)).containsExactly("triage", "notify");
      f.awaitStep(critical, "verify");
      f.awaitStep(warning, "verify");
      assertThat(f.requestsTo("/orchestrator/health")).isEmpty(); // both wait 30 s
      f.clock.advance(Duration.ofSeconds(31));
      RunDetail restarted = f.awaitRun(critical, RunStatus.COMPLETED);
      RunDetail scaled = f.awaitRun(warning, RunStatus.COMPLETED);

      assertThat(steps(restarted)).containsExactly("triage", "restart", "verify", "health-check");
      assertThat(steps(scaled)).containsExactly("triage", "scale-up", "verify", "health-check");
      assertThat(f.requestsTo("/orchestrator/restart")).hasSize(1);
      assertThat(f.requestsTo("/orchestrator/scale")).hasSize(1);
      assertThat(f.requestsTo("/orchestrator/health")).hasSize(2);
      // the choice and the wait pass their input on unchanged
      JsonNode payload = tree(step(restarted, "triage").input());
      assertThat(tree(step(restarted, "triage").output())).isEqualTo(payload);
      assertThat(f.bodiesTo("/orchestrator/restart")).containsExactly(payload);
      assertThat(f.requestsTo("/api.pagerduty.com/incidents")).isEmpty();
    }
  }

  @Test
  void alertRemediationEscalatesWhenTheHealthCheckKeepsFailing() {
    try (ExampleWorkflows f = ExampleWorkflows.start(dir, ALERTS)) {
      f.receiver.respondTo("/orchestrator/health", Response.status(503));

      String runId = incident(f, "critical");
      RunDetail detail = f.finish(runId);

      assertThat(detail.run().status()).isEqualTo(RunStatus.COMPLETED);

      assertThat(steps(detail))
          .containsExactly("triage", "restart", "verify", "health-check", "escalate");
      assertThat(f.requestsTo("/orchestrator/health")).hasSize(3); // the example's default_retry
      var escalation = f.requestsTo("/api.pagerduty.com/incidents").get(0);
      assertThat(escalation.header("authorization")).isEqualTo("Token token=pd-key");
      // restart answered an empty body (null), which replaced the payload: the error object is set
      // in a fresh object
      JsonNode body = tree(escalation.bodyText());
      assertThat(body.fieldNames()).toIterable().containsExactly("error");
      assertThat(body.at("/error/message").asText()).isEqualTo("HTTP 503");
      assertThat(body.at("/error/failed_step").asText()).isEqualTo("health-check");
    }
  }
}
