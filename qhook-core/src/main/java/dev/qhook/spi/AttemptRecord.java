package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try of a job.
 *
 * @param createdAt when the try started; it ended {@code durationMs} later
 * @param responseBody for failures, the first 1 KiB of the response body
 */
public record AttemptRecord(
    int attempt,
    @Nullable Integer statusCode,
    @Nullable String error,
    long durationMs,
    Instant createdAt,
    @Nullable String responseBody) {

  public AttemptRecord {
    requireNonNull(createdAt, "createdAt");
  }
}
