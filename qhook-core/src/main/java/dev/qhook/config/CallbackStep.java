package dev.qhook.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A step of type {@code callback}: issues a token, optionally notifies a URL, and waits for {@code
 * POST /callback/{token}}.
 *
 * @param notification the {@code url} (with the step's {@code headers}; always {@code POST}), or
 *     null when no notification is sent
 * @param callbackTimeout time allowed after notification, or null for no limit
 */
public record CallbackStep(
    String name,
    @Nullable String input,
    @Nullable HttpCall notification,
    @Nullable Duration callbackTimeout,
    StepOutput output,
    FailurePolicy failure,
    StepFlow flow)
    implements FallibleStep {
  public CallbackStep {
    requireNonNull(name, "name");
    requireNonNull(output, "output");
    requireNonNull(failure, "failure");
    requireNonNull(flow, "flow");
  }

  @Override
  public StepType type() {
    return StepType.CALLBACK;
  }
}
