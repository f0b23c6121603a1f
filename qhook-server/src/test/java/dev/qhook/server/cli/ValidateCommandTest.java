package dev.qhook.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidateCommandTest {
  /** The repository's examples directory (tests run in qhook-server). */
  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private static final Map<String, String> SECRETS =
      Map.of(
          "GITHUB_WEBHOOK_SECRET", "gh-secret",
          "PAGERDUTY_API_KEY", "pd-key",
          "PAGERDUTY_WEBHOOK_SECRET", "pd-secret",
          "STRIPE_WEBHOOK_SECRET", "whsec_test",
          "TF_API_TOKEN", "tf-token",
          "TF_NOTIFICATION_SECRET", "tf-secret");

  @TempDir Path dir;

  /** The examples that are workflows, which this version refuses, and their workflow names. */
  private static final Map<String, String> WORKFLOW_EXAMPLES =
      Map.of(
          "alert-remediation.yaml", "remediate",
          "deploy-pipeline.yaml", "deploy",
          "tenant-provision.yaml", "tenant-provision",
          "terraform-post-apply.yaml", "post-apply");

  static Stream<Path> handlerExamples() {
    return Stream.of(
        EXAMPLES.resolve("quickstart/qhook.yaml"), EXAMPLES.resolve("stripe-fanout.yaml"));
  }

  static Stream<Path> workflowExamples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml"))
          .filter(f -> !f.getFileName().toString().equals("stripe-fanout.yaml"))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("handlerExamples")
  void acceptsTheHandlerExamplesWithTheirVariablesSet(Path example) {
    CliRun run = CliRun.run(dir, SECRETS, "validate", "-c", example.toString());

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("is valid:").contains("sources");
  }

  @Test
  void acceptsTheWorkerPoolExampleWithItsTwoQueues() {
    CliRun run =
        CliRun.run(
            dir, Map.of(), "validate", "-c", EXAMPLES.resolve("worker-pool/qhook.yaml").toString());

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.out).contains("is valid: 1 sources, 0 handlers, 2 queues, 0 workflows");
    assertThat(run.err).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("workflowExamples")
  void refusesTheWorkflowExamplesSayingWorkflowsAreNotSupportedYet(Path example) {
    String workflow = WORKFLOW_EXAMPLES.get(example.getFileName().toString());

    CliRun run = CliRun.run(dir, SECRETS, "validate", "-c", example.toString());

    assertThat(workflow).as(example + " is not a known workflow example").isNotNull();
    assertThat(run.status).isEqualTo(1);
    assertThat(run.err)
        .contains(
            "workflows."
                + workflow
                + ": workflows are not supported yet (this version delivers to handlers and pull queues only)")
        .contains(": 1 problem");
  }

  @Test
  void acceptsOutboundSourcesQueuesCronAndMysql() throws IOException {
    write(
        "qhook.yaml",
        """
        database: { url: 'mysql://u:p@db/q' }
        sources:
          app: { type: event }
          tick: { type: cron, schedule: '@daily' }
          partners: { type: outbound }
        queues:
          jobs: { source: app, api_key: k }
        """);

    CliRun run = CliRun.run(dir, Map.of(), "validate");

    assertThat(run.status).as(run.err).isZero();
    assertThat(run.err)
        .doesNotContain("queues.jobs")
        .doesNotContain("sources.tick")
        .doesNotContain("sources.partners")
        .doesNotContain("not supported");
  }

  @Test
  void typoInARetryBlockFailsNamingThePathAndTheNearestKey() throws IOException {
    write(
        "qhook.yaml",
        """
        sources:
          app: { type: event }
        handlers:
          notify:
            source: app
            url: https://example.com/hook
            retry: { intervall: 5s }
        """);

    CliRun run = CliRun.run(dir, Map.of(), "validate");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err)
        .contains("handlers.notify.retry.intervall: unknown key (did you mean 'interval'?)")
        .contains("error: invalid config qhook.yaml: 1 problem")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void reportsEveryProblemTogether() throws IOException {
    write(
        "qhook.yaml",
        """
        database: { driver: d1 }
        handlers:
          notify: { source: nope, url: https://example.com/hook }
        """);

    CliRun run = CliRun.run(dir, Map.of(), "validate");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("database.driver:").contains("handlers.notify.source:");
    assertThat(run.err).contains("2 problems");
  }

  @Test
  void missingFileIsAFailureNamingTheFile() {
    CliRun run = CliRun.run(dir, Map.of(), "validate", "-c", "absent.yaml");

    assertThat(run.status).isEqualTo(1);
    assertThat(run.err).contains("absent.yaml").contains("not found");
  }

  @Test
  void overlayFromEnvIsMergedAndWarningsArePrinted() throws IOException {
    write("qhook.yaml", "sources:\n  app: { type: event }\n");
    write("qhook.local.yaml", "server:\n  allow_private_urls: true\n");

    CliRun run = CliRun.run(dir, Map.of(), "validate", "-e", "local");

    assertThat(run.status).isZero();
    assertThat(run.err).contains("warning:").contains("allow_private_urls");
    assertThat(run.out).contains("qhook.yaml is valid: 1 sources, 0 handlers");
  }

  @Test
  void theFilesInitWritesAreValid() {
    assertThat(CliRun.run(dir, Map.of(), "init").status).isZero();

    assertThat(CliRun.run(dir, Map.of(), "validate").status).isZero();
    assertThat(CliRun.run(dir, Map.of(), "validate", "-e", "local").status).isZero();
  }

  @Test
  void everyTemplateIsValidWithItsSecretsSet() throws IOException {
    for (InitTemplates.Template template : InitTemplates.Template.values()) {
      Path file = dir.resolve(template.label() + ".yaml");
      Files.writeString(file, InitTemplates.base(template), StandardCharsets.UTF_8);

      CliRun run = CliRun.run(dir, SECRETS, "validate", "-c", file.toString());

      assertThat(run.status).as(template + ": " + run.err).isZero();
    }
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
