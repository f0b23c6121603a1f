package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.ErrorClass;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Failure handling": the error object. */
class WorkflowErrorTest {

  @Test
  void anHttpFailureHasEveryKeyInTheDocumentedOrder() {
    WorkflowError error =
        WorkflowError.http("HTTP 503", ErrorClass.SERVER_ERROR, 503, "charge", "01JOB");

    assertThat(error.toJsonText())
        .isEqualTo(
            "{\"message\":\"HTTP 503\",\"class\":\"5xx\",\"failed_step\":\"charge\","
                + "\"job_id\":\"01JOB\",\"status_code\":503}");
  }

  @Test
  void withoutAResponseThereIsNoStatusCode() {
    WorkflowError error =
        WorkflowError.http("connect timed out", ErrorClass.TIMEOUT, null, "charge", "01JOB");

    assertThat(error.toJson().has("status_code")).isFalse();
    assertThat(error.toJson().get("class").textValue()).isEqualTo("timeout");
  }

  @Test
  void aRunPastItsDeadlineIsATimeoutNamedWorkflowTimeout() {
    WorkflowError error = WorkflowError.runTimeout("wait-infra", null);

    assertThat(error.toJsonText())
        .isEqualTo(
            "{\"message\":\"workflow timeout\",\"class\":\"timeout\","
                + "\"failed_step\":\"wait-infra\",\"job_id\":null}");
  }

  @Test
  void anExpiredCallbackIsATimeout() {
    assertThat(WorkflowError.callbackTimeout("wait", "J").errorClass())
        .isEqualTo(ErrorClass.TIMEOUT);
    assertThat(WorkflowError.callbackTimeout("wait", "J").message()).isEqualTo("callback timeout");
  }

  @Test
  void refusedParamsAreA4xxWithoutStepOrJob() {
    WorkflowError error = WorkflowError.params("params: missing required 'tenant_id'");

    assertThat(error.toJson())
        .isEqualTo(
            json(
                "{\"message\":\"params: missing required 'tenant_id'\",\"class\":\"4xx\","
                    + "\"failed_step\":null,\"job_id\":null}"));
  }

  @Test
  void aFailedChildGivesItsClassAndAMessageNamingTheWorkflow() {
    WorkflowError child = WorkflowError.http("HTTP 502", ErrorClass.SERVER_ERROR, 502, "db", "C1");

    WorkflowError parent = WorkflowError.childFailed("provision-db", child, "db-step", "P1");

    assertThat(parent.message()).isEqualTo("sub-workflow 'provision-db' failed: HTTP 502");
    assertThat(parent.errorClass()).isEqualTo(ErrorClass.SERVER_ERROR);
    assertThat(parent.failedStep()).isEqualTo("db-step");
    assertThat(parent.statusCode()).isNull();
  }

  @Test
  void aMapInputThatIsNotAnArrayIsA4xx() {
    WorkflowError error = WorkflowError.notAnArray("$.items", json("{}"), "each", "J");

    assertThat(error.message()).isEqualTo("items_path '$.items' is object, not an array");
    assertThat(error.errorClass()).isEqualTo(ErrorClass.CLIENT_ERROR);
  }

  @Test
  void branchAndItemFailuresAreNamedInTheMessage() {
    WorkflowError error = WorkflowError.http("HTTP 500", ErrorClass.SERVER_ERROR, 500, "fan", "J");

    assertThat(error.inBranch("slack").message()).isEqualTo("branch 'slack': HTTP 500");
    assertThat(error.inItem(2).message()).isEqualTo("item 2: HTTP 500");
    assertThat(error.inItem(2).statusCode()).isEqualTo(500);
  }

  @Test
  void noChoiceMatchedIsItsOwnMessage() {
    assertThat(WorkflowError.noChoiceMatched("triage", "J").message())
        .isEqualTo("no choice matched");
  }

  @Test
  void errorClassesAreReadByLabel() {
    assertThat(WorkflowError.errorClass("4xx")).contains(ErrorClass.CLIENT_ERROR);
    assertThat(WorkflowError.errorClass("network")).contains(ErrorClass.NETWORK);
    assertThat(WorkflowError.errorClass("all")).isEmpty();
  }

  @Test
  void somethingThatIsNotAnErrorObjectReadsAsNothing() {
    assertThat(WorkflowError.fromJson(null)).isEmpty();
    assertThat(WorkflowError.fromJson(json("[1]"))).isEmpty();
    assertThat(WorkflowError.fromJson(json("{\"message\":\"m\"}"))).isEmpty();
    assertThat(WorkflowError.fromJson(json("{\"message\":\"m\",\"class\":\"6xx\"}"))).isEmpty();
    assertThat(WorkflowError.fromJsonText("not json")).isEmpty();
  }

  @Property
  void theJsonFormReadsBackEqual(@ForAll("errors") WorkflowError error) {
    assertThat(WorkflowError.fromJsonText(error.toJsonText())).isEqualTo(Optional.of(error));
  }

  @Provide
  Arbitrary<WorkflowError> errors() {
    return Combinators.combine(
            Arbitraries.strings().ofMaxLength(20),
            Arbitraries.of(ErrorClass.class),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).injectNull(0.2),
            Arbitraries.strings().alpha().ofLength(26).injectNull(0.2),
            Arbitraries.integers().between(100, 599).injectNull(0.5))
        .as(WorkflowError::new);
  }
}
