package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qhook.config.Choice;
import dev.qhook.config.ChoiceStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Step types": choice. */
class ChoicesTest {
  private static final List<Choice> CHOICES =
      List.of(
          new Choice("$.severity == critical", "page"),
          new Choice("$.severity in [high, critical]", "ticket"),
          new Choice("$.count > 10", "page"));

  @Test
  void theFirstTrueChoiceWins() {
    ChoiceStep step = new ChoiceStep("triage", null, CHOICES, "notify");

    assertThat(Choices.next(step, json("{\"severity\":\"critical\"}"))).contains("page");
    assertThat(Choices.next(step, json("{\"severity\":\"high\",\"count\":50}"))).contains("ticket");
    assertThat(Choices.next(step, json("{\"severity\":\"low\",\"count\":50}"))).contains("page");
  }

  @Test
  void withoutAMatchTheDefaultIsTaken() {
    ChoiceStep step = new ChoiceStep("triage", null, CHOICES, "notify");

    assertThat(Choices.next(step, json("{\"severity\":\"low\"}"))).contains("notify");
    assertThat(Choices.next(step, json("[]"))).contains("notify");
  }

  @Test
  void withoutAMatchOrADefaultThereIsNoNextStep() {
    ChoiceStep step = new ChoiceStep("triage", null, CHOICES, null);

    assertThat(Choices.next(step, json("{\"severity\":\"low\"}"))).isEmpty();
  }

  @Test
  void choicesTestTheStepsInput() {
    ChoiceStep step = new ChoiceStep("triage", null, List.of(new Choice("ok", "yes")), "no");

    assertThat(Choices.next(step, json("{\"ok\":true}"))).contains("yes");
    assertThat(Choices.next(step, json("{\"ok\":0}"))).contains("no");
    assertThat(Choices.next(step, StepResults.result("text"))).contains("no");
  }
}
