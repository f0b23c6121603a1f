package dev.qhook.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The callback tokens of {@link InMemoryRuns}: {@code pending} until used, expired or invalidated
 * (a new token for the same job, or the run's end). Not thread-safe: the store serialises every
 * call.
 */
final class InMemoryTokens {
  private final InMemorySteps steps;
  private final Map<String, TokenRow> tokens = new HashMap<>();

  InMemoryTokens(InMemorySteps steps) {
    this.steps = steps;
  }

  private static final class TokenRow {
    final String runId;
    final String jobId;
    String status = "pending";
    @Nullable Instant expiresAt;

    TokenRow(String runId, String jobId) {
      this.runId = runId;
      this.jobId = jobId;
    }
  }

  /** A waiting callback step's token expires at {@code expiresAt}. */
  void expireAt(String token, @Nullable Instant expiresAt) {
    TokenRow row = tokens.get(token);
    if (row != null) {
      row.expiresAt = expiresAt;
    }
  }

  /** The run ended: its pending tokens can no longer be used. */
  void invalidateOfRun(String runId) {
    tokens.values().stream()
        .filter(t -> t.runId.equals(runId) && t.status.equals("pending"))
        .forEach(t -> t.status = "invalidated");
  }

  void create(String token, String runId, String jobId) {
    tokens.values().stream()
        .filter(t -> t.jobId.equals(jobId) && t.status.equals("pending"))
        .forEach(t -> t.status = "invalidated");
    InMemorySteps.StepRow step = steps.get(jobId);
    if (step != null) {
      step.resume = null;
    }
    tokens.put(token, new TokenRow(runId, jobId));
  }

  /**
   * Uses a pending, unexpired token of a run still running ({@code running} tells): wakes its job
   * with {@code resume}.
   */
  boolean complete(String token, String resume, Instant now, Predicate<String> running) {
    TokenRow t = tokens.get(token);
    if (t == null
        || !t.status.equals("pending")
        || (t.expiresAt != null && !t.expiresAt.isAfter(now))) {
      return false;
    }
    if (!running.test(t.runId)) {
      return false;
    }
    t.status = "used";
    steps.wake(t.jobId, resume, now);
    return true;
  }

  int expire(Instant now, String resume) {
    int n = 0;
    for (TokenRow t : tokens.values()) {
      if (t.status.equals("pending") && t.expiresAt != null && !t.expiresAt.isAfter(now)) {
        t.status = "expired";
        steps.wake(t.jobId, resume, now);
        n++;
      }
    }
    return n;
  }

  /** Forgets the tokens of deleted runs. */
  void forgetRuns(Collection<String> runIds) {
    tokens.values().removeIf(t -> runIds.contains(t.runId));
  }
}
