package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A step of type {@code wait}: holds the run for a fixed delay or until a time found in the input.
 * Exactly one of the two is set.
 *
 * @param delay the {@code seconds} key
 * @param timestampPath path to an RFC 3339 string or unix-seconds number
 */
public record WaitStep(
    String name,
    @Nullable String input,
    @Nullable Duration delay,
    @Nullable String timestampPath,
    StepFlow flow)
    implements SequentialStep {
  public WaitStep {
    requireNonNull(name, "name");
    if ((delay == null) == (timestampPath == null)) {
      throw new IllegalArgumentException("exactly one of delay and timestampPath must be set");
    }
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.WAIT;
  }
}
