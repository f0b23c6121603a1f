package dev.qhook.internal.workflow.flow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qhook.config.CatchRule;
import java.time.Duration;

/** What happens after a step failed (see {@link FailureDecisions}). */
public sealed interface FailureDecision {
  /** Run the step again after {@code delay} (a callback issues a new token, a child a new run). */
  record Retry(Duration delay) implements FailureDecision {
    public Retry {
      requireNonNull(delay, "delay");
    }
  }

  /**
   * A {@code catch} entry took the failure: the run continues at {@code next} with {@link
   * #payload}. The failed job ends {@code completed} with its last error kept.
   *
   * @param next the step named by the entry's {@code goto}
   * @param resultPath where the error object goes in the failed step's input (default {@value
   *     CatchRule#DEFAULT_RESULT_PATH})
   */
  record Catch(String next, String resultPath) implements FailureDecision {
    public Catch {
      requireNonNull(next, "next");
      requireNonNull(resultPath, "resultPath");
    }

    static Catch of(CatchRule rule) {
      return new Catch(rule.next(), rule.resultPath());
    }

    /** The failed step's input with {@code error} at {@link #resultPath}. */
    public JsonNode payload(JsonNode input, WorkflowError error) {
      return DataFlow.withError(input, resultPath, error);
    }
  }

  /**
   * {@code on_failure: continue}: the failed step's input with the error at {@code $.error} goes
   * where success would have gone ({@link NextSteps#afterSuccess}); the step's {@code result_path}
   * and {@code output} do not apply. The failed job ends {@code completed} with its last error
   * kept.
   */
  enum Continue implements FailureDecision {
    INSTANCE;

    /** The failed step's input with {@code error} at {@value DataFlow#ERROR_PATH}. */
    public JsonNode payload(JsonNode input, WorkflowError error) {
      return DataFlow.withError(input, DataFlow.ERROR_PATH, error);
    }
  }

  /**
   * The step's job goes dead ({@code dlq} alert), the run fails with the error object as its error,
   * and a {@code workflow_failed} alert is raised.
   */
  enum Stop implements FailureDecision {
    INSTANCE
  }
}
