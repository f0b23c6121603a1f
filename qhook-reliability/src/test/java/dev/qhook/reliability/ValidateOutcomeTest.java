package dev.qhook.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateOutcomeTest {
  @Test
  void problemsWithPathsAreClearErrors() {
    String output =
        "handlers.billing.retry.max: must be an integer from 0 to 1000, was 'x'\n"
            + "error: invalid config qhook.yaml: 1 problem\n";
    assertThat(
            ValidateOutcome.classify(1, output, null, List.of("must be an integer from 0 to 1000")))
        .isEqualTo(ValidateOutcome.CLEAR_ERRORS);
    assertThat(ValidateOutcome.classify(0, "qhook.yaml is valid", null, List.of()))
        .isEqualTo(ValidateOutcome.VALID);
  }

  @Test
  void javaInternalsInAMessageAreUnclear() {
    assertThat(
            ValidateOutcome.classify(
                1,
                "q.yaml: invalid YAML: java.lang.NumberFormatException: For input",
                null,
                List.of("x")))
        .isEqualTo(ValidateOutcome.UNCLEAR);
    assertThat(
            ValidateOutcome.classify(
                1, "steps[1].name: invalid name '[B@a3acb78'", null, List.of("x")))
        .isEqualTo(ValidateOutcome.UNCLEAR);
    assertThat(ValidateOutcome.classify(1, "error: null", null, List.of()))
        .isEqualTo(ValidateOutcome.UNCLEAR);
  }

  @Test
  void escapedThrowablesStackTracesAndOtherStatusesAreCrashes() {
    assertThat(ValidateOutcome.classify(1, "", new StackOverflowError(), List.of()))
        .isEqualTo(ValidateOutcome.CRASH);
    assertThat(ValidateOutcome.classify(-1, "uncaught", null, List.of()))
        .isEqualTo(ValidateOutcome.CRASH);
    assertThat(
            ValidateOutcome.classify(
                1,
                "Exception in thread \"main\" x\n\tat dev.qhook.X.y(X.java:1)\n",
                null,
                List.of()))
        .isEqualTo(ValidateOutcome.CRASH);
  }
}
