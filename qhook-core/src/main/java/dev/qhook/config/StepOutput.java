package dev.qhook.config;

import org.jspecify.annotations.Nullable;

/**
 * How a step's result becomes its output.
 *
 * @param resultPath where the result is placed in a copy of the input ({@code $}, the default,
 *     replaces the input); null when the config says {@code null} or {@code "null"}: the result is
 *     discarded and the input kept
 * @param output template applied to the merged document, or null
 */
public record StepOutput(@Nullable String resultPath, @Nullable String output) {
  /** The default: the result replaces the input, no output template. */
  public static final StepOutput DEFAULT = new StepOutput("$", null);

  /** Whether the result is discarded ({@code result_path: null}). */
  public boolean discardsResult() {
    return resultPath == null;
  }
}
