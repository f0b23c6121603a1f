package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One execution of a step, branch or map item of a run: its job and what it acted on.
 *
 * @param input the step's input as JSON text
 * @param output the step's output (for a branch or item: its result) as JSON text, once it
 *     succeeded
 * @param error the error object as JSON text, once it failed for good
 * @param activation the id of the step job this job belongs to (its own id for a step job)
 * @param resume what woke a waiting step job (a callback, a child run's end, a join), as JSON text
 */
public record RunStep(
    Job job,
    String input,
    @Nullable String output,
    @Nullable String error,
    String activation,
    @Nullable String resume) {
  public RunStep {
    requireNonNull(job, "job");
    requireNonNull(input, "input");
    requireNonNull(activation, "activation");
  }
}
