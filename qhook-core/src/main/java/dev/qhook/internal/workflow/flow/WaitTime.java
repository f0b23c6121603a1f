package dev.qhook.internal.workflow.flow;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a wait step lets its run continue.
 *
 * @param at the time to continue; never before the time the step started
 * @param warning why it continues at once rather than at the configured time (a timestamp in the
 *     past, missing or unparsable), or null
 */
public record WaitTime(Instant at, @Nullable String warning) {
  public WaitTime {
    requireNonNull(at, "at");
  }

  /** The warning to log, if the configured time could not be used. */
  public Optional<String> warningText() {
    return Optional.ofNullable(warning);
  }
}
