package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.ErrorClass;
import dev.qhook.config.ParamType;
import dev.qhook.config.WorkflowParam;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Params". */
class ParamsCheckTest {
  private static final List<WorkflowParam> TENANT =
      List.of(
          new WorkflowParam("tenant_id", ParamType.STRING, true),
          new WorkflowParam("region", ParamType.STRING, true),
          new WorkflowParam("plan", ParamType.STRING, false));

  @Test
  void aPayloadWithEveryRequiredParamOfItsTypePasses() {
    assertThat(ParamsCheck.check(TENANT, json("{\"tenant_id\":\"t\",\"region\":\"eu\",\"x\":1}")))
        .isEmpty();
    assertThat(
            ParamsCheck.check(
                TENANT, json("{\"tenant_id\":\"t\",\"region\":\"eu\",\"plan\":\"pro\"}")))
        .isEmpty();
  }

  @Test
  void aMissingRequiredParamIsNamed() {
    assertThat(ParamsCheck.check(TENANT, json("{\"region\":\"eu\"}")))
        .contains("params: missing required 'tenant_id'");
  }

  @Test
  void everyProblemIsListed() {
    assertThat(ParamsCheck.check(TENANT, json("{\"plan\":3}")))
        .contains(
            "params: missing required 'tenant_id'; missing required 'region'; "
                + "'plan' must be a string, was number");
  }

  @Test
  void aPresentParamMustHaveItsType() {
    List<WorkflowParam> params =
        List.of(
            new WorkflowParam("n", ParamType.NUMBER, true),
            new WorkflowParam("b", ParamType.BOOLEAN, true),
            new WorkflowParam("o", ParamType.OBJECT, true),
            new WorkflowParam("a", ParamType.ARRAY, true));

    assertThat(ParamsCheck.check(params, json("{\"n\":1.5,\"b\":false,\"o\":{},\"a\":[]}")))
        .isEmpty();
    assertThat(ParamsCheck.check(params, json("{\"n\":\"1\",\"b\":\"true\",\"o\":[],\"a\":null}")))
        .contains(
            "params: 'n' must be a number, was string; 'b' must be a boolean, was string; "
                + "'o' must be an object, was array; 'a' must be an array, was null");
  }

  @Test
  void thePayloadMustBeAnObject() {
    assertThat(ParamsCheck.check(TENANT, json("[1]")))
        .contains("params: the payload must be a JSON object, was array");
    assertThat(ParamsCheck.check(TENANT, StepResults.result("plain text")))
        .contains("params: the payload must be a JSON object, was string");
  }

  @Test
  void withoutParamsAnyPayloadPasses() {
    assertThat(ParamsCheck.check(List.of(), json("[1]"))).isEmpty();
  }

  @Test
  void theErrorIsA4xxOfTheRun() {
    WorkflowError error = ParamsCheck.error(TENANT, json("{}")).orElseThrow();

    assertThat(error.errorClass()).isEqualTo(ErrorClass.CLIENT_ERROR);
    assertThat(error.failedStep()).isNull();
    assertThat(error.message()).startsWith("params: missing required 'tenant_id'");
  }
}
