package dev.qhook.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.CallbackStep;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.HttpStep;
import dev.qhook.config.OnFailure;
import dev.qhook.config.WaitStep;
import dev.qhook.config.WorkflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example configs shipped in {@code examples/} at the repository root: those with handlers only
 * load; the four workflow examples are refused (workflows do not run yet) and still bind.
 */
class ExampleConfigsTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  static final Map<String, String> ENV =
      Map.of(
          "PAGERDUTY_WEBHOOK_SECRET", "pd-secret",
          "PAGERDUTY_API_KEY", "pd-key",
          "GITHUB_WEBHOOK_SECRET", "gh-secret",
          "STRIPE_WEBHOOK_SECRET", "whsec_stripe",
          "TF_API_TOKEN", "tf-token",
          "TF_NOTIFICATION_SECRET", "tf-secret");

  private static final Map<String, String> WORKFLOW_EXAMPLES =
      Map.of(
          "alert-remediation.yaml", "remediate",
          "deploy-pipeline.yaml", "deploy",
          "tenant-provision.yaml", "tenant-provision",
          "terraform-post-apply.yaml", "post-apply");

  static Stream<Path> examples() throws IOException {
    return Files.list(EXAMPLES).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  static Stream<Path> workflowExamples() {
    return WORKFLOW_EXAMPLES.keySet().stream().sorted().map(EXAMPLES::resolve);
  }

  static Stream<Path> handlerExamples() {
    return Stream.of(
        EXAMPLES.resolve("stripe-fanout.yaml"), EXAMPLES.resolve("quickstart/qhook.yaml"));
  }

  @Test
  void allFiveExamplesAreThere() throws IOException {
    assertThat(examples().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder(
            Stream.concat(WORKFLOW_EXAMPLES.keySet().stream(), Stream.of("stripe-fanout.yaml"))
                .toArray(String[]::new));
  }

  @ParameterizedTest
  @MethodSource("handlerExamples")
  void handlerExamplesLoadWithoutErrorsOrVariableWarnings(Path file) {
    LoadPipeline.Result loaded = LoadPipeline.load(file, null, ENV, EXAMPLES);

    assertThat(loaded.config().sources()).isNotEmpty();
    assertThat(loaded.config().handlers()).isNotEmpty();
    assertThat(loaded.warnings()).noneMatch(w -> w.contains("is not set and has no default"));
  }

  @ParameterizedTest
  @MethodSource("workflowExamples")
  void workflowExamplesLoad(Path file) {
    assertThat(LoadPipeline.load(file, null, ENV, EXAMPLES).config().workflows())
        .containsOnlyKeys(WORKFLOW_EXAMPLES.get(file.getFileName().toString()));
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleBinds(Path file) throws IOException {
    BoundConfig config = bind(file.getFileName().toString());

    assertThat(config.sources()).isNotEmpty();
    assertThat(config.handlers().size() + config.workflows().size()).isPositive();
  }

  @Test
  void stripeFanoutBindsHandlersWithRetryOverDefaults() {
    BoundConfig config = load("stripe-fanout.yaml");

    assertThat(config.sources().get("stripe").secrets()).containsExactly("whsec_stripe");
    assertThat(config.handlers().keySet()).containsExactly("billing", "analytics");
    var billing = config.handlers().get("billing");
    assertThat(billing.retry().maxAttempts()).isEqualTo(8);
    assertThat(billing.retry().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(billing.idempotencyKey()).isEqualTo("$.id");
    assertThat(config.handlers().get("analytics").events()).containsExactly("*");
  }

  @Test
  void alertRemediationBindsChoiceWaitAndCatch() throws IOException {
    WorkflowConfig wf = bind("alert-remediation.yaml").workflows().get("remediate");

    assertThat(wf.timeout()).isEqualTo(Duration.ofSeconds(300));
    ChoiceStep triage = (ChoiceStep) wf.steps().get(0);
    assertThat(triage.choices()).hasSize(2);
    assertThat(triage.choices().get(0).when()).isEqualTo("$.severity == critical");
    assertThat(triage.defaultStep()).isEqualTo("notify");
    assertThat(((WaitStep) wf.step("verify").orElseThrow()).delay())
        .isEqualTo(Duration.ofSeconds(30));
    HttpStep health = (HttpStep) wf.step("health-check").orElseThrow();
    assertThat(health.failure().catches().get(0).next()).isEqualTo("escalate");
    assertThat(health.flow().end()).isTrue();
    HttpStep escalate = (HttpStep) wf.step("escalate").orElseThrow();
    assertThat(escalate.call().headers()).containsEntry("Authorization", "Token token=pd-key");
  }

  @Test
  void tenantProvisionBindsParamsCallbackAndContinue() throws IOException {
    WorkflowConfig wf = bind("tenant-provision.yaml").workflows().get("tenant-provision");

    assertThat(wf.params()).hasSize(3);
    assertThat(wf.params().get(2).required()).isFalse();
    CallbackStep wait = (CallbackStep) wf.step("wait-infra").orElseThrow();
    assertThat(wait.callbackTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(wait.notification()).isNotNull();
    HttpStep create = (HttpStep) wf.steps().get(0);
    assertThat(create.output().resultPath()).isEqualTo("$.infra");
    assertThat(create.failure().retry().maxAttempts()).isEqualTo(3);
    assertThat(create.failure().retry().errors())
        .containsExactlyInAnyOrder(ErrorClass.SERVER_ERROR, ErrorClass.TIMEOUT);
    HttpStep rollbackDb = (HttpStep) wf.step("rollback-db").orElseThrow();
    assertThat(rollbackDb.failure().onFailure()).isEqualTo(OnFailure.CONTINUE);
    assertThat(rollbackDb.flow().next()).isEqualTo("rollback-infra");
  }

  @Test
  void deployPipelineKeepsStepOrder() throws IOException {
    WorkflowConfig wf = bind("deploy-pipeline.yaml").workflows().get("deploy");

    assertThat(wf.steps().stream().map(s -> s.name()).toList())
        .isEqualTo(List.of("build", "deploy-staging", "smoke-test", "deploy-prod", "rollback"));
    assertThat(wf.steps().get(1).input()).contains("\"env\": \"staging\"");
  }

  private static BoundConfig load(String name) {
    return LoadPipeline.load(EXAMPLES.resolve(name), null, ENV, EXAMPLES).config();
  }

  /** The example as bound, below the refusal of workflows. */
  private static BoundConfig bind(String name) throws IOException {
    return Yaml.bind(Files.readString(EXAMPLES.resolve(name)), ENV);
  }
}
