package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try of a job.
 *
 * @param error what went wrong; a NUL character (U+0000) in it becomes U+FFFD, as in {@code
 *     responseBody}
 * @param createdAt when the try started; it ended {@code durationMs} later
 * @param responseBody for failures, the first 1 KiB of the response body, each NUL character
 *     replaced with U+FFFD (PostgreSQL text cannot hold NUL; docs/configuration.md, "Stores")
 */
public record AttemptRecord(
    int attempt,
    @Nullable Integer statusCode,
    @Nullable String error,
    long durationMs,
    Instant createdAt,
    @Nullable String responseBody) {

  public AttemptRecord {
    error = StoredText.withoutNul(error);
    requireNonNull(createdAt, "createdAt");
    responseBody = StoredText.withoutNul(responseBody);
  }
}
