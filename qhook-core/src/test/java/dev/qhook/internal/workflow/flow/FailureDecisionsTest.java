package dev.qhook.internal.workflow.flow;

import static dev.qhook.internal.workflow.flow.Steps.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.Backoff;
import dev.qhook.config.CatchRule;
import dev.qhook.config.ErrorClass;
import dev.qhook.config.HttpStep;
import dev.qhook.config.OnFailure;
import dev.qhook.config.RetryPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** docs/reference/configuration.md, "Failure handling": retry, catch, continue, stop. */
class FailureDecisionsTest {
  private static final RetryPolicy THREE_ON_5XX =
      RetryPolicy.builder()
          .maxAttempts(3)
          .jitter(false)
          .interval(Duration.ofSeconds(10))
          .errors(ErrorClass.SERVER_ERROR, ErrorClass.TIMEOUT)
          .build();
  private static final CatchRule CATCH_ALL =
      new CatchRule(EnumSet.allOf(ErrorClass.class), "rollback", CatchRule.DEFAULT_RESULT_PATH);
  private static final SplittableRandom RANDOM = new SplittableRandom(7);

  private static FailureDecision decide(HttpStep step, ErrorClass c, int attempt) {
    return FailureDecisions.decide(step, c, attempt, null, RANDOM);
  }

  @Test
  void aRetriedClassIsRetriedWithTheBackoffDelayWhileAttemptsRemain() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(CATCH_ALL), OnFailure.STOP);

    assertThat(decide(step, ErrorClass.SERVER_ERROR, 1))
        .isEqualTo(new FailureDecision.Retry(Duration.ofSeconds(10)));
    assertThat(decide(step, ErrorClass.TIMEOUT, 2))
        .isEqualTo(new FailureDecision.Retry(Duration.ofSeconds(20)));
  }

  @Test
  void retryAfterReplacesTheComputedDelay() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(), OnFailure.STOP);

    assertThat(
            FailureDecisions.decide(
                step, ErrorClass.SERVER_ERROR, 1, Duration.ofSeconds(90), RANDOM))
        .isEqualTo(new FailureDecision.Retry(Duration.ofSeconds(90)));
  }

  @Test
  void whenAttemptsAreUsedUpTheFirstMatchingCatchWins() {
    CatchRule only4xx = new CatchRule(Set.of(ErrorClass.CLIENT_ERROR), "fix-input", "$.why");
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(only4xx, CATCH_ALL), OnFailure.STOP);

    assertThat(decide(step, ErrorClass.SERVER_ERROR, 3))
        .isEqualTo(new FailureDecision.Catch("rollback", "$.error"));
    assertThat(decide(step, ErrorClass.CLIENT_ERROR, 1))
        .isEqualTo(new FailureDecision.Catch("fix-input", "$.why"));
  }

  @Test
  void aClassNotInRetryErrorsGoesToCatchAtOnce() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(CATCH_ALL), OnFailure.STOP);

    assertThat(decide(step, ErrorClass.NETWORK, 1))
        .isEqualTo(new FailureDecision.Catch("rollback", "$.error"));
  }

  @Test
  void withoutAMatchingCatchContinueComesNext() {
    CatchRule only4xx = new CatchRule(Set.of(ErrorClass.CLIENT_ERROR), "x", "$.error");
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(only4xx), OnFailure.CONTINUE);

    assertThat(decide(step, ErrorClass.SERVER_ERROR, 3))
        .isEqualTo(FailureDecision.Continue.INSTANCE);
  }

  @Test
  void withNothingElseTheRunStops() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(), OnFailure.STOP);

    assertThat(decide(step, ErrorClass.SERVER_ERROR, 3)).isEqualTo(FailureDecision.Stop.INSTANCE);
    assertThat(decide(step, ErrorClass.CLIENT_ERROR, 1)).isEqualTo(FailureDecision.Stop.INSTANCE);
  }

  @Test
  void maxZeroMeansOneAttempt() {
    HttpStep step =
        Steps.failing(RetryPolicy.builder().maxAttempts(0).build(), List.of(), OnFailure.STOP);

    assertThat(decide(step, ErrorClass.SERVER_ERROR, 1)).isEqualTo(FailureDecision.Stop.INSTANCE);
  }

  @Test
  void afterRetriesSkipsTheRetryStep() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(CATCH_ALL), OnFailure.STOP);

    assertThat(FailureDecisions.afterRetries(step, ErrorClass.SERVER_ERROR))
        .isEqualTo(new FailureDecision.Catch("rollback", "$.error"));
  }

  @Test
  void attemptsStartAtOne() {
    HttpStep step = Steps.failing(THREE_ON_5XX, List.of(), OnFailure.STOP);

    assertThatThrownBy(() -> decide(step, ErrorClass.SERVER_ERROR, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void catchAndContinuePutTheErrorIntoTheFailedStepsInput() {
    JsonNode input = json("{\"tenant_id\":\"t1\"}");
    WorkflowError error = WorkflowError.http("HTTP 500", ErrorClass.SERVER_ERROR, 500, "s", "J");

    assertThat(
            new FailureDecision.Catch("r", "$.failure")
                .payload(input, error)
                .at("/failure/message")
                .textValue())
        .isEqualTo("HTTP 500");
    JsonNode continued = FailureDecision.Continue.INSTANCE.payload(input, error);
    assertThat(continued.get("tenant_id").textValue()).isEqualTo("t1");
    assertThat(continued.at("/error/status_code").intValue()).isEqualTo(500);
  }

  @Property
  void retriesExactlyWhileTheClassIsRetriedAndAttemptsRemain(
      @ForAll @IntRange(min = 0, max = 8) int max,
      @ForAll @IntRange(min = 1, max = 10) int attempt,
      @ForAll ErrorClass failed,
      @ForAll ErrorClass retried,
      @ForAll boolean catches,
      @ForAll OnFailure onFailure) {
    RetryPolicy retry =
        new RetryPolicy(
            max,
            Backoff.FIXED,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            false,
            Set.of(retried));
    List<CatchRule> rules =
        catches ? List.of(new CatchRule(Set.of(failed), "c", "$.e")) : List.of();
    HttpStep step = Steps.failing(retry, rules, onFailure);

    FailureDecision decision = decide(step, failed, attempt);

    if (failed == retried && attempt < Math.max(1, max)) {
      assertThat(decision).isEqualTo(new FailureDecision.Retry(Duration.ofSeconds(1)));
    } else if (catches) {
      assertThat(decision).isEqualTo(new FailureDecision.Catch("c", "$.e"));
    } else if (onFailure == OnFailure.CONTINUE) {
      assertThat(decision).isEqualTo(FailureDecision.Continue.INSTANCE);
    } else {
      assertThat(decision).isEqualTo(FailureDecision.Stop.INSTANCE);
    }
  }
}
