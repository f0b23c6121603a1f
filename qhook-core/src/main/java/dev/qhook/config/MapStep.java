package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A step of type {@code map}: one call per element of the array at {@code items_path}.
 *
 * @param itemsPath path to the array in the step's input
 * @param maxConcurrency items in flight at once; default {@value #DEFAULT_MAX_CONCURRENCY}
 */
public record MapStep(
    String name,
    @Nullable String input,
    String itemsPath,
    int maxConcurrency,
    HttpCall call,
    StepOutput output,
    FailurePolicy failure,
    StepFlow flow)
    implements FallibleStep {
  public static final int DEFAULT_MAX_CONCURRENCY = 10;

  public MapStep {
    requireNonNull(name, "name");
    requireNonNull(itemsPath, "itemsPath");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be >= 1, was " + maxConcurrency);
    }
    requireNonNull(call, "call");
    requireNonNull(output, "output");
    requireNonNull(failure, "failure");
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.MAP;
  }
}
