package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A job to create together with its event.
 *
 * @param target the handler, queue, endpoint or {@code workflow/step} name the job works for
 * @param url the destination at creation time, for display (null for queue messages)
 * @param orderingKey jobs of one target with the same key run one at a time
 *     (docs/reference/configuration.md, "Ordering keys")
 */
public record NewJob(
    String id,
    JobKind kind,
    String target,
    @Nullable String url,
    int maxAttempts,
    Instant scheduledAt,
    @Nullable String orderingKey) {

  public NewJob {
    requireNonNull(id, "id");
    requireNonNull(kind, "kind");
    requireNonNull(target, "target");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    requireNonNull(scheduledAt, "scheduledAt");
  }
}
