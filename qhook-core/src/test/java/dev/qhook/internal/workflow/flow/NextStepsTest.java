package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qhook.config.Choice;
import dev.qhook.config.ChoiceStep;
import dev.qhook.config.HttpStep;
import dev.qhook.config.StepFlow;
import dev.qhook.config.WorkflowConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Workflows": the order of steps. */
class NextStepsTest {
  private static final HttpStep A = Steps.http("a");
  private static final HttpStep B = Steps.http("b", new StepFlow(false, "d"));
  private static final HttpStep C = Steps.http("c", new StepFlow(true, null));
  private static final ChoiceStep CH =
      new ChoiceStep("ch", null, List.of(new Choice("go", "c")), null);
  private static final HttpStep D = Steps.http("d");
  private static final WorkflowConfig WF =
      new WorkflowConfig("wf", "src", List.of(), null, List.of(), List.of(A, B, C, CH, D));

  @Test
  void aRunStartsAtTheFirstStep() {
    assertThat(NextSteps.first(WF)).isEqualTo(new NextStep.Goto("a", 0));
  }

  @Test
  void withoutEndOrGotoTheNextStepInListOrderFollows() {
    assertThat(NextSteps.afterSuccess(WF, A)).isEqualTo(new NextStep.Goto("b", 1));
  }

  @Test
  void gotoNamesTheNextStep() {
    assertThat(NextSteps.afterSuccess(WF, B)).isEqualTo(new NextStep.Goto("d", 4));
  }

  @Test
  void endCompletesTheRun() {
    assertThat(NextSteps.afterSuccess(WF, C)).isEqualTo(NextStep.Complete.INSTANCE);
  }

  @Test
  void afterTheLastStepTheRunCompletes() {
    assertThat(NextSteps.afterSuccess(WF, D)).isEqualTo(NextStep.Complete.INSTANCE);
  }

  @Test
  void aChoiceGoesToItsMatchOrNowhere() {
    assertThat(NextSteps.afterChoice(WF, CH, json("{\"go\":true}")))
        .contains(new NextStep.Goto("c", 2));
    assertThat(NextSteps.afterChoice(WF, CH, json("{}"))).isEmpty();
  }

  @Test
  void anUnknownStepIsAProgrammingError() {
    assertThatThrownBy(() -> NextSteps.to(WF, "nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workflow 'wf' has no step 'nope'");
  }
}
