package dev.qhook.spi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of running a claimed job, recorded by {@link Store#complete}. Each applies only if
 * the job is still running with attempt number {@link #attempt()}: the attempt number fences off a
 * worker whose lease lapsed and whose job another worker took over. A NUL character (U+0000) in a
 * {@code lastError} becomes U+FFFD, as in {@link AttemptRecord}.
 */
public sealed interface Completion {
  String jobId();

  /** The attempt number the worker claimed. */
  int attempt();

  /** The job is done. */
  record Succeeded(String jobId, int attempt, AttemptRecord record) implements Completion {
    public Succeeded {
      requireNonNull(jobId, "jobId");
      requireNonNull(record, "record");
    }
  }

  /** The attempt failed; the job runs again at {@code runAt}. */
  record Retry(String jobId, int attempt, AttemptRecord record, Instant runAt, String lastError)
      implements Completion {
    public Retry {
      requireNonNull(jobId, "jobId");
      requireNonNull(record, "record");
      requireNonNull(runAt, "runAt");
      lastError = requireNonNull(StoredText.withoutNul(lastError), "lastError");
    }
  }

  /** The job failed for good. {@code record} is null when no request was made. */
  record Dead(String jobId, int attempt, @Nullable AttemptRecord record, String lastError)
      implements Completion {
    public Dead {
      requireNonNull(jobId, "jobId");
      lastError = requireNonNull(StoredText.withoutNul(lastError), "lastError");
    }
  }

  /**
   * The job was not tried (circuit open, rate limit, shutdown): it returns to retryable at {@code
   * runAt} and the attempt it claimed is given back.
   */
  record Released(String jobId, int attempt, Instant runAt, String lastError)
      implements Completion {
    public Released {
      requireNonNull(jobId, "jobId");
      requireNonNull(runAt, "runAt");
      lastError = requireNonNull(StoredText.withoutNul(lastError), "lastError");
    }
  }
}
